import type { ForgeEvent } from './event-dispatcher';
import { createJiraStandIn } from './jira-stand-in';
import { jiraSpecValidator } from './testing/jira-spec';
import { APP, call, createStandInWorld, json, PEOPLE, type StandInWorld } from './testing/stand-in-world';

describe('the Jira stand-in holds every exchange to the OpenAPI spec', () => {
  let world: StandInWorld;
  beforeEach(() => {
    world = createStandInWorld();
    world.jira.seedIssue({ projectKey: 'SEC', issueType: 'Task', summary: 'Seeded', reporterAccountId: PEOPLE.requester });
  });

  it('answers a body of the wrong shape with a 400 naming the spec problem', async () => {
    const response = await call(world.jira, 'POST', '/rest/api/3/issue/bulkfetch', { issueKeys: ['SEC-1'] });
    expect(response.status).toBe(400);
    const { errorMessages } = json(response) as { errorMessages: string[] };
    expect(errorMessages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("must have required property 'issueIdsOrKeys'"),
        expect.stringContaining("'issueKeys' is not in the spec"),
      ]),
    );
  });

  it.each([
    ['a wrongly typed field', 'POST', '/rest/api/3/search/jql', { jql: 'project = SEC', maxResults: 'ten' }, /maxResults/],
    ['an enum outside the spec', 'POST', '/rest/api/3/statuses', { scope: { type: 'SITE' }, statuses: [] }, /must be one of "PROJECT", "GLOBAL"/],
    ['a missing required body', 'POST', '/rest/api/3/issue/SEC-1/comment', undefined, /requires a request body/],
    ['a path Jira does not have', 'GET', '/rest/api/3/issues/SEC-1', undefined, /no operation in the spec matches/],
    ['a method the path does not take', 'PATCH', '/rest/api/3/issue/SEC-1', {}, /PATCH is not an operation/],
  ])('refuses %s', async (_case, method, path, body, problem) => {
    const response = await call(world.jira, method, path, body);
    expect(response.status).toBe(400);
    expect((json(response) as { errorMessages: string[] }).errorMessages.join('\n')).toMatch(problem);
  });

  it('answers malformed JSON with a 400', async () => {
    const response = await world.jira.handle({ method: 'PUT', path: '/rest/api/3/issue/SEC-1', body: '{"fields":', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.body).toMatch(/not valid JSON/);
  });

  it('answers a body sent without Content-Type: application/json with 415, as Jira does', async () => {
    const response = await world.jira.handle({ method: 'PUT', path: '/rest/api/3/issue/SEC-1', body: '{"fields":{}}' });
    expect(response.status).toBe(415);
  });

  it('refuses documented query parameters it does not honour instead of ignoring them', async () => {
    const response = await call(world.jira, 'GET', '/rest/api/3/issue/SEC-1/transitions?expand=transitions.fields');
    expect(response.status).toBe(400);
    expect(response.body).toMatch(/unsupported query parameter in the stand-in: expand/);
  });

  it('says so when an operation of the spec is not implemented', async () => {
    const response = await call(world.jira, 'GET', '/rest/api/3/myself');
    expect(response.status).toBe(501);
    expect(response.body).toMatch(/GET \/rest\/api\/3\/myself is not implemented by the Jira stand-in/);
  });

  it('treats a response the spec does not allow as its own bug and throws', async () => {
    const validator = jiraSpecValidator();
    const strict = createJiraStandIn({
      validator: { ...validator, validateResponse: () => [{ where: 'response', message: "response 200: 'surprise' is not in the spec" }] },
      app: APP,
    });
    await expect(strict.handle({ method: 'GET', path: '/rest/api/3/field' })).rejects.toThrow(/response the spec does not allow.*surprise/);
  });

  it('refuses an account it does not know with 401', async () => {
    const response = await call(world.jira, 'GET', '/rest/api/3/issue/SEC-1', undefined, 'acc-nobody');
    expect(response.status).toBe(401);
  });

  describe('fault injection', () => {
    it('answers 429 with Retry-After for the next N requests, then recovers', async () => {
      world.jira.injectFault({ status: 429, times: 2, retryAfterSeconds: 12 });
      const answers = await Promise.all([1, 2, 3].map(() => call(world.jira, 'GET', '/rest/api/3/issue/SEC-1')));
      expect(answers.map((answer) => answer.status)).toEqual([429, 429, 200]);
      expect(answers[0]?.headers['retry-after']).toBe('12');
      expect(answers[0]?.headers['ratelimit-reason']).toBe('jira-burst-based');
    });

    it('fails only requests whose path matches, until cleared', async () => {
      world.jira.injectFault({ status: 503, pathPattern: /\/search\/jql/ });
      const search = () => call(world.jira, 'POST', '/rest/api/3/search/jql', { jql: 'project = SEC' });
      expect((await search()).status).toBe(503);
      expect((await search()).status).toBe(503);
      expect((await call(world.jira, 'GET', '/rest/api/3/issue/SEC-1')).status).toBe(200);
      world.jira.clearFaults();
      expect((await search()).status).toBe(200);
    });

    it('can target one method', async () => {
      world.jira.injectFault({ status: 500, method: 'PUT', times: 1 });
      expect((await call(world.jira, 'GET', '/rest/api/3/issue/SEC-1')).status).toBe(200);
      expect((await call(world.jira, 'PUT', '/rest/api/3/issue/SEC-1', { fields: { summary: 'x' } })).status).toBe(500);
    });
  });

  describe('issue lifecycle events', () => {
    it('emits created and deleted events with the documented payload', async () => {
      const received: ForgeEvent[] = [];
      world.jira.registerTrigger({
        key: 'lifecycle',
        events: ['avi:jira:created:issue', 'avi:jira:deleted:issue'],
        handler: (event) => void received.push(event),
      });
      const created = json(
        await call(world.jira, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' }, summary: 'New' } }, PEOPLE.requester),
      ) as { key: string };
      expect((await call(world.jira, 'DELETE', `/rest/api/3/issue/${created.key}`, undefined, PEOPLE.admin)).status).toBe(204);
      await world.jira.events.settle();
      expect(received.map((event) => [event.eventType, event.atlassianId])).toEqual([
        ['avi:jira:created:issue', PEOPLE.requester],
        ['avi:jira:deleted:issue', PEOPLE.admin],
      ]);
      expect(received[0]).toMatchObject({
        selfGenerated: false,
        issue: { key: created.key, fields: { summary: 'New', reporter: { accountId: PEOPLE.requester }, issuetype: { name: 'Task' } } },
        associatedUsers: [{ accountId: PEOPLE.requester }],
      });
    });
  });
});
