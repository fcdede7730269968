import { createJiraGateway } from './jira-gateway';
import { JiraNotifier } from './jira-notifier';
import { recordingRequestJira } from './testing/recording-request-jira';

const LEADS = '6e87dc72-4f1f-421f-b2f3-6a9e5c2b1d04';

describe('JiraNotifier', () => {
  const notifierOver = (script: Parameters<typeof recordingRequestJira>[0]) => {
    const jira = recordingRequestJira(script);
    const gateway = createJiraGateway({ request: jira.request, sleep: () => Promise.resolve() });
    return { notifier: new JiraNotifier({ jira: gateway, issueUrl: (key) => `https://acme.atlassian.net/browse/${key}` }), requests: jira.requests };
  };

  it('addresses groups by id, looked up once per notifier, and ends with how to renew when asked', async () => {
    const { notifier, requests } = notifierOver((request) =>
      request.path.startsWith('/rest/api/3/group/bulk') ? { status: 200, body: { values: [{ groupId: LEADS, name: 'security-leads' }], isLast: true, startAt: 0 } } : { status: 204 },
    );
    const notice = { issueKey: 'SEC-7', subject: 'SEC-7 expires in 7 days', text: ['It is in force until 2027-02-01.'], to: { accountIds: ['acc-1'], groups: ['security-leads'] }, renewalLink: true };
    expect(await notifier.notify(notice)).toEqual({ ok: true, value: undefined });
    expect(await notifier.notify({ ...notice, renewalLink: false })).toEqual({ ok: true, value: undefined });
    expect(requests.map((request) => `${request.method} ${request.path.split('?')[0] ?? ''}`)).toEqual([
      'GET /rest/api/3/group/bulk',
      'POST /rest/api/3/issue/SEC-7/notify',
      'POST /rest/api/3/issue/SEC-7/notify',
    ]);
    expect(requests[1]?.body).toMatchObject({
      subject: 'SEC-7 expires in 7 days',
      textBody: expect.stringContaining('open https://acme.atlassian.net/browse/SEC-7 and choose "Request renewal"') as unknown,
      to: { users: [{ accountId: 'acc-1' }], groupIds: [LEADS] },
    });
    expect(requests[2]?.body).toMatchObject({ textBody: 'It is in force until 2027-02-01.' });
  });

  it('fails a notice to a group Jira does not know instead of sending it to nobody', async () => {
    const { notifier, requests } = notifierOver([{ status: 200, body: { values: [], isLast: true, startAt: 0 } }]);
    const sent = await notifier.notify({ issueKey: 'SEC-7', subject: 's', text: ['t'], to: { groups: ['security-escalation'] } });
    expect(sent).toMatchObject({ ok: false, error: { code: 'NOTIFY.UNKNOWN_GROUP', message: expect.stringContaining('"security-escalation"') as unknown } });
    expect(requests).toHaveLength(1);
  });

  it('reports what Jira said when the e-mail is refused', async () => {
    const { notifier } = notifierOver([{ status: 400, body: { errorMessages: ['The recipient is the same as the calling user.'], errors: {} } }]);
    const sent = await notifier.notify({ issueKey: 'SEC-7', subject: 's', text: ['t'], to: { accountIds: ['acc-1'] } });
    expect(sent).toMatchObject({ ok: false, error: { code: 'JIRA.BAD_REQUEST', message: expect.stringContaining('same as the calling user') as unknown } });
  });
});
