import { call, createStandInWorld, json, PEOPLE, type StandInWorld } from '../testing/stand-in-world';

describe('issue links, link types and the bulk group lookup', () => {
  let world: StandInWorld;

  beforeEach(() => {
    world = createStandInWorld();
    for (const summary of ['Original', 'Renewal']) {
      world.jira.seedIssue({ projectKey: 'SEC', issueType: 'Task', summary, reporterAccountId: PEOPLE.requester });
    }
  });

  const renewalType = { name: 'Renewal', inward: 'is renewed by', outward: 'renews' };
  const link = (typeName: string, asUser: string | null = null) =>
    call(world.jira, 'POST', '/rest/api/3/issueLink', { type: { name: typeName }, inwardIssue: { key: 'SEC-2' }, outwardIssue: { key: 'SEC-1' } }, asUser);

  it("lists Jira's default link types", async () => {
    const response = await call(world.jira, 'GET', '/rest/api/3/issueLinkType');
    expect(response.status).toBe(200);
    expect((json(response) as { issueLinkTypes: { name: string }[] }).issueLinkTypes.map((type) => type.name)).toEqual([
      'Blocks',
      'Cloners',
      'Duplicate',
      'Relates',
    ]);
  });

  it('creates a link type once, for administrators only', async () => {
    expect((await call(world.jira, 'POST', '/rest/api/3/issueLinkType', renewalType, PEOPLE.requester)).status).toBe(401);
    const createdType = await call(world.jira, 'POST', '/rest/api/3/issueLinkType', renewalType);
    expect(createdType.status).toBe(201);
    expect(json(createdType)).toMatchObject({ name: 'Renewal', outward: 'renews' });
    expect((await call(world.jira, 'POST', '/rest/api/3/issueLinkType', renewalType)).status).toBe(400);
  });

  it('refuses a link of a type the site does not have, then links once however often it is asked', async () => {
    expect((await link('Renewal')).status).toBe(404);
    await call(world.jira, 'POST', '/rest/api/3/issueLinkType', renewalType);
    expect((await link('Renewal', PEOPLE.requester)).status).toBe(201);
    expect((await link('renewal')).status).toBe(201);
    const [issueLink] = world.jira.state.issueLinks;
    expect(world.jira.state.issueLinks).toHaveLength(1);
    expect(issueLink).toMatchObject({ inwardIssueId: world.jira.issue('SEC-2')?.id, outwardIssueId: world.jira.issue('SEC-1')?.id });
  });

  it('hides issues the caller may not browse', async () => {
    await call(world.jira, 'POST', '/rest/api/3/issueLinkType', renewalType);
    expect((await link('Renewal', PEOPLE.outsider)).status).toBe(404);
  });

  it('finds groups by name, leaving out names it does not know', async () => {
    const response = await call(world.jira, 'GET', '/rest/api/3/group/bulk?groupName=security-leads&groupName=nobody&groupName=jira-admins');
    expect(response.status).toBe(200);
    expect((json(response) as { values: { name: string; groupId: string }[] }).values.map((group) => group.name)).toEqual([
      'jira-admins',
      'security-leads',
    ]);
  });
});
