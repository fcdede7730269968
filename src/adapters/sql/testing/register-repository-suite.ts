import type { RegisterEntry, RegisterSort, StoredRegisterEntry } from '../../../app/ports/register-repository';
import { STATUSES, TIERS } from '../../../domain/exception/security-exception';
import { addCalendarDays } from '../../../domain/shared/dates';
import { SqlRegisterRepository } from '../sql-register-repository';
import { aRegisterEntry } from './builders';
import type { TestDatabase, TestDatabaseFactory } from './test-database';

/** The register repository's behaviour, run on every engine. Each test works in its own project key. */
export const describeRegisterRepository = (factory: TestDatabaseFactory): void => {
  describe(`SqlRegisterRepository on ${factory.name}`, () => {
    let testDb: TestDatabase;
    let repository: SqlRegisterRepository;
    let projects = 0;
    const newProject = (): string => `P${(projects += 1)}`;

    beforeAll(async () => {
      testDb = await factory.create();
      repository = new SqlRegisterRepository(testDb.database);
    });
    afterAll(() => testDb.close());

    const entryIn = (project: string, n: number, overrides: Partial<RegisterEntry> = {}): RegisterEntry =>
      aRegisterEntry({ issueKey: `${project}-${n}`, projectKey: project, ...overrides });

    const saveAll = async (entries: readonly RegisterEntry[]): Promise<void> => {
      for (const entry of entries) {
        const saved = await repository.save(entry, 'absent');
        if (!saved.ok) throw new Error(saved.error.message);
      }
    };

    describe('reading and writing one entry', () => {
      it('stores a new entry at version 1 and reads every field back', async () => {
        const entry = entryIn(newProject(), 1, {
          riskScore: 9.8,
          lacksControls: true,
          renewalOf: 'OLD-7',
          renewalCount: 2,
          approvers: ['acc-a', 'acc-b'],
          controlReferences: [
            { framework: 'SOC2', id: 'CC7.1' },
            { framework: 'ISO27001', id: 'A.8.8' },
          ],
        });
        expect(await repository.save(entry, 'absent')).toEqual({ ok: true, value: { version: 1 } });
        expect(await repository.get(entry.issueKey)).toEqual({ ...entry, version: 1 });
      });

      it('reads absent optional fields back as absent', async () => {
        const entry = entryIn(newProject(), 1, { status: 'draft', expiresOn: undefined, activatedAt: undefined, nextReviewDue: undefined });
        await saveAll([entry]);
        const stored = await repository.get(entry.issueKey);
        expect(stored).not.toHaveProperty('expiresOn');
        expect(stored).not.toHaveProperty('activatedAt');
        expect(stored).not.toHaveProperty('nextReviewDue');
        expect(stored).not.toHaveProperty('renewalOf');
      });

      it('answers null for an issue that is not in the register', async () => {
        expect(await repository.get('NOPE-1')).toBeNull();
      });

      it('updates at the version it read and moves the per-asset rows along', async () => {
        const project = newProject();
        const entry = entryIn(project, 1, { assetIds: ['asset-old'] });
        await saveAll([entry]);
        const updated = { ...entry, assetIds: ['asset-new'], tier: 'high' as const };
        expect(await repository.save(updated, 1)).toEqual({ ok: true, value: { version: 2 } });
        expect(await repository.get(entry.issueKey)).toEqual({ ...updated, version: 2 });
        expect(await repository.count({ projectKey: project, assetId: 'asset-old' })).toBe(0);
        expect(await repository.count({ projectKey: project, assetId: 'asset-new' })).toBe(1);
      });

      it('refuses a write based on an old version and keeps the stored entry', async () => {
        const entry = entryIn(newProject(), 1);
        await saveAll([entry]);
        await repository.save({ ...entry, title: 'second' }, 1);
        const stale = await repository.save({ ...entry, title: 'stale' }, 1);
        expect(stale).toMatchObject({ ok: false, error: { code: 'REGISTER.VERSION_CONFLICT' } });
        expect(stale.ok ? '' : stale.error.message).toMatch(/you had version 1, it is now at version 2/);
        expect(await repository.get(entry.issueKey)).toMatchObject({ title: 'second', version: 2 });
      });

      it('refuses to create an entry that already exists', async () => {
        const entry = entryIn(newProject(), 1);
        await saveAll([entry]);
        expect(await repository.save({ ...entry, title: 'again' }, 'absent')).toMatchObject({
          ok: false,
          error: { code: 'REGISTER.VERSION_CONFLICT' },
        });
      });

      it('refuses to update an entry that was never created', async () => {
        expect(await repository.save(entryIn(newProject(), 1), 3)).toMatchObject({ ok: false, error: { code: 'REGISTER.VERSION_CONFLICT' } });
      });

      it('stores the same instant written with another offset as one normalised value', async () => {
        const entry = entryIn(newProject(), 1, { statusChangedAt: '2026-11-03T12:00:00+02:00' });
        await saveAll([entry]);
        expect((await repository.get(entry.issueKey))?.statusChangedAt).toBe('2026-11-03T10:00:00.000Z');
      });
    });

    describe('concurrent writers', () => {
      it('lets exactly one of several writers at the same version win; the others get a conflict', async () => {
        const project = newProject();
        const entry = entryIn(project, 1);
        await saveAll([entry]);
        const writers = Array.from({ length: 8 }, (_, i) => ({ ...entry, title: `writer ${i}`, assetIds: [`asset-${i}`] }));
        const results = await Promise.all(writers.map((writer) => repository.save(writer, 1)));
        const winners = results.flatMap((result, i) => (result.ok ? [i] : []));
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'REGISTER.VERSION_CONFLICT')).toBe(true);
        const winner = winners[0] ?? -1;
        expect(await repository.get(entry.issueKey)).toMatchObject({ title: `writer ${winner}`, version: 2 });
        const visibleAssets = await Promise.all(writers.map((_, i) => repository.count({ projectKey: project, assetId: `asset-${i}` })));
        expect(visibleAssets).toEqual(writers.map((_, i) => (i === winner ? 1 : 0)));
      });

      it('loses nothing when every writer re-reads and retries after a conflict', async () => {
        const entry = entryIn(newProject(), 1, { approvers: [] });
        await saveAll([entry]);
        const addApprover = async (approver: string): Promise<void> => {
          for (;;) {
            const current = await repository.get(entry.issueKey);
            if (current === null) throw new Error('entry vanished');
            const { version, ...fields } = current;
            const saved = await repository.save({ ...fields, approvers: [...fields.approvers, approver] }, version);
            if (saved.ok) return;
          }
        };
        const approvers = Array.from({ length: 6 }, (_, i) => `acc-${i}`);
        await Promise.all(approvers.map(addApprover));
        const stored = await repository.get(entry.issueKey);
        expect([...(stored?.approvers ?? [])].sort()).toEqual(approvers);
        expect(stored?.version).toBe(1 + approvers.length);
      });
    });

    describe('projecting Jira changes', () => {
      it('inserts, applies newer changes and ignores replayed or older ones', async () => {
        const entry = entryIn(newProject(), 1, { jiraUpdatedAt: '2026-11-03T10:00:00.000Z' });
        expect(await repository.project(entry)).toBe('inserted');
        expect(await repository.project(entry)).toBe('stale');
        expect(await repository.project({ ...entry, title: 'newer', jiraUpdatedAt: '2026-11-03T11:00:00.000Z' })).toBe('updated');
        expect(await repository.project({ ...entry, title: 'older', jiraUpdatedAt: '2026-11-03T10:30:00.000Z' })).toBe('stale');
        expect(await repository.get(entry.issueKey)).toMatchObject({ title: 'newer', version: 2 });
      });

      it('converges on the newest of concurrently delivered changes', async () => {
        const entry = entryIn(newProject(), 1);
        const deliveries = Array.from({ length: 6 }, (_, i) => ({
          ...entry,
          title: `change ${i}`,
          jiraUpdatedAt: `2026-11-03T1${i}:00:00.000Z`,
        }));
        await Promise.all([...deliveries].reverse().map((delivery) => repository.project(delivery)));
        expect(await repository.get(entry.issueKey)).toMatchObject({ title: 'change 5', jiraUpdatedAt: '2026-11-03T15:00:00.000Z' });
      });
    });

    describe('removing', () => {
      it('removes an entry with its per-asset rows, once', async () => {
        const project = newProject();
        const entry = entryIn(project, 1, { assetIds: ['asset-gone'] });
        await saveAll([entry]);
        expect(await repository.remove(entry.issueKey)).toBe('removed');
        expect(await repository.remove(entry.issueKey)).toBe('absent');
        expect(await repository.get(entry.issueKey)).toBeNull();
        expect(await repository.concurrencyCounts({ assetIds: ['asset-gone'] })).toEqual({ perAsset: { 'asset-gone': 0 }, perBusinessUnit: 0 });
      });
    });

    describe('the register page', () => {
      const days = ['2027-01-10', '2027-01-10', '2027-02-01', '2027-03-15', undefined];
      const seedProject = async (): Promise<{ project: string; entries: RegisterEntry[] }> => {
        const project = newProject();
        const entries = Array.from({ length: 23 }, (_, i) =>
          entryIn(project, i + 1, {
            status: STATUSES[i % 3 === 0 ? 4 : i % 5] ?? 'active',
            tier: TIERS[i % 4] ?? 'low',
            riskScore: (i * 7) % 11,
            requester: `acc-requester-${i % 2}`,
            assetOwner: `acc-owner-${i % 3}`,
            businessUnit: i % 2 === 0 ? 'Payments' : 'Retail',
            kind: i % 4 === 0 ? 'policy' : 'vulnerability-sla',
            assetIds: [`asset-${i % 4}`, 'asset-shared'],
            controlReferences: i % 3 === 0 ? [{ framework: 'ISO27001', id: 'A.8.8' }] : [{ framework: 'SOC2', id: 'CC7.1' }],
            expiresOn: days[i % days.length],
            nextReviewDue: i % 6 === 0 ? undefined : addCalendarDays('2027-01-01', i),
            lacksControls: i % 5 === 0,
            jiraUpdatedAt: `2026-11-${String(1 + (i % 9)).padStart(2, '0')}T10:00:00.000Z`,
          }),
        );
        await saveAll(entries);
        return { project, entries };
      };

      const readAllPages = async (request: Parameters<SqlRegisterRepository['page']>[0]): Promise<StoredRegisterEntry[]> => {
        const items: StoredRegisterEntry[] = [];
        let after: string | undefined;
        for (let guard = 0; guard < 100; guard += 1) {
          const page = await repository.page({ ...request, ...(after === undefined ? {} : { after }) });
          if (!page.ok) throw new Error(page.error.message);
          items.push(...page.value.items);
          if (page.value.next === undefined) return items;
          after = page.value.next;
        }
        throw new Error('pagination did not end');
      };

      const NO_DAY = '9999-12-31';
      const sortKey = (entry: RegisterEntry, sort: RegisterSort): string | number => {
        switch (sort.by) {
          case 'expiresOn':
            return entry.expiresOn ?? NO_DAY;
          case 'nextReviewDue':
            return entry.nextReviewDue ?? NO_DAY;
          case 'riskScore':
            return entry.riskScore;
          case 'jiraUpdatedAt':
            return entry.jiraUpdatedAt;
        }
      };
      const expectedOrder = (entries: readonly RegisterEntry[], sort: RegisterSort): string[] =>
        [...entries]
          .sort((a, b) => {
            const [x, y] = [sortKey(a, sort), sortKey(b, sort)];
            const byValue = x < y ? -1 : x > y ? 1 : a.issueKey < b.issueKey ? -1 : a.issueKey > b.issueKey ? 1 : 0;
            return sort.direction === 'asc' ? byValue : -byValue;
          })
          .map((entry) => entry.issueKey);

      it.each([
        ['expiresOn', 'asc'],
        ['expiresOn', 'desc'],
        ['riskScore', 'asc'],
        ['riskScore', 'desc'],
        ['nextReviewDue', 'asc'],
        ['jiraUpdatedAt', 'desc'],
      ] as const)('pages through every entry sorted by %s %s, each exactly once', async (by, direction) => {
        const { project, entries } = await seedProject();
        const sort: RegisterSort = { by, direction };
        const all = await readAllPages({ filter: { projectKey: project }, sort, limit: 4 });
        expect(all.map((entry) => entry.issueKey)).toEqual(expectedOrder(entries, sort));
      });

      it.each([
        ['statuses', { statuses: ['active', 'expired'] }, (e: RegisterEntry) => e.status === 'active' || e.status === 'expired'],
        ['tiers', { tiers: ['high', 'critical'] }, (e: RegisterEntry) => e.tier === 'high' || e.tier === 'critical'],
        ['kinds', { kinds: ['policy'] }, (e: RegisterEntry) => e.kind === 'policy'],
        ['requester', { requester: 'acc-requester-1' }, (e: RegisterEntry) => e.requester === 'acc-requester-1'],
        ['assetOwner', { assetOwner: 'acc-owner-2' }, (e: RegisterEntry) => e.assetOwner === 'acc-owner-2'],
        ['businessUnit', { businessUnit: 'Retail' }, (e: RegisterEntry) => e.businessUnit === 'Retail'],
        ['assetId', { assetId: 'asset-3' }, (e: RegisterEntry) => e.assetIds.includes('asset-3')],
        [
          'controlReference',
          { controlReference: { framework: 'ISO27001', id: 'A.8.8' } },
          (e: RegisterEntry) => e.controlReferences.some((c) => c.framework === 'ISO27001'),
        ],
        ['expiresOnOrBefore', { expiresOnOrBefore: '2027-02-01' }, (e: RegisterEntry) => e.expiresOn !== undefined && e.expiresOn <= '2027-02-01'],
        ['lacksControls', { lacksControls: true }, (e: RegisterEntry) => e.lacksControls],
        [
          'status and tier together',
          { statuses: ['active'], tiers: ['low', 'medium'] },
          (e: RegisterEntry) => e.status === 'active' && (e.tier === 'low' || e.tier === 'medium'),
        ],
      ] as const)('filters by %s', async (_name, filter, predicate) => {
        const { project, entries } = await seedProject();
        const sort: RegisterSort = { by: 'expiresOn', direction: 'asc' };
        const expected = expectedOrder(entries.filter(predicate), sort);
        expect(expected.length).toBeGreaterThan(0);
        const all = await readAllPages({ filter: { projectKey: project, ...filter }, sort, limit: 5 });
        expect(all.map((entry) => entry.issueKey)).toEqual(expected);
        expect(await repository.count({ projectKey: project, ...filter })).toBe(expected.length);
      });

      it('matches nothing when a list filter is empty', async () => {
        const { project } = await seedProject();
        const page = await repository.page({ filter: { projectKey: project, statuses: [] }, sort: { by: 'riskScore', direction: 'asc' }, limit: 10 });
        expect(page).toEqual({ ok: true, value: { items: [] } });
        expect(await repository.count({ projectKey: project, tiers: [] })).toBe(0);
      });

      it('refuses a damaged cursor and a cursor minted for another sort order', async () => {
        const { project } = await seedProject();
        const first = await repository.page({ filter: { projectKey: project }, sort: { by: 'riskScore', direction: 'asc' }, limit: 2 });
        const next = first.ok ? first.value.next : undefined;
        expect(next).toBeDefined();
        const otherSort = await repository.page({
          filter: { projectKey: project },
          sort: { by: 'expiresOn', direction: 'asc' },
          limit: 2,
          ...(next === undefined ? {} : { after: next }),
        });
        expect(otherSort).toMatchObject({ ok: false, error: { code: 'REGISTER.INVALID_CURSOR' } });
        const damaged = await repository.page({
          filter: { projectKey: project },
          sort: { by: 'riskScore', direction: 'asc' },
          limit: 2,
          after: 'not-a-cursor',
        });
        expect(damaged).toMatchObject({ ok: false, error: { code: 'REGISTER.INVALID_CURSOR' } });
      });
    });

    describe('what the daily jobs select', () => {
      // Dated decades before anything else in the shared database, so these are the only entries due.
      let project = '';
      beforeAll(async () => {
        project = newProject();
        await saveAll([
          entryIn(project, 1, { status: 'active', expiresOn: '2001-01-09', nextReviewDue: '2001-01-01' }),
          entryIn(project, 2, { status: 'active', expiresOn: '2001-01-10', nextReviewDue: '2001-04-01' }),
          entryIn(project, 3, { status: 'active', expiresOn: '2001-01-20', nextReviewDue: '2001-01-05' }),
          entryIn(project, 4, { status: 'expired', expiresOn: '2001-01-01', nextReviewDue: '2001-01-01' }),
          entryIn(project, 5, { status: 'awaiting-approval', expiresOn: undefined, statusChangedAt: '2001-01-01T00:00:00.000Z' }),
          entryIn(project, 6, { status: 'submitted', expiresOn: undefined, statusChangedAt: '2001-01-08T00:00:00.000Z' }),
          entryIn(project, 7, { status: 'draft', expiresOn: undefined, statusChangedAt: '2000-12-01T00:00:00.000Z' }),
        ]);
      });

      const allDue = async (query: Parameters<SqlRegisterRepository['due']>[0]): Promise<string[]> => {
        const keys: string[] = [];
        let after: string | undefined;
        for (let guard = 0; guard < 100; guard += 1) {
          const page = await repository.due(query, 1, after);
          if (!page.ok) throw new Error(page.error.message);
          keys.push(...page.value.items.map((entry) => entry.issueKey));
          if (page.value.next === undefined) return keys;
          after = page.value.next;
        }
        throw new Error('pagination did not end');
      };

      it.each([
        ['expired', { kind: 'expired', today: '2001-01-10' }, [1]],
        ['expiring', { kind: 'expiring', onOrBefore: '2001-01-20' }, [1, 2, 3]],
        ['review', { kind: 'review', onOrBefore: '2001-01-05' }, [1, 3]],
        ['stalled', { kind: 'stalled', since: '2001-01-07T00:00:00Z' }, [5]],
      ] as const)('selects what is %s, page by page, and counts it', async (_name, query, expected) => {
        expect(await allDue(query)).toEqual(expected.map((n) => `${project}-${n}`));
        expect(await repository.countDue(query)).toBe(expected.length);
      });

      it('refuses a due cursor minted for another job', async () => {
        const page = await repository.due({ kind: 'expiring', onOrBefore: '2001-01-20' }, 1);
        const next = page.ok ? page.value.next : undefined;
        expect(next).toBeDefined();
        expect(await repository.due({ kind: 'review', onOrBefore: '2001-01-20' }, 1, next)).toMatchObject({
          ok: false,
          error: { code: 'REGISTER.INVALID_CURSOR' },
        });
      });
    });

    describe('limits and renewals', () => {
      it('counts the active exceptions of an asset and of a business unit', async () => {
        const project = newProject();
        const unit = `Unit ${project}`;
        await saveAll([
          entryIn(project, 1, { assetIds: [`${project}-db`, `${project}-web`], businessUnit: unit }),
          entryIn(project, 2, { assetIds: [`${project}-db`], businessUnit: unit }),
          entryIn(project, 3, { assetIds: [`${project}-db`], businessUnit: unit, status: 'expired' }),
        ]);
        expect(await repository.concurrencyCounts({ assetIds: [`${project}-db`, `${project}-web`], businessUnit: unit })).toEqual({
          perAsset: { [`${project}-db`]: 2, [`${project}-web`]: 1 },
          perBusinessUnit: 2,
        });
      });

      it('lists the renewals of an exception in issue-key order', async () => {
        const project = newProject();
        await saveAll([
          entryIn(project, 10, { renewalOf: `${project}-1`, renewalCount: 2 }),
          entryIn(project, 2, { renewalOf: `${project}-1`, renewalCount: 1 }),
          entryIn(project, 3, { renewalOf: `${project}-9` }),
        ]);
        expect((await repository.renewalsOf(`${project}-1`)).map((entry) => entry.issueKey)).toEqual([`${project}-2`, `${project}-10`]);
      });
    });
  });
};
