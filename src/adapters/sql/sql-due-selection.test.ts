import type { StoredRegisterEntry } from '../../app/ports/register-repository';
import type { Page } from '../../app/ports/page';
import { SqlDueSelection } from './sql-due-selection';
import { SqlRegisterRepository } from './sql-register-repository';
import { aRegisterEntry } from './testing/builders';
import { sqliteInMemory, type TestDatabase } from './testing/test-database';

describe('SqlDueSelection', () => {
  let testDb: TestDatabase;
  let selection: SqlDueSelection;

  beforeEach(async () => {
    testDb = await sqliteInMemory.create();
    selection = new SqlDueSelection(testDb.database);
    const register = new SqlRegisterRepository(testDb.database);
    const entries = [
      aRegisterEntry({ issueKey: 'SEC-1', expiresOn: '2027-02-01', nextReviewDue: '2027-01-15' }),
      aRegisterEntry({ issueKey: 'SEC-2', expiresOn: '2027-02-02', nextReviewDue: '2027-01-16' }),
      aRegisterEntry({ issueKey: 'SEC-3', expiresOn: '2027-02-02', nextReviewDue: '2027-01-16' }),
      aRegisterEntry({ issueKey: 'SEC-4', expiresOn: '2027-02-03', nextReviewDue: '2027-04-15' }),
      aRegisterEntry({ issueKey: 'SEC-5', status: 'expired', expiresOn: '2027-02-02', statusChangedAt: '2027-02-03T00:10:00.000Z' }),
      aRegisterEntry({ issueKey: 'SEC-6', status: 'expired', expiresOn: '2027-01-20', statusChangedAt: '2027-01-21T00:10:00.000Z' }),
      aRegisterEntry({ issueKey: 'SEC-7', status: 'rejected', expiresOn: undefined, statusChangedAt: '2027-02-03T08:00:00.000Z' }),
    ];
    for (const entry of entries) await register.project(entry);
  });

  afterEach(() => testDb.close());

  const all = async (read: (cursor?: string) => Promise<Page<StoredRegisterEntry>>): Promise<string[][]> => {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await read(cursor);
      pages.push(page.items.map((entry) => entry.issueKey));
      cursor = page.next;
    } while (cursor !== undefined);
    return pages;
  };

  it.each([
    [{ after: '2027-01-31', through: '2027-02-01' }, [['SEC-1']]],
    [{ after: '2027-02-01', through: '2027-02-02' }, [['SEC-2', 'SEC-3']]],
    [{ after: '2027-01-31', through: '2027-02-03' }, [['SEC-1', 'SEC-2'], ['SEC-3', 'SEC-4']]],
    [{ after: '2027-02-03', through: '2027-03-01' }, [[]]],
  ])('finds active exceptions expiring in %j, page by page, leaving other statuses out', async (range, pages) => {
    expect(await all((cursor) => selection.expiringIn(range, 2, cursor))).toEqual(pages);
  });

  it('finds active exceptions whose review falls due in a range', async () => {
    expect(await all((cursor) => selection.reviewDueIn({ after: '2027-01-14', through: '2027-01-16' }, 10, cursor))).toEqual([['SEC-1', 'SEC-2', 'SEC-3']]);
  });

  it('finds exceptions that entered a status since an instant, oldest first', async () => {
    expect(await all((cursor) => selection.enteredStatusSince('expired', '2027-01-01T00:00:00Z', 1, cursor))).toEqual([['SEC-6'], ['SEC-5']]);
    expect(await all((cursor) => selection.enteredStatusSince('expired', '2027-02-03T00:10:00.000Z', 10, cursor))).toEqual([['SEC-5']]);
  });

  it('refuses a cursor minted for another selection, since only a bug can produce one', async () => {
    const page = await selection.expiringIn({ after: '2027-01-31', through: '2027-02-03' }, 1);
    await expect(selection.reviewDueIn({ after: '2027-01-14', through: '2027-01-16' }, 1, page.next)).rejects.toThrow('does not belong');
  });
});
