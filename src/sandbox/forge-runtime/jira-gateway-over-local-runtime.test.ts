import api, { assumeTrustedRoute } from '@forge/api';
import { createJiraGateways, type JiraGateways } from '../../adapters/jira/jira-gateway-factory';
import type { RequestJira } from '../../adapters/jira/request-jira';
import { provisionExceptionWorkflow, type ProvisionedWorkflow } from '../jira/testing/provision-exception-workflow';
import { call, createStandInWorld, json, PEOPLE, type StandInWorld } from '../jira/testing/stand-in-world';
import { installLocalForgeRuntime, type LocalForgeRuntime } from './install-local-forge-runtime';
import { createLocalKvsStore } from './local-kvs-store';

/**
 * The production Jira gateway, over the real @forge/api, over the local runtime, against the stand-in: both
 * ends are held to the same OpenAPI spec, so a disagreement here is a disagreement with Jira.
 */
describe('the Jira gateway against the stand-in', () => {
  let world: StandInWorld;
  let runtime: LocalForgeRuntime;
  let gateways: JiraGateways;
  let workflow: ProvisionedWorkflow;

  const viaSdk =
    (identity: () => { requestJira: typeof api.requestJira }): RequestJira =>
    (path, init) =>
      identity().requestJira(assumeTrustedRoute(path), init);

  beforeEach(async () => {
    world = createStandInWorld();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: createLocalKvsStore({ now: () => world.jira.clock.now() }) });
    gateways = createJiraGateways({
      asUser: viaSdk(() => api.asUser()),
      asApp: viaSdk(() => api.asApp()),
      sleep: () => Promise.resolve(),
      random: () => 0,
      now: () => world.jira.clock.now(),
    });
    workflow = await provisionExceptionWorkflow(world.jira, { screenFields: [world.riskInputsField] });
    world.jira.seedIssue({ projectKey: 'SEC', issueType: 'Security Exception', summary: 'Legacy TLS', reporterAccountId: PEOPLE.requester });
  });

  afterEach(() => runtime.uninstall());

  it('resolves the app’s field ids and reads an issue with them', async () => {
    const fieldIds = await gateways.asApp.resolveFieldIds({ riskTier: 'risk-tier', riskInputs: 'risk-inputs' });
    expect(fieldIds).toEqual({ ok: true, value: { riskTier: world.riskTierField, riskInputs: world.riskInputsField } });
    const issue = await gateways.asApp.getIssue('SEC-1', fieldIds.ok ? fieldIds.value : { riskTier: '', riskInputs: '' });
    expect(issue).toMatchObject({ ok: true, value: { key: 'SEC-1', summary: 'Legacy TLS', status: { name: 'Draft', categoryKey: 'new' } } });
  });

  it('searches page by page', async () => {
    for (let n = 0; n < 4; n++) {
      world.jira.seedIssue({ projectKey: 'SEC', issueType: 'Security Exception', summary: `more ${n}`, reporterAccountId: PEOPLE.requester });
    }
    const keys: string[] = [];
    for await (const page of gateways.asApp.searchIssues({ jql: 'project = SEC AND issuetype = "Security Exception" ORDER BY key ASC', fieldIds: {}, pageSize: 2 })) {
      expect(page.ok).toBe(true);
      if (page.ok) keys.push(...page.value.issues.map((issue) => issue.key));
    }
    expect(keys).toEqual(['SEC-1', 'SEC-2', 'SEC-3', 'SEC-4', 'SEC-5']);
  });

  it('reports a validator’s refusal as JIRA.BAD_REQUEST with the validator’s message, acting as the user', async () => {
    world.jira.registerWorkflowValidator('intake-validator', () => ({ result: false, errorMessage: 'Name the affected assets.' }));
    const result = await runtime.runAs(PEOPLE.requester, () => gateways.asUser.transitionIssue('SEC-1', { transitionId: workflow.transitionIds.submit }));
    expect(result).toMatchObject({ ok: false, error: { code: 'JIRA.BAD_REQUEST', errorMessages: ['Name the affected assets.'] } });
  });

  it('transitions with a comment when the validator allows it', async () => {
    world.jira.registerWorkflowValidator('intake-validator', () => ({ result: true }));
    const comment = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Submitted for review' }] }] };
    const result = await runtime.runAs(PEOPLE.requester, () =>
      gateways.asUser.transitionIssue('SEC-1', { transitionId: workflow.transitionIds.submit, comment: comment as never }),
    );
    expect(result).toEqual({ ok: true, value: undefined });
    expect(world.jira.issue('SEC-1')?.comments.map((entry) => entry.body)).toEqual([comment]);
  });

  it('reads groups and permissions as the app', async () => {
    expect(await gateways.asApp.getUserGroups(PEOPLE.lead)).toMatchObject({ ok: true, value: [{ name: 'security-leads' }] });
    const project = await gateways.asApp.getProject('SEC');
    expect(project).toMatchObject({ ok: true, value: { key: 'SEC', management: 'company-managed' } });
  });

  it('reads back what provisioning created, through every lookup the set-up step uses', async () => {
    const gateway = gateways.asApp;
    const project = json(await call(world.jira, 'GET', '/rest/api/3/project/SEC')) as { id: string };
    const lookups = await Promise.all([
      gateway.listIssueTypes(),
      gateway.findStatusesByName(['Draft', 'Submitted']),
      gateway.searchWorkflows('Security Exception'),
      gateway.getForgeWorkflowRules(project.id, workflow.issueTypeId),
      gateway.listWorkflowSchemes(),
      gateway.getWorkflowSchemesOfProjects([project.id]),
      gateway.listScreens('Security Exception'),
      gateway.listScreenSchemes('Security Exception'),
      gateway.listIssueTypeScreenSchemes('Security Exception'),
      gateway.getIssueTypeScreenSchemesOfProjects([project.id]),
      gateway.listIssueTypeSchemes('Default'),
      gateway.getIssueTypeSchemesOfProjects([project.id]),
    ]);
    const failures = lookups.flatMap((result) => (result.ok ? [] : [result.error]));
    expect(failures).toEqual([]);
  });

  it('surfaces an injected rate limit with Jira’s Retry-After', async () => {
    world.jira.injectFault({ status: 429, retryAfterSeconds: 7 });
    const result = await gateways.asApp.getProject('SEC');
    expect(result).toMatchObject({ ok: false, error: { code: 'JIRA.RATE_LIMITED', retryAfterMs: 7000 } });
  });
});
