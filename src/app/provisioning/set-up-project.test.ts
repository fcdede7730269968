import api, { assumeTrustedRoute, getAppContext } from '@forge/api';
import { createJiraGateway } from '../../adapters/jira/jira-gateway';
import type { RequestJira } from '../../adapters/jira/request-jira';
import { parseWorkflowRuleConfig } from '../../contract/workflow-rule-config';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import type { FaultRule } from '../../sandbox/jira/fault-injection';
import type { JiraStandIn } from '../../sandbox/jira/jira-stand-in';
import { APP, call, createStandInWorld, json, PEOPLE } from '../../sandbox/jira/testing/stand-in-world';
import type { WorkflowValidatorPayload } from '../../sandbox/jira/workflow-validators';
import { REGISTER_HOME_LABEL } from './ensure-register-home';
import { setUpProject, type ProjectSetupReport, type SetUpProjectInput } from './set-up-project';
import { SETUP_STEPS, type SetupStepId, type StepOutcome } from './setup-steps';

const VALIDATORS = { intake: 'intake-validator', peerReview: 'peer-review-validator', approval: 'approval-validator', activation: 'activation-validator' };
const FIELDS = { editable: ['risk-inputs', 'exception-assets'], readOnly: ['risk-tier'] };

type Site = {
  readonly jira: JiraStandIn;
  readonly run: (projectKey?: string) => Promise<ProjectSetupReport>;
  /** Every request the gateway sent, as `METHOD path` without the query. */
  readonly sent: string[];
  readonly validated: { readonly moduleKey: string; readonly payload: WorkflowValidatorPayload }[];
  /** Post-function events the recorder received. */
  readonly recorded: unknown[];
};

let runtime: LocalForgeRuntime | undefined;
afterEach(() => runtime?.uninstall());

/** A site with project SEC, the app's fields deployed and its validators registered; set-up runs as a Forge invocation. */
function createSite(
  options: { readonly validators?: readonly string[]; readonly fieldsDeployed?: boolean; readonly recorder?: string; readonly recorderDeployed?: boolean } = {},
): Site {
  const { jira } = createStandInWorld();
  if (options.fieldsDeployed !== false) jira.registerForgeCustomField({ moduleKey: 'exception-assets', name: 'Exception assets', type: 'object' });
  const validated: Site['validated'] = [];
  for (const moduleKey of options.validators ?? Object.values(VALIDATORS)) {
    jira.registerWorkflowValidator(moduleKey, (payload) => {
      validated.push({ moduleKey, payload });
      return { result: false, errorMessage: `${moduleKey} refused` };
    });
  }
  const recorded: unknown[] = [];
  if (options.recorder !== undefined && options.recorderDeployed === true) {
    jira.registerWorkflowPostFunction(options.recorder, (event) => void recorded.push(event));
  }
  runtime?.uninstall();
  runtime = installLocalForgeRuntime({ jira, kvs: createLocalKvsStore({ now: () => jira.clock.now() }) });
  const sent: string[] = [];
  const request: RequestJira = (path, init) => {
    sent.push(`${init?.method ?? 'GET'} ${path.split('?')[0] ?? path}`);
    return api.asApp().requestJira(assumeTrustedRoute(path), init);
  };
  const gateway = createJiraGateway({ request, sleep: () => Promise.resolve(), random: () => 0, now: () => jira.clock.now() });
  const inputFor = (projectKey: string): SetUpProjectInput => {
    const context = getAppContext();
    return {
      projectKey,
      app: { appId: context.appAri.appId, environmentId: context.environmentAri.environmentId },
      validatorModuleKeys: VALIDATORS,
      approvalLevels: DEFAULT_POLICY.levels,
      fieldModuleKeys: FIELDS,
      ...(options.recorder === undefined ? {} : { recorderModuleKey: options.recorder }),
    };
  };
  const local = runtime;
  return {
    jira,
    sent,
    validated,
    recorded,
    run: (projectKey = 'SEC') => local.runAs(PEOPLE.admin, () => setUpProject({ jira: gateway }, inputFor(projectKey))),
  };
}

