import { createJiraGateway } from '../../src/adapters/jira/jira-gateway';
import { recordingRequestJira, type RecordedRequest } from '../../src/adapters/jira/testing/recording-request-jira';
import { jiraPlatformValidator } from '../../src/sandbox/openapi/testing/jira-platform-spec';
import { jiraResponse, jiraResponseNames } from './jira-fixtures';
import { OPERATION_CASES, type OperationCase } from './jira-operation-cases';

/**
 * The gateway's contract with Jira: every request it can send, and every response the tests feed it, is
 * checked against Jira's own OpenAPI document, so a wrong path, method, parameter or body fails here
 * rather than on a customer's site.
 */

const spec = jiraPlatformValidator();

const run = async (testCase: OperationCase) => {
  const jira = recordingRequestJira(
    testCase.responses.map(({ status, fixture }) => (fixture === undefined ? { status } : { status, body: jiraResponse(fixture) })),
  );
  const gateway = createJiraGateway({ request: jira.request, sleep: () => Promise.resolve() });
  const result = await testCase.drive(gateway);
  return { result, requests: jira.requests };
};

const asSpecRequest = ({ method, path, body }: RecordedRequest) => ({ method, path, body });

describe('Jira gateway contract', () => {
  it('drives every gateway operation at least once', () => {
    const operations = Object.keys(createJiraGateway({ request: recordingRequestJira([]).request })).sort();
    expect([...new Set(OPERATION_CASES.map((testCase) => testCase.operation))].sort()).toEqual(operations);
  });

  describe.each(OPERATION_CASES.map((testCase) => [`${testCase.operation}: ${testCase.label}`, testCase] as const))('%s', (_name, testCase) => {
    it('sends only requests the spec allows and succeeds on its answers', async () => {
      const { result, requests } = await run(testCase);
      expect(requests).toHaveLength(testCase.responses.length);
      expect(requests.map((request) => spec.validateRequest(asSpecRequest(request)))).toEqual(requests.map(() => []));
      expect(result.ok ? undefined : result.error).toBeUndefined();
      if (testCase.expected !== undefined && result.ok) expect(result.value).toMatchObject(testCase.expected as object);
    });

    it('is answered with responses the spec allows', async () => {
      const { requests } = await run(testCase);
      const problems = testCase.responses.map(({ status, fixture }, index) =>
        spec.validateResponse({
          method: requests[index]?.method ?? '',
          path: requests[index]?.path ?? '',
          status,
          body: fixture === undefined ? undefined : jiraResponse(fixture),
        }),
      );
      expect(problems).toEqual(testCase.responses.map(() => []));
    });
  });

  it('uses every response fixture, so each one has been checked against the spec', () => {
    const errorBodies = jiraResponseNames().filter((name) => name.startsWith('error-'));
    const used = new Set(OPERATION_CASES.flatMap((testCase) => testCase.responses.flatMap(({ fixture }) => (fixture === undefined ? [] : [fixture]))));
    expect(jiraResponseNames().filter((name) => !name.startsWith('error-'))).toEqual([...used].sort());
    expect(errorBodies.map((name) => spec.validateComponent('ErrorCollection', jiraResponse(name)))).toEqual(errorBodies.map(() => []));
  });
});

describe('the contract check can fail', () => {
  const recordedRequest = async (operation: OperationCase['operation']): Promise<RecordedRequest> => {
    const testCase = OPERATION_CASES.find((candidate) => candidate.operation === operation);
    if (testCase === undefined) throw new Error(`no case drives ${operation}`);
    const { requests } = await run(testCase);
    const [first] = requests;
    if (first === undefined) throw new Error(`${operation} sent nothing`);
    return first;
  };

  const withBody = (request: RecordedRequest, change: (body: Record<string, unknown>) => Record<string, unknown>): RecordedRequest => ({
    ...request,
    body: change(request.body as Record<string, unknown>),
  });

  it.each<[string, OperationCase['operation'], (request: RecordedRequest) => RecordedRequest, string]>([
    ['a page size that is not a number', 'searchIssues', (r) => withBody(r, (b) => ({ ...b, maxResults: 'fifty' })), 'body'],
    ['the retired startAt paging of /search', 'searchIssues', (r) => withBody(r, (b) => ({ ...b, startAt: 50 })), 'body'],
    ['a bulk fetch without its keys', 'bulkFetchIssues', (r) => withBody(r, ({ issueIdsOrKeys: _keys, ...b }) => b), 'body'],
    ['recipients given as bare account ids', 'notifyIssue', (r) => withBody(r, (b) => ({ ...b, to: { users: [{ accountId: 1 }] } })), 'body'],
    ['field values for issue keys instead of ids', 'setAppFieldValue', (r) => withBody(r, () => ({ updates: [{ issueIds: ['SEC-12'], value: 'high' }] })), 'body'],
    ['a status without its category', 'createStatuses', (r) => withBody(r, (b) => ({ ...b, statuses: [{ name: 'Draft' }] })), 'body'],
    ['a workflow scope of the wrong kind', 'createWorkflows', (r) => withBody(r, (b) => ({ ...b, scope: { type: 'SITE' } })), 'body'],
    ['an assignment without the project', 'assignIssueTypeScheme', (r) => withBody(r, () => ({ issueTypeSchemeId: '10100' })), 'body'],
    ['a group lookup without the account', 'getUserGroups', (r) => ({ ...r, path: '/rest/api/3/user/groups' }), 'query'],
    ['a query parameter Jira does not have', 'getIssue', (r) => ({ ...r, path: `${r.path}&withApprovals=true` }), 'query'],
    ['a screen id that is not a number', 'listScreenTabs', (r) => ({ ...r, path: '/rest/api/3/screens/main/tabs' }), 'path'],
    ['the wrong method', 'getTransitions', (r) => ({ ...r, method: 'PUT' }), 'path'],
  ])('refuses %s', async (_label, operation, breakIt, where) => {
    const request = breakIt(await recordedRequest(operation));
    expect(spec.validateRequest(asSpecRequest(request)).map((problem) => problem.where)).toContain(where);
  });

  it('refuses a response fixture of the wrong shape', () => {
    const transitions = jiraResponse('issue-transitions') as { transitions: object[] };
    const broken = { ...transitions, transitions: transitions.transitions.map((t) => ({ ...t, to: 'Active' })) };
    expect(spec.validateResponse({ method: 'GET', path: '/rest/api/3/issue/SEC-12/transitions', status: 200, body: broken })).not.toEqual([]);
  });
});
