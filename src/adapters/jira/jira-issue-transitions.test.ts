import { createJiraGateway } from './jira-gateway';
import { JiraIssueTransitions } from './jira-issue-transitions';
import { recordingRequestJira, type RecordedRequest, type ScriptedResponse } from './testing/recording-request-jira';

const offered = (...transitions: readonly { id: string; name: string; to: string }[]): ScriptedResponse => ({
  status: 200,
  body: { transitions: transitions.map(({ id, name, to }) => ({ id, name, to: { id: `s-${to}`, name: to }, isAvailable: true })) },
});

describe('JiraIssueTransitions', () => {
  const over = (answer: (request: RecordedRequest) => ScriptedResponse) => {
    const jira = recordingRequestJira(answer);
    return { transitions: new JiraIssueTransitions(createJiraGateway({ request: jira.request, sleep: () => Promise.resolve() })), requests: jira.requests };
  };
  const lines = (requests: readonly RecordedRequest[]) => requests.map((request) => `${request.method} ${request.path}`);

  it('looks the transition up by name once and reuses its id, with the comment in the same request', async () => {
    const { transitions, requests } = over((request) =>
      request.method === 'GET' ? offered({ id: '91', name: 'Reject', to: 'Rejected' }, { id: '101', name: 'Expire', to: 'Expired' }) : { status: 204 },
    );
    expect(await transitions.transition('SEC-1', 'expire', ['SEC-1 has expired.'])).toEqual({ ok: true, value: undefined });
    expect(await transitions.transition('SEC-2', 'expire', ['SEC-2 has expired.'])).toEqual({ ok: true, value: undefined });
    expect(lines(requests)).toEqual([
      'GET /rest/api/3/issue/SEC-1/transitions',
      'POST /rest/api/3/issue/SEC-1/transitions',
      'POST /rest/api/3/issue/SEC-2/transitions',
    ]);
    expect(requests[1]?.body).toMatchObject({ transition: { id: '101' }, update: { comment: [{ add: { body: { type: 'doc' } } }] } });
  });

  it('tells the app-only time-out from the reject people take, though both lead to Rejected', async () => {
    const { transitions, requests } = over((request) =>
      request.method === 'GET' ? offered({ id: '91', name: 'Reject', to: 'Rejected' }, { id: '92', name: 'Time out', to: 'Rejected' }) : { status: 204 },
    );
    await transitions.transition('SEC-1', 'timeout', ['Timed out.']);
    expect(requests[1]?.body).toMatchObject({ transition: { id: '92' } });
  });

  it('looks again when Jira refuses a cached id, and reports a transition the issue does not offer', async () => {
    let refuse = false;
    const { transitions, requests } = over((request) => {
      if (request.method === 'GET') return request.path.includes('SEC-2') ? offered({ id: '61', name: 'Revoke', to: 'Revoked' }) : offered({ id: '101', name: 'Expire', to: 'Expired' });
      if (refuse) return { status: 400, body: { errorMessages: ["Transition id '101' is not valid for this issue."], errors: {} } };
      refuse = true;
      return { status: 204 };
    });
    await transitions.transition('SEC-1', 'expire', ['x']);
    const result = await transitions.transition('SEC-2', 'expire', ['x']);
    expect(result).toMatchObject({ ok: false, error: { code: 'TRANSITION.UNAVAILABLE', message: expect.stringContaining('offered: Revoke') as unknown } });
    expect(lines(requests)).toEqual([
      'GET /rest/api/3/issue/SEC-1/transitions',
      'POST /rest/api/3/issue/SEC-1/transitions',
      'POST /rest/api/3/issue/SEC-2/transitions',
      'GET /rest/api/3/issue/SEC-2/transitions',
    ]);
  });
});