/** The site's configuration by name, so two sites built in different orders compare equal when they hold the same. */
function configurationOf(jira: JiraStandIn, projectKey = 'SEC') {
  const { state } = jira;
  const statusName = (id: string) => state.statuses.get(id)?.name ?? `missing status ${id}`;
  const typeName = (id: string) => (id === 'default' ? 'default' : (state.issueTypes.get(id)?.name ?? `missing type ${id}`));
  const screenName = (id: number) => state.screens.get(id)?.name ?? `missing screen ${id}`;
  const byName = <T extends { name: string }>(items: Iterable<T>): T[] => [...items].sort((a, b) => a.name.localeCompare(b.name));
  const project = [...state.projects.values()].find((candidate) => candidate.key === projectKey);
  const workflowScheme = project?.workflowSchemeId === undefined ? undefined : state.workflowSchemes.get(project.workflowSchemeId);
  return {
    issueTypes: [...state.issueTypes.values()].map((type) => type.name).sort(),
    statuses: byName(state.statuses.values()).map((status) => `${status.name} (${status.category})`),
    workflows: byName(state.workflows.values()).map((workflow) => ({
      name: workflow.name,
      statuses: workflow.statuses.map((status) => statusName(status.statusId)),
      transitions: workflow.transitions.map((transition) => ({
        name: transition.name,
        type: transition.type,
        from: transition.fromStatusIds.map(statusName),
        to: statusName(transition.toStatusId),
        validators: transition.validators.map((rule) => ({ ruleKey: rule.ruleKey, parameters: rule.parameters })),
        conditions: transition.conditions,
        properties: transition.properties,
      })),
    })),
    workflowSchemes: byName(state.workflowSchemes.values()).map((scheme) => ({
      name: scheme.name,
      defaultWorkflow: scheme.defaultWorkflow,
      mappings: Object.entries(scheme.issueTypeMappings).map(([type, workflow]) => `${typeName(type)} -> ${workflow}`),
    })),
    screens: byName(state.screens.values()).map((screen) => ({
      name: screen.name,
      tabs: screen.tabs.map((tab) => ({ name: tab.name, fields: tab.fieldIds.map((id) => state.fields.get(id)?.name ?? id) })),
    })),
    screenSchemes: byName(state.screenSchemes.values()).map((scheme) => ({
      name: scheme.name,
      screens: Object.entries(scheme.screens).map(([kind, id]) => `${kind}: ${screenName(id)}`),
    })),
    issueTypeScreenSchemes: byName(state.issueTypeScreenSchemes.values()).map((scheme) => ({
      name: scheme.name,
      mappings: [...scheme.mappings].map(([type, id]) => `${typeName(type)} -> ${state.screenSchemes.get(Number(id))?.name ?? id}`),
    })),
    issueTypeSchemes: byName(state.issueTypeSchemes.values()).map((scheme) => ({
      name: scheme.name,
      types: scheme.issueTypeIds.map(typeName),
      defaultType: scheme.defaultIssueTypeId === undefined ? null : typeName(scheme.defaultIssueTypeId),
    })),
    project: {
      workflowScheme: workflowScheme?.name ?? 'Default Workflow Scheme',
      issueTypeScheme: state.issueTypeSchemes.get(project?.issueTypeSchemeId ?? '10000')?.name,
      issueTypeScreenScheme: state.issueTypeScreenSchemes.get(project?.issueTypeScreenSchemeId ?? '1')?.name,
    },
  };
}

const outcomes = (report: ProjectSetupReport): Record<string, StepOutcome> =>
  Object.fromEntries(report.steps.map((step) => [step.step, step.outcome]));

const detailOf = (report: ProjectSetupReport, step: SetupStepId): string => report.steps.find((entry) => entry.step === step)?.detail ?? '';

const everyStep = (outcome: StepOutcome, except: Partial<Record<SetupStepId, StepOutcome>> = {}): Record<string, StepOutcome> =>
  Object.fromEntries(SETUP_STEPS.map(({ step }) => [step, except[step] ?? outcome]));

/** The outcomes of a first run on an empty project that fails at `step`: the project check finds, the others create. */
const stoppedAt = (step: SetupStepId): Record<string, StepOutcome> => {
  const index = SETUP_STEPS.findIndex((entry) => entry.step === step);
  const before = (candidate: SetupStepId): StepOutcome => (candidate === 'project' ? 'already-present' : 'created');
  return Object.fromEntries(SETUP_STEPS.map((entry, i) => [entry.step, i < index ? before(entry.step) : i === index ? 'failed' : 'skipped']));
};

const securityExceptionWorkflow = (jira: JiraStandIn) => {
  const workflow = [...jira.state.workflows.values()].find((candidate) => candidate.name === 'Security Exception Workflow');
  if (workflow === undefined) throw new Error('the workflow was not created');
  return workflow;
};

