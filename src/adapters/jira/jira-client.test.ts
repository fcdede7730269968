import { z } from 'zod';
import { createJiraClient, noContent, type JiraCall } from './jira-client';
import { recordingRequestJira, type ScriptedResponse } from './testing/recording-request-jira';

const getIssueCall: JiraCall<{ id: string }> = {
  operation: 'getIssue',
  method: 'GET',
  path: '/rest/api/3/issue/SEC-1?fields=summary',
  response: z.looseObject({ id: z.string() }),
};

const clientAnswering = (...responses: ScriptedResponse[]) => {
  const jira = recordingRequestJira(responses);
  const sleeps: number[] = [];
  const client = createJiraClient({
    request: jira.request,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    now: () => new Date('2026-03-02T10:00:00Z'),
  });
  return { client, requests: jira.requests, sleeps };
};

describe('createJiraClient', () => {
  it('sends JSON with only Accept and Content-Type headers and parses the answer', async () => {
    const { client, requests } = clientAnswering({ status: 201, body: { id: '10001', extra: true } });
    const result = await client.send({ ...getIssueCall, method: 'PUT', body: { a: 1 } });
    expect(result).toEqual({ ok: true, value: { id: '10001', extra: true } });
    expect(requests).toEqual([
      { method: 'PUT', path: getIssueCall.path, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: { a: 1 } },
    ]);
  });

  it('reads an empty body as no content', async () => {
    const { client } = clientAnswering({ status: 204 });
    expect(await client.send({ ...getIssueCall, response: noContent })).toEqual({ ok: true, value: undefined });
  });

  it.each([
    [400, 'JIRA.BAD_REQUEST'],
    [401, 'JIRA.UNAUTHORIZED'],
    [403, 'JIRA.FORBIDDEN'],
    [404, 'JIRA.NOT_FOUND'],
    [409, 'JIRA.CONFLICT'],
    [413, 'JIRA.BAD_REQUEST'],
    [303, 'JIRA.UNEXPECTED_STATUS'],
  ])('maps status %d to %s without retrying', async (status, code) => {
    const { client, requests } = clientAnswering({ status, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'] } });
    const result = await client.send(getIssueCall);
    expect(result.ok ? undefined : result.error).toMatchObject({
      code,
      status,
      attempts: 1,
      operation: 'getIssue GET /rest/api/3/issue/SEC-1',
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
    });
    expect(requests).toHaveLength(1);
  });

  it("carries Jira's field errors and says what to correct", async () => {
    const { client } = clientAnswering({
      status: 400,
      body: { errorMessages: [], errors: { customfield_10042: 'Approvers must differ from the requester' } },
    });
    const result = await client.send(getIssueCall);
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'JIRA.BAD_REQUEST',
      errors: { customfield_10042: 'Approvers must differ from the requester' },
      message: expect.stringContaining('customfield_10042: Approvers must differ from the requester') as unknown,
    });
  });

  it('ignores an error body that is not Jira JSON', async () => {
    const { client } = clientAnswering({ status: 400, body: '<html>Bad gateway</html>' });
    const result = await client.send(getIssueCall);
    expect(result.ok ? undefined : result.error).toMatchObject({ errorMessages: [], errors: {} });
  });

  it.each([
    ['a body that fails the schema', { key: 'SEC-1' }, /id: /],
    ['a body that is not JSON', 'not json', /not JSON/],
    ['no body where one is expected', undefined, /\(body\)/],
  ])('reports %s as JIRA.INVALID_RESPONSE', async (_label, body, why) => {
    const { client } = clientAnswering({ status: 200, body });
    const result = await client.send(getIssueCall);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('JIRA.INVALID_RESPONSE');
      expect(result.error.errorMessages.join()).toMatch(why);
    }
  });

  it('keeps response headers, including credentials a proxy might echo, out of the failure', async () => {
    const { client } = clientAnswering({ status: 401, headers: { Authorization: 'Bearer secret-token', 'Set-Cookie': 'session=abc' } });
    const result = await client.send(getIssueCall);
    expect(JSON.stringify(result)).not.toMatch(/secret-token|session=abc|Authorization/);
  });
});
