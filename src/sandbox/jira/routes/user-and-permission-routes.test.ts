import { call, createStandInWorld, json, PEOPLE, type StandInWorld } from '../testing/stand-in-world';

describe('users, groups and permission checks', () => {
  let world: StandInWorld;
  let issueId: string;
  let projectId: string;

  beforeEach(() => {
    world = createStandInWorld();
    world.jira.seedUser({ accountId: 'acc-former', displayName: 'Former Lead', active: false });
    world.jira.seedGroup('security-leads', ['acc-former']);
    issueId = world.jira.seedIssue({ projectKey: 'SEC', issueType: 'Task', summary: 's', reporterAccountId: PEOPLE.requester }).id;
    projectId = world.jira.issue(issueId)?.projectId ?? '';
  });

  it('lists a user’s groups', async () => {
    const groups = json(await call(world.jira, 'GET', `/rest/api/3/user/groups?accountId=${PEOPLE.lead}`)) as { name: string; groupId: string }[];
    expect(groups.map((group) => group.name)).toEqual(['security-leads']);
    expect(groups[0]?.groupId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads people in bulk by account id, as anyone signed in, leaving out accounts it does not know', async () => {
    const path = `/rest/api/3/user/bulk?accountId=${PEOPLE.lead}&accountId=acc-ghost&accountId=acc-former&accountId=${PEOPLE.lead}&maxResults=50`;
    const page = json(await call(world.jira, 'GET', path, undefined, PEOPLE.outsider)) as { values: { accountId: string; displayName: string; active: boolean }[]; isLast: boolean };
    expect(page.values.map(({ accountId, displayName, active }) => ({ accountId, displayName, active }))).toEqual([
      { accountId: PEOPLE.lead, displayName: 'Lee Lead', active: true },
      { accountId: 'acc-former', displayName: 'Former Lead', active: false },
    ]);
    expect(page.isLast).toBe(true);
  });

  it('pages a bulk read ten people at a time unless told otherwise', async () => {
    const ids = Array.from({ length: 12 }, (_, index) => `acc-bulk-${index}`);
    for (const accountId of ids) world.jira.seedUser({ accountId, displayName: `Person ${accountId}` });
    const query = ids.map((accountId) => `accountId=${accountId}`).join('&');
    const first = json(await call(world.jira, 'GET', `/rest/api/3/user/bulk?${query}`)) as { values: unknown[]; isLast: boolean };
    const second = json(await call(world.jira, 'GET', `/rest/api/3/user/bulk?${query}&startAt=10`)) as { values: unknown[]; isLast: boolean };
    expect([first.values.length, first.isLast, second.values.length, second.isLast]).toEqual([10, false, 2, true]);
  });

  it.each([
    ['without an account id', '/rest/api/3/user/bulk?maxResults=5'],
    ['by the retired user name', '/rest/api/3/user/bulk?accountId=acc-former&username=lee'],
  ])('refuses a bulk read %s', async (_label, path) => {
    expect((await call(world.jira, 'GET', path)).status).toBe(400);
  });

  it('answers 404 for an unknown account', async () => {
    expect((await call(world.jira, 'GET', '/rest/api/3/user/groups?accountId=acc-ghost')).status).toBe(404);
  });

  it('pages group members, leaving out inactive ones unless asked', async () => {
    const active = json(await call(world.jira, 'GET', '/rest/api/3/group/member?groupname=security-leads')) as { values: { accountId: string }[]; total: number; isLast: boolean };
    expect(active.values.map((user) => user.accountId)).toEqual([PEOPLE.lead]);
    expect(active.isLast).toBe(true);
    const all = json(await call(world.jira, 'GET', '/rest/api/3/group/member?groupname=security-leads&includeInactiveUsers=true')) as { total: number };
    expect(all.total).toBe(2);
  });

  it('keeps group membership lists from non-administrators', async () => {
    expect((await call(world.jira, 'GET', '/rest/api/3/group/member?groupname=security-leads', undefined, PEOPLE.requester)).status).toBe(403);
    expect((await call(world.jira, 'GET', '/rest/api/3/group/member?groupname=security-leads', undefined, PEOPLE.admin)).status).toBe(200);
  });

  it.each([
    [PEOPLE.requester, { EDIT_ISSUES: true, DELETE_ISSUES: false, ADMINISTER: false }],
    [PEOPLE.lead, { EDIT_ISSUES: true, DELETE_ISSUES: false, ADMINISTER: false }],
    [PEOPLE.admin, { EDIT_ISSUES: false, DELETE_ISSUES: true, ADMINISTER: true }],
    [PEOPLE.outsider, { EDIT_ISSUES: false, DELETE_ISSUES: false, ADMINISTER: false }],
  ])('mypermissions for %s in SEC', async (accountId, expected) => {
    const response = json(await call(world.jira, 'GET', '/rest/api/3/mypermissions?projectKey=SEC&permissions=EDIT_ISSUES,DELETE_ISSUES,ADMINISTER', undefined, accountId)) as {
      permissions: Record<string, { havePermission: boolean }>;
    };
    expect(Object.fromEntries(Object.entries(response.permissions).map(([key, value]) => [key, value.havePermission]))).toEqual(expected);
  });

  it('insists on the permissions parameter and on known keys', async () => {
    expect((await call(world.jira, 'GET', '/rest/api/3/mypermissions?projectKey=SEC', undefined, PEOPLE.lead)).status).toBe(400);
    expect((await call(world.jira, 'GET', '/rest/api/3/mypermissions?permissions=FLY', undefined, PEOPLE.lead)).status).toBe(400);
  });

  it('checks another user’s permissions in bulk as the app', async () => {
    const response = json(
      await call(world.jira, 'POST', '/rest/api/3/permissions/check', {
        accountId: PEOPLE.lead,
        globalPermissions: ['ADMINISTER'],
        projectPermissions: [{ permissions: ['TRANSITION_ISSUES', 'DELETE_ISSUES'], projects: [Number(projectId)], issues: [Number(issueId)] }],
      }),
    );
    expect(response).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'TRANSITION_ISSUES', projects: [Number(projectId)], issues: [Number(issueId)] },
        { permission: 'DELETE_ISSUES', projects: [], issues: [] },
      ],
    });
  });

  it('lets only administrators check somebody else', async () => {
    const body = { accountId: PEOPLE.lead, globalPermissions: ['ADMINISTER'] };
    expect((await call(world.jira, 'POST', '/rest/api/3/permissions/check', body, PEOPLE.requester)).status).toBe(403);
    expect((await call(world.jira, 'POST', '/rest/api/3/permissions/check', body, PEOPLE.admin)).status).toBe(200);
  });

  it('treats inactive accounts as holding no permission', async () => {
    const response = json(
      await call(world.jira, 'POST', '/rest/api/3/permissions/check', { accountId: 'acc-former', projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [Number(projectId)] }] }),
    ) as { projectPermissions: { projects: number[] }[] };
    expect(response.projectPermissions[0]?.projects).toEqual([]);
  });

  it('describes the project with its lead and issue types', async () => {
    const project = json(await call(world.jira, 'GET', '/rest/api/3/project/SEC')) as Record<string, unknown>;
    expect(project).toMatchObject({ key: 'SEC', style: 'classic', simplified: false, lead: { accountId: PEOPLE.lead } });
    expect((project.issueTypes as { name: string }[]).map((type) => type.name)).toEqual(['Epic', 'Task', 'Bug', 'Subtask']);
  });

  it('lists the app’s Forge fields with their extension ARI', async () => {
    const fields = json(await call(world.jira, 'GET', '/rest/api/3/field')) as { id: string; schema: { custom?: string } }[];
    expect(fields.find((field) => field.id === world.riskTierField)?.schema).toEqual({
      type: 'string',
      custom: `ari:cloud:ecosystem::extension/${world.jira.app.appId}/${world.jira.app.environmentId}/static/risk-tier`,
      customId: Number(world.riskTierField.replace('customfield_', '')),
    });
  });
});
