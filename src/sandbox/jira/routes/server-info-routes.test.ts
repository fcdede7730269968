import { createJiraStandIn } from '../jira-stand-in';
import { jiraSpecValidator } from '../testing/jira-spec';
import { APP, call, json, PEOPLE, START } from '../testing/stand-in-world';

describe('GET /rest/api/3/serverInfo', () => {
  it('tells the site’s address and time, to the app and to people alike', async () => {
    const jira = createJiraStandIn({ validator: jiraSpecValidator(), app: APP, start: START, baseUrl: 'https://acme.atlassian.net', siteTimeZone: 'Europe/Berlin' });
    jira.seedUser({ accountId: PEOPLE.requester, displayName: 'Rita Requester' });

    const asApp = await call(jira, 'GET', '/rest/api/3/serverInfo');
    const asPerson = await call(jira, 'GET', '/rest/api/3/serverInfo', undefined, PEOPLE.requester);

    expect(asApp.status).toBe(200);
    expect(json(asApp)).toMatchObject({ baseUrl: 'https://acme.atlassian.net', deploymentType: 'Cloud', serverTimeZone: 'Europe/Berlin' });
    expect(json(asPerson)).toEqual(json(asApp));
  });

  it('refuses a query parameter Jira does not have', async () => {
    const jira = createJiraStandIn({ validator: jiraSpecValidator(), app: APP, start: START });
    expect((await call(jira, 'GET', '/rest/api/3/serverInfo?withHealthChecks=true')).status).toBe(400);
  });
});
