import { createJiraGateway } from './jira-gateway';
import { recordingRequestJira, type ScriptedResponse } from './testing/recording-request-jira';

const bean = (key: string, fields: Record<string, unknown> = {}) => ({
  id: String(10000 + Number(key.split('-')[1])),
  key,
  fields: {
    summary: `Exception ${key}`,
    status: { id: '10012', name: 'Awaiting Approval' },
    issuetype: { id: '10050', name: 'Security Exception' },
    project: { id: '10000', key: 'SEC' },
    ...fields,
  },
});

const gatewayAnswering = (script: readonly ScriptedResponse[]) => {
  const jira = recordingRequestJira(script);
  return { gateway: createJiraGateway({ request: jira.request }), requests: jira.requests };
};

describe('issue operations', () => {
  it('leaves out custom fields that are unset or null, and keeps unknown values raw', async () => {
    const { gateway } = gatewayAnswering([{ status: 200, body: bean('SEC-1', { customfield_1: null, customfield_2: { steps: [1] } }) }]);
    const result = await gateway.getIssue('SEC-1', { tier: 'customfield_1', approval: 'customfield_2', score: 'customfield_3' });
    expect(result.ok && result.value.custom).toEqual({ approval: { steps: [1] } });
  });

  it('fetches more than 100 issues in batches of 100', async () => {
    const keys = Array.from({ length: 230 }, (_, index) => `SEC-${index + 1}`);
    const { gateway, requests } = gatewayAnswering([100, 100, 30].map((size, batch) => ({
      status: 200,
      body: { issues: keys.slice(batch * 100, batch * 100 + size).map((key) => bean(key)) },
    })));
    const result = await gateway.bulkFetchIssues(keys, {});
    expect(requests.map((request) => (request.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length)).toEqual([100, 100, 30]);
    expect(result.ok && result.value.issues.map((issue) => issue.key)).toEqual(keys);
  });

  it('ends a search whose page token repeats instead of looping for ever', async () => {
    const page = { status: 200, body: { issues: [bean('SEC-1')], nextPageToken: 'same' } };
    const { gateway, requests } = gatewayAnswering([page, page, page]);
    const results = [];
    for await (const result of gateway.searchIssues({ jql: 'project = SEC ORDER BY key', fieldIds: {} })) results.push(result);
    expect(results.map((result) => (result.ok ? 'page' : result.error.code))).toEqual(['page', 'page', 'JIRA.INVALID_RESPONSE']);
    expect(requests).toHaveLength(2);
  });

  it('yields a failed page once and stops', async () => {
    const { gateway } = gatewayAnswering([{ status: 400, body: { errorMessages: ["The value 'NOPE' does not exist for the field 'project'."] } }]);
    const results = [];
    for await (const result of gateway.searchIssues({ jql: 'project = NOPE ORDER BY key', fieldIds: {} })) results.push(result);
    expect(results).toHaveLength(1);
    expect(results[0]?.ok === false && results[0].error.errorMessages).toEqual(["The value 'NOPE' does not exist for the field 'project'."]);
  });
});
