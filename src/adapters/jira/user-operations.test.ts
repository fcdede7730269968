import { createJiraGateway } from './jira-gateway';
import { recordingRequestJira, type RecordedRequest, type ScriptedResponse } from './testing/recording-request-jira';
import { USER_LOOKUP_BATCH } from './user-operations';

const user = (accountId: string, active = true) => ({ accountId, displayName: `Name of ${accountId}`, active, accountType: 'atlassian' });

const askedIds = (request: RecordedRequest): string[] => new URL(request.path, 'https://jira.test').searchParams.getAll('accountId');
const queryOf = (request: RecordedRequest, name: string): string | null => new URL(request.path, 'https://jira.test').searchParams.get(name);

/** Jira as a function of the request: every asked id is known, answered `perPage` at a time. */
const everyoneKnown =
  (perPage: number) =>
  (request: RecordedRequest): ScriptedResponse => {
    const ids = askedIds(request);
    const startAt = Number(queryOf(request, 'startAt') ?? '0');
    const values = ids.slice(startAt, startAt + perPage).map((id) => user(id));
    return { status: 200, body: { startAt, maxResults: perPage, total: ids.length, isLast: startAt + values.length >= ids.length, values } };
  };

const idsUpTo = (count: number): string[] => Array.from({ length: count }, (_, index) => `acc-${index}`);

describe('findUsersByAccountId', () => {
  it('asks for each account once, as repeated accountId parameters', async () => {
    const jira = recordingRequestJira(everyoneKnown(USER_LOOKUP_BATCH));
    const found = await createJiraGateway({ request: jira.request }).findUsersByAccountId(['acc-b', 'acc-a', 'acc-b']);
    expect(jira.requests.map((request) => [request.method, askedIds(request), queryOf(request, 'maxResults')])).toEqual([['GET', ['acc-b', 'acc-a'], '2']]);
    expect(found).toEqual({
      ok: true,
      value: [
        { accountId: 'acc-b', displayName: 'Name of acc-b', active: true },
        { accountId: 'acc-a', displayName: 'Name of acc-a', active: true },
      ],
    });
  });

  it.each([
    [1, 1],
    [USER_LOOKUP_BATCH, 1],
    [USER_LOOKUP_BATCH + 1, 2],
    [4 * USER_LOOKUP_BATCH, 4],
  ])('splits %i accounts into %i requests so the request line stays short', async (count, requests) => {
    const jira = recordingRequestJira(everyoneKnown(USER_LOOKUP_BATCH));
    const found = await createJiraGateway({ request: jira.request }).findUsersByAccountId(idsUpTo(count));
    expect(jira.requests).toHaveLength(requests);
    expect(jira.requests.every((request) => askedIds(request).length <= USER_LOOKUP_BATCH)).toBe(true);
    expect(found.ok && found.value.map((found) => found.accountId)).toEqual(idsUpTo(count));
  });

  it('follows the pages when Jira hands back fewer users than were asked for', async () => {
    const jira = recordingRequestJira(everyoneKnown(10));
    const found = await createJiraGateway({ request: jira.request }).findUsersByAccountId(idsUpTo(25));
    expect(jira.requests.map((request) => queryOf(request, 'startAt'))).toEqual(['0', '10', '20']);
    expect(found.ok && found.value).toHaveLength(25);
  });

  it('leaves out accounts Jira does not know and keeps inactive ones marked', async () => {
    const jira = recordingRequestJira([{ status: 200, body: { startAt: 0, total: 1, isLast: true, values: [user('acc-gone', false)] } }]);
    const found = await createJiraGateway({ request: jira.request }).findUsersByAccountId(['acc-ghost', 'acc-gone']);
    expect(found).toEqual({ ok: true, value: [{ accountId: 'acc-gone', displayName: 'Name of acc-gone', active: false }] });
  });

  it('sends nothing for no accounts', async () => {
    const jira = recordingRequestJira([]);
    expect(await createJiraGateway({ request: jira.request }).findUsersByAccountId([])).toEqual({ ok: true, value: [] });
    expect(jira.requests).toEqual([]);
  });

  it('waits as long as a 429 asks before asking again', async () => {
    const waits: number[] = [];
    const jira = recordingRequestJira([
      { status: 429, headers: { 'Retry-After': '2' }, body: { errorMessages: ['Rate limit exceeded.'] } },
      { status: 200, body: { startAt: 0, isLast: true, values: [user('acc-a')] } },
    ]);
    const gateway = createJiraGateway({ request: jira.request, sleep: (ms) => Promise.resolve(void waits.push(ms)) });
    expect(await gateway.findUsersByAccountId(['acc-a'])).toMatchObject({ ok: true, value: [{ accountId: 'acc-a' }] });
    expect(waits).toEqual([2000]);
  });

  it('fails with what Jira said when it refuses', async () => {
    const jira = recordingRequestJira([{ status: 400, body: { errorMessages: ['The accountId parameter is required.'] } }]);
    expect(await createJiraGateway({ request: jira.request }).findUsersByAccountId(['acc-a'])).toMatchObject({
      ok: false,
      error: { code: 'JIRA.BAD_REQUEST', operation: 'findUsersByAccountId GET /rest/api/3/user/bulk', errorMessages: ['The accountId parameter is required.'] },
    });
  });

  it('refuses an empty page that claims more follow, rather than asking forever', async () => {
    const jira = recordingRequestJira([{ status: 200, body: { startAt: 0, isLast: false, values: [] } }]);
    expect(await createJiraGateway({ request: jira.request }).findUsersByAccountId(['acc-a', 'acc-b'])).toMatchObject({
      ok: false,
      error: { code: 'JIRA.INVALID_RESPONSE' },
    });
    expect(jira.requests).toHaveLength(1);
  });
});
