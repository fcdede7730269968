import { call, createStandInWorld, json, PEOPLE, type StandInWorld } from '../testing/stand-in-world';

type SearchPage = { issues: { id: string; key?: string; fields?: Record<string, unknown> }[]; nextPageToken?: string; isLast: boolean };

describe('POST /rest/api/3/search/jql', () => {
  let world: StandInWorld;

  const search = async (body: Record<string, unknown>, asUser: string | null = null) => {
    const response = await call(world.jira, 'POST', '/rest/api/3/search/jql', body, asUser);
    return { status: response.status, body: json(response) };
  };

  beforeEach(() => {
    world = createStandInWorld();
    world.jira.seedProject({ key: 'OPS', name: 'Operations', leadAccountId: PEOPLE.admin });
    const seed = (projectKey: string, issueType: string, status: string | undefined, updated: string) =>
      world.jira.seedIssue({
        projectKey,
        issueType,
        summary: `${projectKey} ${issueType}`,
        reporterAccountId: PEOPLE.requester,
        ...(status === undefined ? {} : { status }),
        created: new Date('2026-01-01T00:00:00Z'),
        updated: new Date(updated),
      });
    seed('SEC', 'Task', undefined, '2026-03-01T10:00:00Z'); // SEC-1
    seed('SEC', 'Bug', 'In Progress', '2026-03-01T08:00:00Z'); // SEC-2
    seed('SEC', 'Task', 'Done', '2026-02-27T12:00:00Z'); // SEC-3
    seed('OPS', 'Task', undefined, '2026-03-01T09:00:00Z'); // OPS-1
    for (let n = 4; n <= 12; n++) seed('SEC', 'Task', 'Done', '2026-02-01T00:00:00Z');
  });

  const keys = (body: unknown): (string | undefined)[] => (body as SearchPage).issues.map((issue) => issue.key);

  it('returns ids only unless fields are asked for', async () => {
    const { body } = await search({ jql: 'key in (SEC-2)' });
    expect(body).toEqual({ issues: [{ id: world.jira.issue('SEC-2')?.id }], isLast: true });
  });

  it.each([
    ['project = SEC AND issuetype = "Bug"', ['SEC-2']],
    ['project = SEC AND issuetype = Task AND status in ("To Do", "In Progress") ORDER BY key ASC', ['SEC-1']],
    ['key in (SEC-3, OPS-1, SEC-1) ORDER BY key ASC', ['OPS-1', 'SEC-1', 'SEC-3']],
    ['project in (SEC, OPS) AND updated >= "2026-03-01 09:00" ORDER BY updated ASC', ['OPS-1', 'SEC-1']],
    ['project = SEC AND status = Done AND updated < "2026-03-01" ORDER BY key DESC', ['SEC-12', 'SEC-11', 'SEC-10', 'SEC-9', 'SEC-8']],
  ])('%s', async (jql, expected) => {
    const { status, body } = await search({ jql, fields: ['key'], maxResults: 5 });
    expect(status).toBe(200);
    expect(keys(body)).toEqual(expected);
  });

  it('finds issues by label, and a label no issue carries matches nothing rather than failing', async () => {
    world.jira.seedIssue({ projectKey: 'SEC', issueType: 'Task', summary: 'Home', reporterAccountId: PEOPLE.admin, values: { labels: ['register-home', 'ops'] } });
    world.jira.seedIssue({ projectKey: 'OPS', issueType: 'Task', summary: 'Elsewhere', reporterAccountId: PEOPLE.admin, values: { labels: ['register-home'] } });

    expect(keys((await search({ jql: 'project = SEC AND labels = "register-home"', fields: ['key'] })).body)).toEqual(['SEC-13']);
    expect(keys((await search({ jql: 'labels in (ops, register-home) ORDER BY key ASC', fields: ['key'] })).body)).toEqual(['OPS-2', 'SEC-13']);
    expect(await search({ jql: 'labels = "nobody-uses-this"' })).toEqual({ status: 200, body: { issues: [], isLast: true } });
  });

  it('reads dates in the searcher’s time zone', async () => {
    // 2026-03-01 10:30 in Berlin is 09:30 UTC: SEC-1 (10:00 UTC) matches, OPS-1 (09:00 UTC) does not.
    const { body } = await search({ jql: 'project in (SEC, OPS) AND updated >= "2026-03-01 10:30" ORDER BY key', fields: ['key'] }, PEOPLE.lead);
    expect(keys(body)).toEqual(['SEC-1']);
  });

  it('pages with nextPageToken until isLast', async () => {
    const seen: (string | undefined)[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const { body } = await search({ jql: 'project = SEC ORDER BY key ASC', fields: ['key'], maxResults: 5, ...(token === undefined ? {} : { nextPageToken: token }) });
      const page = body as SearchPage;
      seen.push(...keys(page));
      token = page.nextPageToken;
      pages++;
      expect(page.isLast).toBe(token === undefined);
    } while (token !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, index) => `SEC-${index + 1}`));
  });

  it('refuses a page token of another query', async () => {
    const first = (await search({ jql: 'project = SEC ORDER BY key', maxResults: 1 })).body as SearchPage;
    const { status } = await search({ jql: 'project = OPS', nextPageToken: first.nextPageToken });
    expect(status).toBe(400);
  });

  it('hides issues of projects the searcher may not browse', async () => {
    const { body } = await search({ jql: 'project in (SEC, OPS) ORDER BY key', fields: ['key'], maxResults: 50 }, PEOPLE.outsider);
    expect(keys(body)).toEqual(['OPS-1']);
  });

  it.each([
    ['project = SEC OR project = OPS', 'unsupported JQL in the stand-in: only AND joins clauses'],
    ['assignee = currentUser()', "unsupported JQL in the stand-in: the field 'assignee' is not supported"],
    ['ORDER BY key', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['status = Mystery', "The value 'Mystery' does not exist for the field 'status'."],
    ['key in (SEC-99)', "An issue with key 'SEC-99' does not exist for field 'key'."],
    ['updated >= "yesterday"', "Date value 'yesterday' for field 'updated' is invalid."],
  ])('answers %s with a 400', async (jql, message) => {
    const { status, body } = await search({ jql });
    expect(status).toBe(400);
    expect((body as { errorMessages: string[] }).errorMessages[0]).toContain(message);
  });

  it('serves GET with the same semantics', async () => {
    const query = new URLSearchParams({ jql: 'project = SEC AND issuetype = Bug', fields: 'summary,status' });
    const response = await call(world.jira, 'GET', `/rest/api/3/search/jql?${query.toString()}`);
    const page = json(response) as SearchPage;
    expect(page.issues[0]?.fields).toMatchObject({ summary: 'SEC Bug', status: { name: 'In Progress' } });
    expect(Object.keys(page.issues[0]?.fields ?? {})).toEqual(['summary', 'status']);
  });
});
