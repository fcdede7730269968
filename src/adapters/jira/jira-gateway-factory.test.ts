import { createJiraGateways } from './jira-gateway-factory';
import { recordingRequestJira } from './testing/recording-request-jira';

describe('createJiraGateways', () => {
  it('sends each gateway through its own identity', async () => {
    const user = recordingRequestJira([{ status: 200, body: [] }]);
    const app = recordingRequestJira([{ status: 200, body: [{ name: 'security-leads', groupId: 'g1' }] }]);
    const gateways = createJiraGateways({ asUser: user.request, asApp: app.request });
    await gateways.asUser.getUserGroups('a');
    await gateways.asApp.getUserGroups('b');
    expect(user.requests.map((request) => request.path)).toEqual(['/rest/api/3/user/groups?accountId=a']);
    expect(app.requests.map((request) => request.path)).toEqual(['/rest/api/3/user/groups?accountId=b']);
  });
});