/** Issues carrying the home label, wherever they are. */
const homeIssues = (jira: JiraStandIn) =>
  [...jira.state.issues.values()].filter((issue) => {
    const labels = issue.values.get('labels');
    return Array.isArray(labels) && labels.includes(REGISTER_HOME_LABEL);
  });

const ari = (moduleKey: string) => `ari:cloud:ecosystem::extension/${APP.appId}/${APP.environmentId}/static/${moduleKey}`;

describe('setUpProject on the Jira stand-in', () => {
  let referenceConfiguration: ReturnType<typeof configurationOf>;
  beforeAll(async () => {
    const site = createSite();
    await site.run();
    referenceConfiguration = configurationOf(site.jira);
  });

  it('makes an empty company-managed project ready, reporting each step', async () => {
    const site = createSite();
    const report = await site.run();

    expect(report.result).toBe('set-up');
    expect(report.summary).toBe('SEC is ready for security exceptions.');
    expect(outcomes(report)).toEqual(everyStep('created', { project: 'already-present' }));
    expect(report.steps.map((step) => step.step)).toEqual(SETUP_STEPS.map((step) => step.step));

    const configuration = configurationOf(site.jira);
    expect(configuration.issueTypes.filter((name) => name === 'Security Exception')).toHaveLength(1);
    expect(configuration.statuses).toEqual(
      expect.arrayContaining([
        'Draft (TODO)',
        'Submitted (IN_PROGRESS)',
        'Risk Review (IN_PROGRESS)',
        'Awaiting Approval (IN_PROGRESS)',
        'Active (IN_PROGRESS)',
        'Expired (DONE)',
        'Revoked (DONE)',
        'Remediated (DONE)',
        'Rejected (DONE)',
        'Withdrawn (DONE)',
        'Superseded (DONE)',
      ]),
    );
    expect(configuration.project).toEqual({
      workflowScheme: 'Security Exception Workflow Scheme',
      issueTypeScheme: 'Security Exception Issue Type Scheme',
      issueTypeScreenScheme: 'Security Exception Issue Type Screen Scheme',
    });
    expect(configuration.workflowSchemes).toEqual([
      {
        name: 'Security Exception Workflow Scheme',
        defaultWorkflow: 'Security Exception Workflow',
        mappings: ['Task -> jira', 'Security Exception -> Security Exception Workflow'],
      },
    ]);
    expect(configuration.issueTypeSchemes).toContainEqual({
      name: 'Security Exception Issue Type Scheme',
      types: ['Security Exception', 'Task'],
      defaultType: 'Security Exception',
    });
    expect(configuration.issueTypeScreenSchemes).toContainEqual({
      name: 'Security Exception Issue Type Screen Scheme',
      mappings: [
        'default -> Security Exception Screen Scheme',
        'Security Exception -> Security Exception Screen Scheme',
        'Task -> Default Screen Scheme',
      ],
    });
    expect(configuration.screenSchemes).toContainEqual({
      name: 'Security Exception Screen Scheme',
      screens: [
        'default: Security Exception Edit Screen',
        'create: Security Exception Create Screen',
        'edit: Security Exception Edit Screen',
        'view: Security Exception View Screen',
      ],
    });
    const fieldsOf = (name: string) => configuration.screens.find((screen) => screen.name === name)?.tabs.flatMap((tab) => tab.fields);
    expect(fieldsOf('Security Exception Create Screen')).toEqual(['Summary', 'Issue Type', 'Description', 'Risk inputs', 'Exception assets']);
    expect(fieldsOf('Security Exception Edit Screen')).toEqual(['Summary', 'Description', 'Assignee', 'Risk inputs', 'Exception assets', 'Risk tier']);
    expect(fieldsOf('Security Exception View Screen')).toEqual([
      'Summary',
      'Issue Type',
      'Description',
      'Reporter',
      'Assignee',
      'Risk inputs',
      'Exception assets',
      'Risk tier',
    ]);
  });

  it('attaches the app’s validators, built from the runtime’s app and environment ids, to the right transitions', async () => {
    const site = createSite();
    await site.run();
    const guarded = securityExceptionWorkflow(site.jira)
      .transitions.filter((transition) => transition.validators.length > 0)
      .map((transition) => ({
        name: transition.name,
        validators: transition.validators.map((rule) => ({ ruleKey: rule.ruleKey, key: rule.parameters.key, config: parseWorkflowRuleConfig(rule.parameters.config) })),
      }));
    const validator = (moduleKey: string, config: unknown) => [{ ruleKey: 'forge:expression-validator', key: ari(moduleKey), config }];
    expect(guarded).toEqual([
      { name: 'Submit', validators: validator('intake-validator', { check: 'submit' }) },
      { name: 'Start review', validators: validator('peer-review-validator', { check: 'review' }) },
      { name: 'Complete review', validators: validator('peer-review-validator', { check: 'review' }) },
      { name: 'Approve as Security lead', validators: validator('approval-validator', { check: 'approval', levelId: 'security-lead' }) },
      { name: 'Approve as Risk / information owner', validators: validator('approval-validator', { check: 'approval', levelId: 'risk-owner' }) },
      { name: 'Approve as Compliance lead', validators: validator('approval-validator', { check: 'approval', levelId: 'compliance-lead' }) },
      { name: 'Approve as CISO', validators: validator('approval-validator', { check: 'approval', levelId: 'ciso' }) },
      { name: 'Activate', validators: validator('activation-validator', { check: 'activation' }) },
      { name: 'Reject', validators: validator('approval-validator', { check: 'rejection' }) },
      { name: 'Withdraw', validators: validator('intake-validator', { check: 'withdrawal' }) },
      { name: 'Revoke', validators: validator('approval-validator', { check: 'revocation' }) },
      { name: 'Mark remediated', validators: validator('intake-validator', { check: 'remediation' }) },
    ]);
    const appOnly = securityExceptionWorkflow(site.jira)
      .transitions.filter((transition) => transition.conditions !== undefined)
      .map((transition) => [transition.name, transition.conditions]);
    const restricted = { operation: 'ALL', conditions: [{ ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } }] };
    expect(appOnly).toEqual([
      ['Time out', restricted],
      ['Expire', restricted],
      ['Supersede', restricted],
      ['Re-rate', restricted],
      ['Void approvals', restricted],
    ]);
  });

  it.each<[string, string | undefined, string, unknown]>([
    ['Submit', undefined, 'intake-validator', { check: 'submit' }],
    ['Start review', 'Submitted', 'peer-review-validator', { check: 'review' }],
    ['Approve as CISO', 'Awaiting Approval', 'approval-validator', { check: 'approval', levelId: 'ciso' }],
    ['Activate', 'Awaiting Approval', 'activation-validator', { check: 'activation' }],
    ['Revoke', 'Active', 'approval-validator', { check: 'revocation' }],
    ['Mark remediated', 'Active', 'intake-validator', { check: 'remediation' }],
  ])('runs the validator on "%s" of a new exception, configured for its check', async (name, status, moduleKey, configuration) => {
    const site = createSite();
    await site.run();
    const issue = site.jira.seedIssue({ projectKey: 'SEC', issueType: 'Security Exception', summary: 'Legacy TLS', reporterAccountId: PEOPLE.requester, ...(status === undefined ? {} : { status }) });
    const transition = securityExceptionWorkflow(site.jira).transitions.find((candidate) => candidate.name === name);
    const answer = await call(site.jira, 'POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: transition?.id } }, PEOPLE.requester);
    expect(answer.status).toBe(400);
    expect(json(answer)).toMatchObject({ errorMessages: [`${moduleKey} refused`] });
    expect(site.validated.map((entry) => [entry.moduleKey, entry.payload.configuration])).toEqual([[moduleKey, configuration]]);
  });

  it('puts the decision recorder on the transitions people take, and Jira sends it what was decided', async () => {
    const site = createSite({ validators: [], recorder: 'decision-recorder', recorderDeployed: true });
    site.jira.registerWorkflowValidator(VALIDATORS.intake, () => ({ result: true }));
    for (const moduleKey of [VALIDATORS.peerReview, VALIDATORS.approval, VALIDATORS.activation]) site.jira.registerWorkflowValidator(moduleKey, () => ({ result: false }));
    await site.run();
    const workflow = securityExceptionWorkflow(site.jira);
    const withRecorder = workflow.transitions.filter((transition) => transition.actions.length > 0).map((transition) => transition.name);
    expect(withRecorder).toEqual(
      workflow.transitions.filter((transition) => transition.type === 'DIRECTED' && transition.conditions === undefined).map((transition) => transition.name),
    );
    const issue = site.jira.seedIssue({ projectKey: 'SEC', issueType: 'Security Exception', summary: 'Legacy TLS', reporterAccountId: PEOPLE.requester });
    const submit = workflow.transitions.find((candidate) => candidate.name === 'Submit');

    await call(site.jira, 'POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: submit?.id } }, PEOPLE.requester);
    await site.jira.events.settle();

    expect(site.recorded).toEqual([
      expect.objectContaining({
        issue: { id: issue.id, key: issue.key },
        atlassianId: PEOPLE.requester,
        configuration: { action: 'submit' },
        transition: expect.objectContaining({ id: submit?.id, executionId: expect.any(String) as unknown }) as unknown,
        changelog: expect.objectContaining({ items: [expect.objectContaining({ field: 'status', fromString: 'Draft', toString: 'Submitted' })] }) as unknown,
      }),
    ]);
  });

  it('changes nothing on a second run and says so, even once the project has exceptions', async () => {
    const site = createSite();
    await site.run();
    site.jira.seedIssue({ projectKey: 'SEC', issueType: 'Security Exception', summary: 'Legacy TLS', reporterAccountId: PEOPLE.requester });
    const before = configurationOf(site.jira);
    site.sent.length = 0;

    const report = await site.run();

    expect(report.result).toBe('already-set-up');
    expect(report.summary).toBe('SEC was already set up for security exceptions; nothing was changed.');
    expect(outcomes(report)).toEqual(everyStep('already-present'));
    expect(configurationOf(site.jira)).toEqual(before);
    expect(site.sent.filter((line) => !line.startsWith('GET ') && line !== 'POST /rest/api/3/search/jql')).toEqual([]);
    expect(homeIssues(site.jira)).toHaveLength(1);
  });

  it('keeps, on a re-run, a workflow set up before Revoke and Mark remediated were validated: it is found by name and never edited', async () => {
    const site = createSite();
    await site.run();
    const unvalidated = new Set(['Revoke', 'Mark remediated']);
    for (const [id, workflow] of site.jira.state.workflows) {
      site.jira.state.workflows.set(id, {
        ...workflow,
        transitions: workflow.transitions.map((transition) => (unvalidated.has(transition.name) ? { ...transition, validators: [] } : transition)),
      });
    }
    const before = configurationOf(site.jira);

    const report = await site.run();

    expect(outcomes(report)).toEqual(everyStep('already-present'));
    expect(detailOf(report, 'workflow')).toBe('Found the workflow "Security Exception Workflow"; it is used as it is.');
    expect(configurationOf(site.jira)).toEqual(before);
    const stillUnvalidated = securityExceptionWorkflow(site.jira).transitions.filter((transition) => unvalidated.has(transition.name));
    expect(stillUnvalidated.map((transition) => [transition.name, transition.validators])).toEqual([
      ['Revoke', []],
      ['Mark remediated', []],
    ]);
  });

  it('gives a second project the shared configuration, only assigning the schemes', async () => {
    const site = createSite();
    await site.run();
    site.jira.seedProject({ key: 'OPS', name: 'Operations exceptions', leadAccountId: PEOPLE.lead });

    const report = await site.run('OPS');

    expect(outcomes(report)).toEqual(
      everyStep('already-present', {
        'issue-type-screen-scheme': 'updated',
        'workflow-scheme': 'updated',
        'issue-type-scheme': 'updated',
        'register-home': 'created',
      }),
    );
    expect(detailOf(report, 'workflow-scheme')).toBe(
      'Found the workflow scheme "Security Exception Workflow Scheme" and assigned it to OPS in place of "Default Workflow Scheme".',
    );
    expect(configurationOf(site.jira, 'OPS')).toEqual(referenceConfiguration);
  });

  it('puts back a field an admin removed from a screen, and touches nothing else', async () => {
    const site = createSite();
    await site.run();
    const viewScreen = [...site.jira.state.screens.values()].find((screen) => screen.name === 'Security Exception View Screen');
    const tab = viewScreen?.tabs[0];
    tab?.fieldIds.splice(tab.fieldIds.length - 1, 1);

    const report = await site.run();

    expect(outcomes(report)).toEqual(everyStep('already-present', { screens: 'updated' }));
    expect(detailOf(report, 'screens')).toMatch(/Added customfield_\d+ to "Security Exception View Screen"/);
    expect(configurationOf(site.jira)).toEqual(referenceConfiguration);
  });

  it('reuses a lifecycle status the site already has, keeping the category other workflows rely on', async () => {
    const site = createSite();
    const seeded = await call(site.jira, 'POST', '/rest/api/3/statuses', { scope: { type: 'GLOBAL' }, statuses: [{ name: 'Active', statusCategory: 'DONE' }] });
    const [active] = json(seeded) as [{ id: string }];

    const report = await site.run();

    expect(outcomes(report).statuses).toBe('created');
    expect(detailOf(report, 'statuses')).toMatch(/; reused the 1 that already existed\. "Active" keeps its category Done \(set-up would use In progress\)\.$/);
    expect([...site.jira.state.statuses.values()].filter((status) => status.name === 'Active')).toHaveLength(1);
    expect(securityExceptionWorkflow(site.jira).statuses.map((status) => status.statusId)).toContain(active.id);
  });

  describe('the register’s home issue', () => {
    const TASK = '10001';

    /** What an admin changes by hand, or a set-up from before the home issue left: the item named, replaced in the site. */
    const replaceIn = <K, T extends { readonly id: K; readonly name: string }>(items: Map<K, T>, name: string, change: (item: T) => T) => {
      const item = [...items.values()].find((candidate) => candidate.name === name);
      if (item === undefined) throw new Error(`${name} is missing`);
      items.set(item.id, change(item));
    };

    const deleteHome = async (site: Site) => {
      for (const issue of homeIssues(site.jira)) expect((await call(site.jira, 'DELETE', `/rest/api/3/issue/${issue.key}`)).status).toBe(204);
    };

    it('is a Task labelled for the register, on Jira’s own workflow and screens, reported with the site’s address', async () => {
      const site = createSite();

      const report = await site.run();

      expect(report.registerHome).toEqual({ projectKey: 'SEC', issueKey: 'SEC-1', siteUrl: 'https://jira-stand-in.invalid' });
      const [home] = homeIssues(site.jira);
      expect(home?.key).toBe('SEC-1');
      expect(site.jira.state.issueTypes.get(home?.issueTypeId ?? '')?.name).toBe('Task');
      expect(site.jira.state.statuses.get(home?.statusId ?? '')?.name).toBe('To Do');
      expect(home?.values.get('summary')).toBe('Security exception register');
      expect(JSON.stringify(home?.values.get('description'))).toContain('the monthly security exception report is e-mailed to the review group about this one');
    });

    it.each<[string, (site: Site) => Promise<void>, StepOutcome, RegExp, number]>([
      [
        'exists already, found by its label',
        async (site) => void (await site.run()),
        'already-present',
        /^Found SEC-1 \(Task\), the register's home issue in SEC, by its label "exception-register-home"\.$/,
        1,
      ],
      [
        'is created',
        () => Promise.resolve(),
        'created',
        /^Created SEC-1 \(Task\) "Security exception register" as the register's home issue in SEC: monthly reports are e-mailed about it/,
        1,
      ],
      [
        'has no usable issue type, in a project whose issue type scheme holds only Security Exception',
        async (site) => {
          await site.run();
          await deleteHome(site);
          replaceIn(site.jira.state.issueTypeSchemes, 'Security Exception Issue Type Scheme', (scheme) => ({
            ...scheme,
            issueTypeIds: scheme.issueTypeIds.filter((id) => id !== TASK),
          }));
        },
        'failed',
        /^SEC offers no issue type for the register's home issue: it has "Security Exception", .* Add "Task" to the issue type scheme "Security Exception Issue Type Scheme" \(Jira settings > Issues > Issue type schemes > Edit\), then run set-up again\./,
        0,
      ],
      [
        'is refused by Jira, whose create screen for Task lacks the label',
        async (site) => {
          await site.run();
          await deleteHome(site);
          const ours = [...site.jira.state.screenSchemes.values()].find((scheme) => scheme.name === 'Security Exception Screen Scheme');
          replaceIn(site.jira.state.issueTypeScreenSchemes, 'Security Exception Issue Type Screen Scheme', (scheme) => ({
            ...scheme,
            mappings: new Map([...scheme.mappings, [TASK, String(ours?.id)]]),
          }));
        },
        'failed',
        /^Could not create the register's home issue in SEC\. .*labels: Field 'labels' cannot be set\..* associate "Task" with the "Default Screen Scheme", then run set-up again\.$/,
        0,
      ],
      [
        'is refused by Jira on a site whose default screen scheme was renamed, so Task shares the exception’s create screen',
        (site) => {
          replaceIn(site.jira.state.screenSchemes, 'Default Screen Scheme', (scheme) => ({ ...scheme, name: 'Classic Screen Scheme' }));
          return Promise.resolve();
        },
        'failed',
        /^Could not create the register's home issue in SEC\. .*labels: Field 'labels' cannot be set\./,
        0,
      ],
    ])('%s', async (_case, prepare, outcome, detail, homes) => {
      const site = createSite();
      await prepare(site);

      const report = await site.run();

      expect(outcomes(report)['register-home']).toBe(outcome);
      expect(detailOf(report, 'register-home')).toMatch(detail);
      expect(homeIssues(site.jira)).toHaveLength(homes);
      expect(report.registerHome?.issueKey).toBe(homes === 0 ? undefined : 'SEC-1');
      expect(report.result).toBe(outcome === 'failed' ? 'stopped' : outcome === 'created' ? 'set-up' : 'already-set-up');
    });

    it('is not a labelled security exception', async () => {
      const site = createSite();
      await site.run();
      await deleteHome(site);
      site.jira.seedIssue({ projectKey: 'SEC', issueType: 'Security Exception', summary: 'Legacy TLS', reporterAccountId: PEOPLE.requester, values: { labels: [REGISTER_HOME_LABEL] } });

      const report = await site.run();

      expect(outcomes(report)['register-home']).toBe('created');
      expect(report.registerHome?.issueKey).toBe('SEC-3');
    });
  });

  describe('resuming after a failure', () => {
    const failAt: [SetupStepId, string, FaultRule][] = [
      ['project', 'reading the project', { status: 500, method: 'GET', pathPattern: /^\/rest\/api\/3\/project\/SEC$/ }],
      ['issue-type', 'creating the issue type', { status: 500, method: 'POST', pathPattern: /^\/rest\/api\/3\/issuetype$/ }],
      ['statuses', 'creating the statuses', { status: 500, method: 'POST', pathPattern: /^\/rest\/api\/3\/statuses$/ }],
      ['workflow', 'listing the workflow capabilities', { status: 503, method: 'GET', pathPattern: /^\/rest\/api\/3\/workflows\/capabilities/ }],
      ['workflow', 'creating the workflow', { status: 500, method: 'POST', pathPattern: /^\/rest\/api\/3\/workflows\/create$/ }],
      ['screens', 'creating the first screen', { status: 500, method: 'POST', pathPattern: /^\/rest\/api\/3\/screens$/ }],
      ['screens', 'adding fields once the first screen is done', { status: 500, method: 'POST', pathPattern: /^\/rest\/api\/3\/screens\/10001\/tabs\/\d+\/fields$/ }],
      ['screen-scheme', 'creating the screen scheme', { status: 500, method: 'POST', pathPattern: /^\/rest\/api\/3\/screenscheme$/ }],
      ['issue-type-screen-scheme', 'creating the scheme', { status: 500, method: 'POST', pathPattern: /^\/rest\/api\/3\/issuetypescreenscheme$/ }],
      ['issue-type-screen-scheme', 'assigning the created scheme', { status: 500, method: 'PUT', pathPattern: /^\/rest\/api\/3\/issuetypescreenscheme\/project$/ }],
      ['workflow-scheme', 'creating the scheme', { status: 500, method: 'POST', pathPattern: /^\/rest\/api\/3\/workflowscheme$/ }],
      ['workflow-scheme', 'assigning the created scheme', { status: 500, method: 'PUT', pathPattern: /^\/rest\/api\/3\/workflowscheme\/project$/ }],
      ['issue-type-scheme', 'creating the scheme', { status: 500, method: 'POST', pathPattern: /^\/rest\/api\/3\/issuetypescheme$/ }],
      ['issue-type-scheme', 'assigning the created scheme', { status: 500, method: 'PUT', pathPattern: /^\/rest\/api\/3\/issuetypescheme\/project$/ }],
      ['register-home', 'reading the site address', { status: 500, method: 'GET', pathPattern: /^\/rest\/api\/3\/serverInfo$/ }],
      ['register-home', 'creating the home issue', { status: 500, method: 'POST', pathPattern: /^\/rest\/api\/3\/issue$/ }],
    ];

    it.each(failAt)('stops at "%s" when Jira fails %s, and the next run ends as an uninterrupted one', async (step, _when, fault) => {
      const site = createSite();
      site.jira.injectFault(fault);

      const interrupted = await site.run();

      expect(outcomes(interrupted)).toEqual(stoppedAt(step));
      expect(interrupted.result).toBe('stopped');
      expect(detailOf(interrupted, step)).toMatch(new RegExp(`with status ${fault.status}`));
      expect(interrupted.summary).toMatch(/running set-up again finds it and carries on/);

      site.jira.clearFaults();
      const resumed = await site.run();

      expect(resumed.result).toBe('set-up');
      expect(resumed.steps.every((entry) => entry.outcome !== 'failed' && entry.outcome !== 'skipped')).toBe(true);
      expect(configurationOf(site.jira)).toEqual(referenceConfiguration);
      expect((await site.run()).result).toBe('already-set-up');
    });
  });

  describe('projects it refuses, changing nothing', () => {
    it('explains that a team-managed project cannot take the schemes and what the admin should do', async () => {
      const site = createSite();
      site.jira.seedProject({ key: 'TEAM', name: 'Team exceptions', leadAccountId: PEOPLE.lead, style: 'team-managed' });
      const before = configurationOf(site.jira, 'TEAM');

      const report = await site.run('TEAM');

      expect(report.result).toBe('stopped');
      expect(outcomes(report)).toEqual(stoppedAt('project'));
      expect(detailOf(report, 'project')).toMatch(/^TEAM \(Team exceptions\) is a team-managed project\. Jira lets apps assign workflow, screen and issue type schemes only to company-managed projects/);
      expect(detailOf(report, 'project')).toMatch(/create a company-managed project for security exceptions .* and run set-up for that project/);
      expect(configurationOf(site.jira, 'TEAM')).toEqual(before);
    });

    it('explains that the workflow scheme cannot be switched while the project has issues on another workflow', async () => {
      const site = createSite();
      site.jira.seedIssue({ projectKey: 'SEC', issueType: 'Task', summary: 'Patch the VPN', reporterAccountId: PEOPLE.requester });
      site.jira.seedIssue({ projectKey: 'SEC', issueType: 'Bug', summary: 'Login loop', reporterAccountId: PEOPLE.requester });
      const before = configurationOf(site.jira);

      const report = await site.run();

      expect(outcomes(report)).toEqual(stoppedAt('project'));
      expect(detailOf(report, 'project')).toBe(
        'SEC already has issues, such as SEC-1 (Task), SEC-2 (Bug), following the workflows of its current workflow scheme ' +
          '"Default Workflow Scheme". Jira switches a project to another workflow scheme through its API only while the project has ' +
          'no issues, so set-up has changed nothing. Run set-up for a new, empty company-managed project reserved for security ' +
          'exceptions, or first move these issues to another project (search for them, then Bulk change > Move) and run set-up again.',
      );
      expect(configurationOf(site.jira)).toEqual(before);
    });

    it('says when Jira has no such project', async () => {
      const report = await createSite().run('NOPE');
      expect(outcomes(report)).toEqual(stoppedAt('project'));
      expect(detailOf(report, 'project')).toMatch(/^Jira has no project with the key NOPE/);
    });
  });

  describe('app pieces Jira does not know', () => {
    it('creates no workflow when Jira does not offer one of the app’s validators, naming it', async () => {
      const site = createSite({ validators: [VALIDATORS.intake, VALIDATORS.peerReview, VALIDATORS.activation] });

      const report = await site.run();

      expect(outcomes(report)).toEqual(stoppedAt('workflow'));
      expect(detailOf(report, 'workflow')).toContain(`Jira does not offer the app’s workflow rules approval-validator (${ari('approval-validator')}) for SEC`);
      expect([...site.jira.state.workflows.values()].map((workflow) => workflow.name)).toEqual(['jira']);
    });

    it('creates no workflow when Jira does not offer the app’s decision recorder, naming it', async () => {
      const site = createSite({ recorder: 'decision-recorder' });

      const report = await site.run();

      expect(outcomes(report)).toEqual(stoppedAt('workflow'));
      expect(detailOf(report, 'workflow')).toContain(`Jira does not offer the app’s workflow rules decision-recorder (${ari('decision-recorder')}) for SEC`);
    });

    it('stops at the screens when the app’s custom fields are not deployed', async () => {
      const report = await createSite({ fieldsDeployed: false }).run();
      expect(outcomes(report)).toEqual(stoppedAt('screens'));
      expect(detailOf(report, 'screens')).toMatch(/^Could not find the app’s custom fields\. .*exception-assets are not in this Jira site/);
    });
  });
});
