import type { ForgeEvent } from '../event-dispatcher';
import { provisionExceptionWorkflow, type ProvisionedWorkflow } from '../testing/provision-exception-workflow';
import { call, createStandInWorld, json, PEOPLE, type StandInWorld } from '../testing/stand-in-world';

const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const cannotBeSet = (fieldId: string) => `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

describe('issues through REST', () => {
  let world: StandInWorld;
  let workflow: ProvisionedWorkflow;
  let events: ForgeEvent[];

  const createException = (fields: Record<string, unknown>, asUser: string | null = PEOPLE.requester) =>
    call(world.jira, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SEC' }, issuetype: { id: workflow.issueTypeId }, ...fields } }, asUser);

  beforeEach(async () => {
    world = createStandInWorld();
    const received: ForgeEvent[] = [];
    events = received;
    world.jira.registerTrigger({ key: 'updates', events: ['avi:jira:updated:issue'], handler: (event) => void received.push(event) });
    workflow = await provisionExceptionWorkflow(world.jira, { screenFields: [world.riskInputsField, world.riskTierField] });
  });

  describe('create', () => {
    it('creates with the fields on the create screen and the caller as reporter', async () => {
      const response = await createException({ summary: 'Legacy TLS', description: adf('Vendor appliance'), [world.riskInputsField]: { method: 'matrix', likelihood: 3, impact: 4 } });
      expect(response.status).toBe(201);
      const { key } = json(response) as { key: string };
      const issue = json(await call(world.jira, 'GET', `/rest/api/3/issue/${key}?fields=summary,reporter,${world.riskInputsField},status`)) as { fields: Record<string, unknown> };
      expect(issue.fields).toEqual({
        summary: 'Legacy TLS',
        reporter: expect.objectContaining({ accountId: PEOPLE.requester, displayName: 'Rita Requester' }) as unknown,
        [world.riskInputsField]: { method: 'matrix', likelihood: 3, impact: 4 },
        status: expect.objectContaining({ name: 'Draft', statusCategory: expect.objectContaining({ key: 'new' }) as unknown }) as unknown,
      });
    });

    it.each([
      ['no summary', {}, { summary: 'You must specify a summary of the issue.' }],
      ['a field off the screen', { summary: 's', labels: ['a'] }, { labels: cannotBeSet('labels') }],
      ['an unknown field', { summary: 's', customfield_99999: 'x' }, { customfield_99999: cannotBeSet('customfield_99999') }],
      ['a plain-text description', { summary: 's', description: 'plain' }, { description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' }],
    ])('refuses %s with Jira’s field error', async (_case, fields, errors) => {
      const response = await createException(fields);
      expect(response.status).toBe(400);
      expect(json(response)).toEqual({ errorMessages: [], errors });
    });

    it('refuses a read-only Forge field even when it is on the screen', async () => {
      const response = await createException({ summary: 's', [world.riskTierField]: 'high' });
      expect(json(response)).toEqual({ errorMessages: [], errors: { [world.riskTierField]: cannotBeSet(world.riskTierField) } });
    });

    it('refuses an issue type the project does not use', async () => {
      const response = await call(world.jira, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SEC' }, issuetype: { name: 'Nonexistent' }, summary: 's' } });
      expect(json(response)).toEqual({ errorMessages: [], errors: { issuetype: 'Specify a valid issue type' } });
    });

    it('refuses people without Create issues', async () => {
      expect((await createException({ summary: 's' }, PEOPLE.lead)).status).toBe(403);
    });
  });

  describe('read', () => {
    let key: string;
    beforeEach(async () => {
      key = (json(await createException({ summary: 'Readable' })) as { key: string }).key;
      await call(world.jira, 'PUT', `/rest/api/3/issue/${key}/properties/secexc`, { approvals: ['a'] });
      await call(world.jira, 'PUT', `/rest/api/3/issue/${key}/properties/other`, 1);
    });

    it('honours fields exclusions, names and properties', async () => {
      const issue = json(await call(world.jira, 'GET', `/rest/api/3/issue/${key}?fields=*navigable,-description,-comment&expand=names&properties=*all,-other`)) as Record<string, Record<string, unknown>>;
      expect(issue.fields).not.toHaveProperty('description');
      expect(issue.fields).toHaveProperty('summary', 'Readable');
      expect(issue.names).toMatchObject({ summary: 'Summary', [world.riskTierField]: 'Risk tier' });
      expect(issue.properties).toEqual({ secexc: { approvals: ['a'] } });
    });

    it('answers 404 to people who may not browse the project, as for a missing issue', async () => {
      const hidden = await call(world.jira, 'GET', `/rest/api/3/issue/${key}`, undefined, PEOPLE.outsider);
      const missing = await call(world.jira, 'GET', '/rest/api/3/issue/SEC-999', undefined, PEOPLE.requester);
      expect([hidden.status, missing.status]).toEqual([404, 404]);
      expect(hidden.body).toBe(missing.body);
    });

    it('bulk-fetches in id order and reports what it could not fetch', async () => {
      const second = (json(await createException({ summary: 'Second' })) as { key: string }).key;
      const response = json(await call(world.jira, 'POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: [second, 'SEC-404', key], fields: ['summary'] }, PEOPLE.requester)) as {
        issues: { key: string }[];
        issueErrors: { id: string }[];
      };
      expect(response.issues.map((issue) => issue.key)).toEqual([key, second]);
      expect(response.issueErrors).toEqual([{ id: 'SEC-404', errorMessage: 'Issue does not exist or you do not have permission to see it.' }]);
    });

    it('refuses expansions it does not model instead of leaving them out', async () => {
      const response = await call(world.jira, 'GET', `/rest/api/3/issue/${key}?expand=renderedFields`);
      expect(response.status).toBe(400);
      expect(response.body).toContain('unsupported expand in the stand-in: renderedFields');
    });
  });

  describe('edit', () => {
    let key: string;
    beforeEach(async () => {
      key = (json(await createException({ summary: 'Before' })) as { key: string }).key;
    });

    it('writes one changelog entry and fires issue_updated', async () => {
      const response = await call(world.jira, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'After', [world.riskInputsField]: { method: 'cvss', vector: 'AV:N' } } }, PEOPLE.requester);
      expect(response.status).toBe(204);
      await world.jira.events.settle();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        jiraEventTypeName: 'issue_updated',
        changelog: {
          items: [
            { field: 'summary', fieldtype: 'jira', fieldId: 'summary', fromString: 'Before', toString: 'After' },
            { field: 'Risk inputs', fieldtype: 'custom', fieldId: world.riskInputsField, fromString: null, toString: '{"method":"cvss","vector":"AV:N"}' },
          ],
        },
      });
    });

    it('writes nothing and fires nothing when nothing changes', async () => {
      await call(world.jira, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'Before' } });
      await world.jira.events.settle();
      expect(events).toEqual([]);
      expect(world.jira.issue(key)?.changelog).toEqual([]);
    });

    it('applies update operations to lists', async () => {
      world = createStandInWorld();
      const seeded = world.jira.seedIssue({ projectKey: 'SEC', issueType: 'Task', summary: 's', reporterAccountId: PEOPLE.requester, values: { labels: ['a', 'b'] } });
      await call(world.jira, 'PUT', `/rest/api/3/issue/${seeded.key}`, { update: { labels: [{ add: 'c' }, { remove: 'a' }] } });
      expect(world.jira.issue(seeded.key)?.values.get('labels')).toEqual(['b', 'c']);
    });

    it('lets only a Jira administrator acting as a user override screen security — not the app', async () => {
      const body = { fields: { labels: ['override'] } };
      const asApp = await call(world.jira, 'PUT', `/rest/api/3/issue/${key}?overrideScreenSecurity=true`, body);
      const asAdmin = await call(world.jira, 'PUT', `/rest/api/3/issue/${key}?overrideScreenSecurity=true`, body, PEOPLE.admin);
      expect(asApp.status).toBe(403);
      expect(asAdmin.status).toBe(400);
      expect(json(asAdmin)).toEqual({ errorMessages: ['You do not have permission to edit issues in this project.'], errors: {} });
    });

    it('returns the issue when asked', async () => {
      const response = await call(world.jira, 'PUT', `/rest/api/3/issue/${key}?returnIssue=true`, { fields: { summary: 'Returned' } });
      expect(response.status).toBe(200);
      expect(json(response)).toMatchObject({ key, fields: { summary: 'Returned' } });
    });
  });

  describe('app-owned field values', () => {
    let issueId: string;
    beforeEach(async () => {
      const { id } = json(await createException({ summary: 'Rated' })) as { id: string };
      issueId = id;
    });

    it('lets the app write its read-only field, with a changelog but no event', async () => {
      const response = await call(world.jira, 'PUT', `/rest/api/3/app/field/${world.riskTierField}/value`, { updates: [{ issueIds: [Number(issueId)], value: 'high' }] });
      expect(response.status).toBe(204);
      await world.jira.events.settle();
      expect(world.jira.issue(issueId)?.values.get(world.riskTierField)).toBe('high');
      expect(world.jira.issue(issueId)?.changelog.at(-1)?.items).toEqual([
        { field: 'Risk tier', fieldtype: 'custom', fieldId: world.riskTierField, from: null, fromString: null, to: null, toString: 'high' },
      ]);
      expect(events).toEqual([]);
    });

    it('writes several fields at once and can skip the changelog', async () => {
      const response = await call(world.jira, 'POST', '/rest/api/3/app/field/value?generateChangelog=false', {
        updates: [
          { customField: world.riskTierField, issueIds: [Number(issueId)], value: 'critical' },
          { customField: world.riskInputsField, issueIds: [Number(issueId)], value: { method: 'matrix', likelihood: 9, impact: 9 } },
        ],
      });
      expect(response.status).toBe(204);
      expect(world.jira.issue(issueId)?.values.get(world.riskTierField)).toBe('critical');
      expect(world.jira.issue(issueId)?.changelog).toEqual([]);
    });

    it.each([
      ['a person', PEOPLE.admin, 403],
      ['the app, for a system field', null, 403],
    ])('refuses %s', async (_case, asUser, status) => {
      const field = asUser === null ? 'summary' : world.riskTierField;
      const response = await call(world.jira, 'PUT', `/rest/api/3/app/field/${field}/value`, { updates: [{ issueIds: [Number(issueId)], value: 'x' }] }, asUser);
      expect(response.status).toBe(status);
    });

    it('checks the value against the field type', async () => {
      const response = await call(world.jira, 'PUT', `/rest/api/3/app/field/${world.riskInputsField}/value`, { updates: [{ issueIds: [Number(issueId)], value: 'not an object' }] });
      expect(response.status).toBe(400);
    });
  });

  describe('comments, notifications, properties, deletion', () => {
    let key: string;
    beforeEach(async () => {
      key = (json(await createException({ summary: 'Talked about' })) as { key: string }).key;
    });

    it('adds an ADF comment and shows it on the issue', async () => {
      const response = await call(world.jira, 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('Approved by the security lead') }, PEOPLE.requester);
      expect(response.status).toBe(201);
      expect(json(response)).toMatchObject({ author: { accountId: PEOPLE.requester }, body: adf('Approved by the security lead') });
      const issue = json(await call(world.jira, 'GET', `/rest/api/3/issue/${key}?fields=comment`)) as { fields: { comment: { total: number } } };
      expect(issue.fields.comment.total).toBe(1);
    });

    it('records notifications with their expanded recipients', async () => {
      const response = await call(world.jira, 'POST', `/rest/api/3/issue/${key}/notify`, {
        subject: 'Approval needed',
        textBody: 'Please review',
        to: { reporter: true, groups: [{ name: 'security-leads' }] },
      });
      expect(response.status).toBe(204);
      expect(world.jira.notifications()).toEqual([
        expect.objectContaining({ issueKey: key, subject: 'Approval needed', recipientAccountIds: [PEOPLE.requester, PEOPLE.lead] }),
      ]);
    });

    it('refuses to notify an unassigned assignee', async () => {
      const response = await call(world.jira, 'POST', `/rest/api/3/issue/${key}/notify`, { subject: 's', to: { assignee: true } });
      expect(response.status).toBe(400);
    });

    it('sets (201 then 200), reads, lists and deletes issue properties', async () => {
      const path = `/rest/api/3/issue/${key}/properties/secexc.approvals`;
      expect((await call(world.jira, 'PUT', path, { v: 1 })).status).toBe(201);
      expect((await call(world.jira, 'PUT', path, { v: 2 })).status).toBe(200);
      expect(json(await call(world.jira, 'GET', path))).toEqual({ key: 'secexc.approvals', value: { v: 2 } });
      expect(json(await call(world.jira, 'GET', `/rest/api/3/issue/${key}/properties`))).toMatchObject({ keys: [{ key: 'secexc.approvals' }] });
      expect((await call(world.jira, 'DELETE', path)).status).toBe(204);
      expect((await call(world.jira, 'GET', path)).status).toBe(404);
    });

    it('refuses property values over 32 768 characters', async () => {
      const response = await call(world.jira, 'PUT', `/rest/api/3/issue/${key}/properties/big`, 'x'.repeat(32_800));
      expect(response.status).toBe(400);
    });

    it('keeps project properties for project administrators', async () => {
      const path = '/rest/api/3/project/SEC/properties/secexc.checkpoint';
      expect((await call(world.jira, 'PUT', path, { sequence: 7 }, PEOPLE.requester)).status).toBe(403);
      expect((await call(world.jira, 'PUT', path, { sequence: 7 })).status).toBe(201);
      expect(json(await call(world.jira, 'GET', path, undefined, PEOPLE.requester))).toEqual({ key: 'secexc.checkpoint', value: { sequence: 7 } });
    });

    it('deletes only for people with Delete issues', async () => {
      expect((await call(world.jira, 'DELETE', `/rest/api/3/issue/${key}`, undefined, PEOPLE.requester)).status).toBe(403);
      expect((await call(world.jira, 'DELETE', `/rest/api/3/issue/${key}`)).status).toBe(204);
      expect(world.jira.issue(key)).toBeUndefined();
    });
  });
});
