import { provisionExceptionWorkflow } from '../testing/provision-exception-workflow';
import { call, createStandInWorld, json, PEOPLE, type StandInWorld } from '../testing/stand-in-world';

describe('provisioning an issue type, workflow, schemes and screens through REST', () => {
  let world: StandInWorld;
  beforeEach(() => {
    world = createStandInWorld();
  });

  const errorsOf = (body: unknown): string => JSON.stringify(body);

  it('provisions end to end, and issues of the new type follow the new workflow', async () => {
    const provisioned = await provisionExceptionWorkflow(world.jira);
    const created = json(
      await call(world.jira, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SEC' }, issuetype: { name: 'Security Exception' }, summary: 's' } }),
    ) as { key: string };
    expect(world.jira.issue(created.key)?.statusId).toBe(provisioned.statusIds.draft);
    const search = json(await call(world.jira, 'GET', '/rest/api/3/workflows/search?queryString=security&expand=values.transitions')) as {
      values: { name: string; transitions: { name: string; validators: { parameters: { key: string } }[] }[] }[];
    };
    expect(search.values.map((workflow) => workflow.name)).toEqual(['Security Exception Workflow']);
    expect(search.values[0]?.transitions.find((transition) => transition.name === 'Submit')?.validators[0]?.parameters.key).toMatch(/static\/intake-validator$/);
  });

  describe('issue types', () => {
    it('adds a new type to the default scheme and refuses its name twice', async () => {
      const created = await call(world.jira, 'POST', '/rest/api/3/issuetype', { name: 'Security Exception' });
      expect(created.status).toBe(201);
      const project = json(await call(world.jira, 'GET', '/rest/api/3/project/SEC')) as { issueTypes: { name: string }[] };
      expect(project.issueTypes.map((type) => type.name)).toContain('Security Exception');
      expect((await call(world.jira, 'POST', '/rest/api/3/issuetype', { name: 'security exception' })).status).toBe(409);
    });

    it.each([
      [{ name: 'x'.repeat(61) }, 400],
      [{ name: 'Initiative', hierarchyLevel: 2 }, 400],
    ])('refuses %j', async (body, status) => {
      expect((await call(world.jira, 'POST', '/rest/api/3/issuetype', body)).status).toBe(status);
    });

    it('needs Administer Jira', async () => {
      expect((await call(world.jira, 'POST', '/rest/api/3/issuetype', { name: 'Mine' }, PEOPLE.lead)).status).toBe(403);
    });

    it('assigns an issue type scheme only to company-managed projects', async () => {
      const scheme = json(await call(world.jira, 'POST', '/rest/api/3/issuetypescheme', { name: 'Security', issueTypeIds: ['10001'], defaultIssueTypeId: '10001' })) as {
        issueTypeSchemeId: string;
      };
      const team = world.jira.seedProject({ key: 'TEAM', name: 'Team', leadAccountId: PEOPLE.lead, style: 'team-managed' });
      const sec = json(await call(world.jira, 'GET', '/rest/api/3/project/SEC')) as { id: string };
      expect((await call(world.jira, 'PUT', '/rest/api/3/issuetypescheme/project', { issueTypeSchemeId: scheme.issueTypeSchemeId, projectId: team.id })).status).toBe(400);
      expect((await call(world.jira, 'PUT', '/rest/api/3/issuetypescheme/project', { issueTypeSchemeId: scheme.issueTypeSchemeId, projectId: sec.id })).status).toBe(204);
      const assigned = json(await call(world.jira, 'GET', `/rest/api/3/issuetypescheme/project?projectId=${sec.id}`)) as { values: { issueTypeScheme: { name: string } }[] };
      expect(assigned.values[0]?.issueTypeScheme.name).toBe('Security');
    });

    it('refuses a scheme that would strand existing issues', async () => {
      world.jira.seedIssue({ projectKey: 'SEC', issueType: 'Bug', summary: 's', reporterAccountId: PEOPLE.requester });
      const scheme = json(await call(world.jira, 'POST', '/rest/api/3/issuetypescheme', { name: 'Tasks only', issueTypeIds: ['10001'] })) as { issueTypeSchemeId: string };
      const sec = json(await call(world.jira, 'GET', '/rest/api/3/project/SEC')) as { id: string };
      const response = await call(world.jira, 'PUT', '/rest/api/3/issuetypescheme/project', { issueTypeSchemeId: scheme.issueTypeSchemeId, projectId: sec.id });
      expect(response.status).toBe(400);
      expect(response.body).toContain('SEC-1');
    });
  });

  describe('statuses and workflows', () => {
    it('creates global statuses and finds them by name', async () => {
      const created = json(await call(world.jira, 'POST', '/rest/api/3/statuses', { scope: { type: 'GLOBAL' }, statuses: [{ name: 'Risk Review', statusCategory: 'IN_PROGRESS' }] })) as { id: string }[];
      const found = json(await call(world.jira, 'GET', '/rest/api/3/statuses/search?searchString=risk')) as { values: { id: string; name: string; scope: unknown }[] };
      expect(found.values).toEqual([{ id: created[0]?.id, name: 'Risk Review', description: '', statusCategory: 'IN_PROGRESS', scope: { type: 'GLOBAL' } }]);
      expect((await call(world.jira, 'POST', '/rest/api/3/statuses', { scope: { type: 'GLOBAL' }, statuses: [{ name: 'risk review', statusCategory: 'DONE' }] })).status).toBe(400);
    });

    it('finds statuses by exact name within a scope', async () => {
      const found = json(await call(world.jira, 'GET', '/rest/api/3/statuses/byNames?name=to%20do&name=Done&name=Nope')) as { id: string }[];
      expect(found.map((status) => status.id)).toEqual(['10000', '10001']);
      expect(json(await call(world.jira, 'GET', '/rest/api/3/statuses/byNames?name=Done&projectId=10000'))).toEqual([]);
    });

    it('lists the app’s registered validators among the workflow capabilities', async () => {
      world.jira.registerWorkflowValidator('approval-validator', () => ({ result: true }), { name: 'Risk-tiered approval' });
      const sec = json(await call(world.jira, 'GET', '/rest/api/3/project/SEC')) as { id: string };
      const response = json(await call(world.jira, 'GET', `/rest/api/3/workflows/capabilities?projectId=${sec.id}&issueTypeId=10001`));
      expect(response).toEqual({
        editorScope: 'GLOBAL',
        projectTypes: ['software'],
        forgeRules: [
          {
            id: `ari:cloud:ecosystem::extension/${world.jira.app.appId}/${world.jira.app.environmentId}/static/approval-validator`,
            ruleKey: 'forge:expression-validator',
            ruleType: 'Validator',
            name: 'Risk-tiered approval',
            description: 'Risk-tiered approval',
          },
        ],
      });
    });

    it('answers 401, as the spec says, to callers who may not create statuses', async () => {
      const response = await call(world.jira, 'POST', '/rest/api/3/statuses', { scope: { type: 'GLOBAL' }, statuses: [{ name: 'X', statusCategory: 'TODO' }] }, PEOPLE.lead);
      expect(response.status).toBe(401);
    });

    const minimalWorkflow = (overrides: Record<string, unknown> = {}) => ({
      statuses: [{ statusReference: 'open', name: 'Open', statusCategory: 'TODO' }],
      workflows: [
        {
          name: 'Minimal',
          statuses: [{ statusReference: 'open', properties: {} }],
          transitions: [{ name: 'Create', type: 'INITIAL', toStatusReference: 'open' }],
          ...overrides,
        },
      ],
    });

    it.each([
      ['no initial transition', { transitions: [] }, 'exactly one INITIAL transition'],
      ['a transition to a status outside the workflow', { transitions: [{ name: 'Create', type: 'INITIAL', toStatusReference: 'elsewhere' }] }, 'not a status of the workflow'],
      ['a directed transition from nowhere', { transitions: [{ name: 'Create', type: 'INITIAL', toStatusReference: 'open' }, { name: 'Loop', toStatusReference: 'open' }] }, 'no status to start from'],
      [
        'a Forge rule without an extension ARI',
        { transitions: [{ name: 'Create', type: 'INITIAL', toStatusReference: 'open', validators: [{ ruleKey: 'forge:expression-validator', parameters: { key: 'intake-validator' } }] }] },
        'needs parameters.key set to an extension ARI',
      ],
    ])('refuses a workflow with %s', async (_case, overrides, message) => {
      const response = await call(world.jira, 'POST', '/rest/api/3/workflows/create', minimalWorkflow(overrides));
      expect(response.status).toBe(400);
      expect(errorsOf(json(response))).toContain(message);
      expect([...world.jira.state.statuses.values()].map((status) => status.name)).not.toContain('Open');
    });

    it('refuses to create a status that already exists instead of guessing it is the same', async () => {
      const response = await call(world.jira, 'POST', '/rest/api/3/workflows/create', {
        ...minimalWorkflow(),
        statuses: [{ statusReference: 'open', name: 'To Do', statusCategory: 'TODO' }],
      });
      expect(response.status).toBe(400);
      expect(errorsOf(json(response))).toContain("A status named 'To Do' already exists (id 10000)");
    });

    it('accepts existing statuses referenced by id and refuses duplicate workflow names', async () => {
      const body = { ...minimalWorkflow(), statuses: [{ statusReference: 'open', id: '10000', name: 'To Do', statusCategory: 'TODO' }] };
      expect((await call(world.jira, 'POST', '/rest/api/3/workflows/create', body)).status).toBe(200);
      expect((await call(world.jira, 'POST', '/rest/api/3/workflows/create', body)).status).toBe(400);
    });
  });

  describe('team-managed projects', () => {
    it('own their statuses and workflows, mapped per issue type without schemes', async () => {
      const team = world.jira.seedProject({ key: 'TEAM', name: 'Team', leadAccountId: PEOPLE.admin, style: 'team-managed', issueTypes: ['Exception'] });
      const statuses = json(
        await call(world.jira, 'POST', '/rest/api/3/statuses', { scope: { type: 'PROJECT', project: { id: team.id } }, statuses: [{ name: 'Open', statusCategory: 'TODO' }] }),
      ) as { id: string; scope: unknown }[];
      expect(statuses[0]?.scope).toEqual({ type: 'PROJECT', project: { id: team.id } });
      const created = await call(world.jira, 'POST', '/rest/api/3/workflows/create', {
        scope: { type: 'PROJECT', project: { id: team.id } },
        statuses: [{ statusReference: 'open', id: statuses[0]?.id, name: 'Open', statusCategory: 'TODO' }],
        workflows: [{ name: 'Team flow', statuses: [{ statusReference: 'open', properties: {} }], transitions: [{ name: 'Create', type: 'INITIAL', toStatusReference: 'open' }] }],
      });
      expect(created.status).toBe(200);
      world.jira.assignTeamManagedWorkflow('TEAM', 'Exception', 'Team flow');
      const issue = json(await call(world.jira, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'TEAM' }, issuetype: { name: 'Exception' }, summary: 's' } })) as { key: string };
      expect(world.jira.issue(issue.key)?.statusId).toBe(statuses[0]?.id);
      expect((await call(world.jira, 'PUT', '/rest/api/3/issuetypescreenscheme/project', { issueTypeScreenSchemeId: '1', projectId: team.id })).status).toBe(400);
    });

    it('refuses project-scoped statuses for a company-managed project', async () => {
      const sec = json(await call(world.jira, 'GET', '/rest/api/3/project/SEC')) as { id: string };
      const response = await call(world.jira, 'POST', '/rest/api/3/statuses', { scope: { type: 'PROJECT', project: { id: sec.id } }, statuses: [{ name: 'X', statusCategory: 'TODO' }] });
      expect(response.status).toBe(400);
    });
  });

  describe('workflow schemes', () => {
    it('assigns only to company-managed projects without issues', async () => {
      const scheme = json(await call(world.jira, 'POST', '/rest/api/3/workflowscheme', { name: 'S', defaultWorkflow: 'jira' })) as { id: number };
      const sec = json(await call(world.jira, 'GET', '/rest/api/3/project/SEC')) as { id: string };
      world.jira.seedIssue({ projectKey: 'SEC', issueType: 'Task', summary: 's', reporterAccountId: PEOPLE.requester });
      const response = await call(world.jira, 'PUT', '/rest/api/3/workflowscheme/project', { projectId: sec.id, workflowSchemeId: String(scheme.id) });
      expect(response.status).toBe(400);
      expect(errorsOf(json(response))).toContain('has issues');
    });

    it('lists workflow schemes for administrators', async () => {
      await call(world.jira, 'POST', '/rest/api/3/workflowscheme', { name: 'Listed' });
      const page = json(await call(world.jira, 'GET', '/rest/api/3/workflowscheme')) as { values: { name: string }[] };
      expect(page.values.map((scheme) => scheme.name)).toEqual(['Listed']);
      expect((await call(world.jira, 'GET', '/rest/api/3/workflowscheme', undefined, PEOPLE.lead)).status).toBe(403);
    });

    it('refuses mappings to workflows that do not exist', async () => {
      const response = await call(world.jira, 'POST', '/rest/api/3/workflowscheme', { name: 'S', issueTypeMappings: { '10001': 'Nope' } });
      expect(response.status).toBe(400);
    });

    it('reports the default scheme for projects without one', async () => {
      const sec = json(await call(world.jira, 'GET', '/rest/api/3/project/SEC')) as { id: string };
      const response = json(await call(world.jira, 'GET', `/rest/api/3/workflowscheme/project?projectId=${sec.id}`)) as { values: { workflowScheme: { defaultWorkflow: string } }[] };
      expect(response.values[0]?.workflowScheme.defaultWorkflow).toBe('jira');
    });
  });

  describe('screens', () => {
    it('creates a screen with a Field Tab and refuses a field twice', async () => {
      const screen = json(await call(world.jira, 'POST', '/rest/api/3/screens', { name: 'S' })) as { id: number };
      const tabs = json(await call(world.jira, 'GET', `/rest/api/3/screens/${screen.id}/tabs`)) as { id: number; name: string }[];
      expect(tabs.map((tab) => tab.name)).toEqual(['Field Tab']);
      const add = () => call(world.jira, 'POST', `/rest/api/3/screens/${screen.id}/tabs/${tabs[0]?.id ?? 0}/fields`, { fieldId: world.riskTierField });
      expect(json(await add())).toEqual({ id: world.riskTierField, name: 'Risk tier' });
      expect((await add()).status).toBe(400);
      expect((await call(world.jira, 'POST', `/rest/api/3/screens/${screen.id}/tabs/${tabs[0]?.id ?? 0}/fields`, { fieldId: 'status' })).status).toBe(400);
    });

    it('requires a default mapping in an issue type screen scheme', async () => {
      const response = await call(world.jira, 'POST', '/rest/api/3/issuetypescreenscheme', { name: 'X', issueTypeMappings: [{ issueTypeId: '10001', screenSchemeId: '1' }] });
      expect(response.status).toBe(400);
    });

    it('refuses a duplicate issue type screen scheme name with 409', async () => {
      const body = { name: 'X', issueTypeMappings: [{ issueTypeId: 'default', screenSchemeId: '1' }] };
      expect((await call(world.jira, 'POST', '/rest/api/3/issuetypescreenscheme', body)).status).toBe(201);
      expect((await call(world.jira, 'POST', '/rest/api/3/issuetypescreenscheme', body)).status).toBe(409);
    });
  });
});
