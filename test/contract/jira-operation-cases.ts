import { ok } from '../../src/domain/shared/result';
import { adfDocument, bulletList, link, paragraph, strong } from '../../src/adapters/jira/adf';
import type { JiraResult } from '../../src/adapters/jira/jira-errors';
import type { JiraGateway } from '../../src/adapters/jira/jira-gateway';
import { FIELD_IDS, MODULE_KEYS } from './jira-fixtures';

export type FixtureResponse = { readonly status: number; readonly fixture?: string };

export type OperationCase = {
  readonly operation: keyof JiraGateway;
  readonly label: string;
  /** What Jira answers, in order, one per request the operation makes. */
  readonly responses: readonly FixtureResponse[];
  readonly drive: (gateway: JiraGateway) => Promise<JiraResult<unknown>>;
  /** Part of the value the operation returns, where the mapping from Jira's shape is worth pinning. */
  readonly expected?: unknown;
};

const SECURITY_LEADS = '6e87dc72-4f1f-421f-b2f3-6a9e5c2b1d04';
const ANA = '5b10ac8d82e05b22cc7d4ef5';
const APPROVAL_VALIDATOR = 'ari:cloud:ecosystem::extension/b7c3f0a2-4d1e-4f7b-9a53-6c2e8d91f0aa/5d8e7c1b-2f4a-4c3e-8e0d-1a9b2c3d4e5f/static/approval-validator';

/** Every page of an async iteration, or the first failure. */
const allPages = async <T>(pages: AsyncIterable<JiraResult<T>>): Promise<JiraResult<T[]>> => {
  const collected: T[] = [];
  for await (const page of pages) {
    if (!page.ok) return page;
    collected.push(page.value);
  }
  return ok(collected);
};

const noContent: FixtureResponse[] = [{ status: 204 }];

export const OPERATION_CASES: readonly OperationCase[] = [
  {
    operation: 'resolveFieldIds',
    label: 'finds the Forge fields by module key',
    responses: [{ status: 200, fixture: 'fields' }],
    drive: (jira) => jira.resolveFieldIds(MODULE_KEYS),
    expected: FIELD_IDS,
  },
  {
    operation: 'resolveFieldIds',
    label: 'leaves out an optional field the site lacks',
    responses: [{ status: 200, fixture: 'fields' }],
    drive: async (jira) => {
      const ids = await jira.resolveFieldIds({ kind: MODULE_KEYS.kind }, { tier: MODULE_KEYS.tier, retired: 'retired-field' });
      return ids.ok ? ok(Object.entries(ids.value)) : ids;
    },
    expected: [
      ['kind', FIELD_IDS.kind],
      ['tier', FIELD_IDS.tier],
    ],
  },
  {
    operation: 'getIssue',
    label: 'reads an exception with its custom fields',
    responses: [{ status: 200, fixture: 'issue' }],
    drive: (jira) => jira.getIssue('SEC-12', FIELD_IDS),
    expected: {
      key: 'SEC-12',
      status: { name: 'Awaiting Approval', categoryKey: 'indeterminate' },
      issueType: { id: '10050', name: 'Security Exception' },
      project: { id: '10000', key: 'SEC' },
      reporterAccountId: '712020:4f1c6a2e-9d3b-4b8e-a1f0-2c7d9e6b5a41',
      custom: { kind: 'vulnerability-sla', tier: 'high', score: 7.8, expiry: '2026-05-10' },
    },
  },
  {
    operation: 'bulkFetchIssues',
    label: 'fetches issues in bulk and reports the ones Jira could not return',
    responses: [{ status: 200, fixture: 'issue-bulkfetch' }],
    drive: (jira) => jira.bulkFetchIssues(['SEC-12', 'SEC-13', 'SEC-404'], FIELD_IDS),
    expected: {
      issues: [{ key: 'SEC-12' }, { key: 'SEC-13' }],
      misses: [{ idOrKey: 'SEC-404', message: 'Issue does not exist or you do not have permission to see it.' }],
    },
  },
  {
    operation: 'searchIssues',
    label: 'follows nextPageToken to the last page',
    responses: [
      { status: 200, fixture: 'search-jql-page-1' },
      { status: 200, fixture: 'search-jql-page-2' },
    ],
    drive: (jira) => allPages(jira.searchIssues({ jql: 'project = SEC AND "Risk tier" = high ORDER BY key', fieldIds: FIELD_IDS, pageSize: 2 })),
    expected: [{ issues: [{ key: 'SEC-12' }, { key: 'SEC-13' }] }, { issues: [{ key: 'SEC-14', custom: { kind: 'vulnerability-sla', tier: 'critical' } }] }],
  },
  {
    operation: 'getTransitions',
    label: 'lists transitions with their availability',
    responses: [{ status: 200, fixture: 'issue-transitions' }],
    drive: (jira) => jira.getTransitions('SEC-12'),
    expected: [
      { id: '31', name: 'Approve', to: { id: '10013', name: 'Active' }, isAvailable: true },
      { id: '41', name: 'Send back to draft', to: { id: '10010', name: 'Draft' }, isAvailable: false },
    ],
  },
  {
    operation: 'transitionIssue',
    label: 'transitions with a field value and a comment',
    responses: noContent,
    drive: (jira) =>
      jira.transitionIssue('SEC-12', {
        transitionId: '31',
        fields: { [FIELD_IDS.expiry]: '2026-05-10' },
        comment: adfDocument(paragraph('Approved as ', strong('Security lead'), '.')),
      }),
  },
  {
    operation: 'addComment',
    label: 'posts an ADF comment',
    responses: [{ status: 201, fixture: 'comment-created' }],
    drive: (jira) =>
      jira.addComment(
        'SEC-12',
        adfDocument(
          paragraph('Approval recorded. Still needed:'),
          bulletList('Risk owner', ['Compliance lead (see ', link('policy', 'https://acme-security.atlassian.net/wiki/x/AbCd'), ')']),
        ),
      ),
    expected: { id: '10207' },
  },
  {
    operation: 'notifyIssue',
    label: 'e-mails approvers and a group',
    responses: noContent,
    drive: (jira) =>
      jira.notifyIssue('SEC-12', {
        subject: 'SEC-12 is waiting for your approval',
        textBody: 'SEC-12 (high risk) needs a security lead approval before 2026-03-09.',
        htmlBody: '<p><strong>SEC-12</strong> needs a security lead approval before 2026-03-09.</p>',
        to: { reporter: true, accountIds: [ANA], groupIds: [SECURITY_LEADS] },
      }),
  },
  {
    operation: 'getIssueProperty',
    label: 'reads an issue property value',
    responses: [{ status: 200, fixture: 'issue-property' }],
    drive: (jira) => jira.getIssueProperty('SEC-12', 'secexc.state'),
    expected: { schemaVersion: 1, tier: 'high' },
  },
  {
    operation: 'setIssueProperty',
    label: 'writes an issue property',
    responses: [{ status: 200 }],
    drive: (jira) => jira.setIssueProperty('SEC-12', 'secexc.state', { schemaVersion: 1, tier: 'high', reviewedQuarter: '2026-Q1' }),
  },
  {
    operation: 'getProjectProperty',
    label: 'reads the audit checkpoint',
    responses: [{ status: 200, fixture: 'project-property' }],
    drive: (jira) => jira.getProjectProperty('SEC', 'secexc.audit-checkpoint'),
    expected: { sequence: 4182 },
  },
  {
    operation: 'setProjectProperty',
    label: 'writes the audit checkpoint',
    responses: [{ status: 201 }],
    drive: (jira) => jira.setProjectProperty('SEC', 'secexc.audit-checkpoint', { sequence: 4183, hash: 'c0ffee', at: '2026-03-02T00:00:00.000Z' }),
  },
  {
    operation: 'setAppFieldValue',
    label: 'sets a read-only app field without a changelog',
    responses: noContent,
    drive: (jira) => jira.setAppFieldValue(FIELD_IDS.tier, [{ issueIds: [10012, 10013], value: 'high' }], { generateChangelog: false }),
  },
  {
    operation: 'setAppFieldValues',
    label: 'sets several app fields at once',
    responses: noContent,
    drive: (jira) =>
      jira.setAppFieldValues([
        { customField: FIELD_IDS.score, issueIds: [10012], value: 7.8 },
        { customField: FIELD_IDS.approval, issueIds: [10012], value: { contentHash: 'sha256:9f2c1e0d4b7a', approvals: [] } },
      ]),
  },
  {
    operation: 'setAppFieldValues',
    label: "writes an issue's computed fields in one request, without a changelog",
    responses: noContent,
    drive: (jira) =>
      jira.setAppFieldValues(
        [
          { customField: FIELD_IDS.score, issueIds: [10012], value: 7.8 },
          { customField: FIELD_IDS.tier, issueIds: [10012], value: 'high' },
          {
            customField: FIELD_IDS.approval,
            issueIds: [10012],
            value: {
              tier: 'high',
              requiredLevels: ['security-lead', 'risk-owner', 'compliance-lead'],
              approvedLevels: ['security-lead'],
              nextLevel: 'risk-owner',
              approvers: [ANA],
              complete: false,
              contentHash: '9f2c1e0d4b7a5e3c8d6f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d',
            },
          },
        ],
        { generateChangelog: false },
      ),
  },
  {
    operation: 'getUserGroups',
    label: "lists an approver's groups",
    responses: [{ status: 200, fixture: 'user-groups' }],
    drive: (jira) => jira.getUserGroups(ANA),
    expected: [{ groupId: SECURITY_LEADS, name: 'security-leads' }, { name: 'jira-software-users' }],
  },
  {
    operation: 'listGroupMembers',
    label: 'pages through a group',
    responses: [{ status: 200, fixture: 'group-members' }],
    drive: (jira) => jira.listGroupMembers(SECURITY_LEADS),
    expected: { isLast: true, startAt: 0, values: [{ accountId: ANA, displayName: 'Ana Ruiz', active: true }, { displayName: 'Cara Lindqvist' }] },
  },
  {
    operation: 'checkPermissions',
    label: "checks another user's project and global permissions",
    responses: [{ status: 200, fixture: 'permissions-check' }],
    drive: (jira) =>
      jira.checkPermissions({
        accountId: ANA,
        globalPermissions: ['ADMINISTER'],
        projectPermissions: [
          { permissions: ['TRANSITION_ISSUES'], issues: [10012] },
          { permissions: ['BROWSE_PROJECTS'], projects: [10000] },
        ],
      }),
    expected: { globalPermissions: ['ADMINISTER'], projectPermissions: [{ permission: 'TRANSITION_ISSUES', issues: [10012], projects: [10000] }, {}] },
  },
  {
    operation: 'getProject',
    label: 'tells a company-managed project',
    responses: [{ status: 200, fixture: 'project-company-managed' }],
    drive: (jira) => jira.getProject('SEC'),
    expected: { id: '10000', key: 'SEC', management: 'company-managed' },
  },
  {
    operation: 'getProject',
    label: 'tells a team-managed project',
    responses: [{ status: 200, fixture: 'project-team-managed' }],
    drive: (jira) => jira.getProject('PLAT'),
    expected: { key: 'PLAT', management: 'team-managed' },
  },
  {
    operation: 'listIssueTypes',
    label: 'lists issue types',
    responses: [{ status: 200, fixture: 'issue-types' }],
    drive: (jira) => jira.listIssueTypes(),
    expected: [{ name: 'Task', hierarchyLevel: 0 }, { name: 'Sub-task', hierarchyLevel: -1 }, { id: '10050', name: 'Security Exception' }],
  },
  {
    operation: 'getProjectIssueTypes',
    label: 'lists the issue types a project offers',
    responses: [{ status: 200, fixture: 'project-issue-types' }],
    drive: (jira) => jira.getProjectIssueTypes('10000'),
    expected: [{ id: '10001', name: 'Task', hierarchyLevel: 0 }, { id: '10050', name: 'Security Exception', hierarchyLevel: 0 }],
  },
  {
    operation: 'getServerInfo',
    label: 'reads the site address',
    responses: [{ status: 200, fixture: 'server-info' }],
    drive: (jira) => jira.getServerInfo(),
    expected: { baseUrl: 'https://acme-security.atlassian.net' },
  },
  {
    operation: 'createIssueType',
    label: 'creates the Security Exception issue type',
    responses: [{ status: 201, fixture: 'issue-type-created' }],
    drive: (jira) => jira.createIssueType({ name: 'Security Exception', description: 'A request to accept a security risk for a limited time.' }),
    expected: { id: '10050', name: 'Security Exception' },
  },
  {
    operation: 'findStatusesByName',
    label: 'finds statuses by exact name',
    responses: [{ status: 200, fixture: 'statuses-by-name' }],
    drive: (jira) => jira.findStatusesByName(['Awaiting Approval', 'Risk Review']),
    expected: [{ id: '10012', name: 'Awaiting Approval', statusCategory: 'IN_PROGRESS' }],
  },
  {
    operation: 'createStatuses',
    label: 'creates global statuses',
    responses: [{ status: 200, fixture: 'statuses-created' }],
    drive: (jira) =>
      jira.createStatuses({ type: 'GLOBAL' }, [
        { name: 'Draft', statusCategory: 'TODO' },
        { name: 'Active', statusCategory: 'DONE', description: 'Approved and in force until it expires.' },
      ]),
    expected: [{ id: '10010', name: 'Draft' }, { id: '10013', name: 'Active' }],
  },
  {
    operation: 'searchWorkflows',
    label: 'finds the workflow by name',
    responses: [{ status: 200, fixture: 'workflows-search' }],
    drive: (jira) => jira.searchWorkflows('Security Exception Workflow'),
    expected: { isLast: true, values: [{ name: 'Security Exception Workflow', version: { versionNumber: 0 } }] },
  },
  {
    operation: 'createWorkflows',
    label: 'creates the workflow with a Forge validator on Approve',
    responses: [{ status: 200, fixture: 'workflows-created' }],
    drive: (jira) =>
      jira.createWorkflows({
        scope: { type: 'GLOBAL' },
        statuses: [
          { statusReference: 'draft', name: 'Draft', statusCategory: 'TODO', id: '10010' },
          { statusReference: 'active', name: 'Active', statusCategory: 'DONE' },
        ],
        workflows: [
          {
            name: 'Security Exception Workflow',
            description: 'Risk-tiered approval of security exceptions.',
            statuses: [
              { statusReference: 'draft', properties: {}, layout: { x: 0, y: 0 } },
              { statusReference: 'active', properties: {} },
            ],
            transitions: [
              { id: '1', name: 'Create', type: 'INITIAL', toStatusReference: 'draft' },
              {
                id: '31',
                name: 'Approve',
                type: 'DIRECTED',
                toStatusReference: 'active',
                links: [{ fromStatusReference: 'draft' }],
                validators: [{ ruleKey: 'forge:expression-validator', parameters: { key: APPROVAL_VALIDATOR, config: '{"level":"security-lead"}' } }],
                conditions: { operation: 'ALL', conditions: [] },
              },
            ],
          },
        ],
      }),
    expected: { workflows: [{ name: 'Security Exception Workflow' }], statuses: [{ id: '10010' }, { id: '10013' }] },
  },
  {
    operation: 'getForgeWorkflowRules',
    label: "discovers the app's workflow rules",
    responses: [{ status: 200, fixture: 'workflow-capabilities' }],
    drive: (jira) => jira.getForgeWorkflowRules('10000', '10050'),
    expected: [{ id: APPROVAL_VALIDATOR, ruleKey: 'forge:expression-validator', ruleType: 'Validator' }, { ruleType: 'Validator' }],
  },
  {
    operation: 'listWorkflowSchemes',
    label: 'lists workflow schemes',
    responses: [{ status: 200, fixture: 'workflow-schemes' }],
    drive: (jira) => jira.listWorkflowSchemes(),
    expected: { values: [{ id: 10000 }, { id: 10100, name: 'Security Exception Workflow Scheme' }] },
  },
  {
    operation: 'createWorkflowScheme',
    label: 'creates the workflow scheme',
    responses: [{ status: 201, fixture: 'workflow-scheme-created' }],
    drive: (jira) =>
      jira.createWorkflowScheme({
        name: 'Security Exception Workflow Scheme',
        description: 'Routes Security Exception issues through the approval workflow.',
        defaultWorkflow: 'jira',
        issueTypeMappings: { '10050': 'Security Exception Workflow' },
      }),
    expected: { id: 10100 },
  },
  {
    operation: 'getWorkflowSchemesOfProjects',
    label: "reads a project's workflow scheme",
    responses: [{ status: 200, fixture: 'workflow-scheme-projects' }],
    drive: (jira) => jira.getWorkflowSchemesOfProjects(['10000']),
    expected: [{ scheme: { id: 10100 }, projectIds: ['10000'] }],
  },
  {
    operation: 'assignWorkflowScheme',
    label: 'assigns the workflow scheme',
    responses: noContent,
    drive: (jira) => jira.assignWorkflowScheme({ projectId: '10000', schemeId: '10100' }),
  },
  {
    operation: 'listScreens',
    label: 'finds screens by name',
    responses: [{ status: 200, fixture: 'screens' }],
    drive: (jira) => jira.listScreens('Security Exception'),
    expected: { values: [{ id: '10100', name: 'Security Exception Screen' }] },
  },
  {
    operation: 'createScreen',
    label: 'creates the screen',
    responses: [{ status: 201, fixture: 'screen-created' }],
    drive: (jira) => jira.createScreen({ name: 'Security Exception Screen', description: 'Intake, risk and approval fields.' }),
    expected: { id: '10100' },
  },
  {
    operation: 'listScreenTabs',
    label: "lists a screen's tabs",
    responses: [{ status: 200, fixture: 'screen-tabs' }],
    drive: (jira) => jira.listScreenTabs('10100'),
    expected: [{ id: '10200' }, { id: '10201', name: 'Risk' }],
  },
  {
    operation: 'addScreenTab',
    label: 'adds a tab',
    responses: [{ status: 200, fixture: 'screen-tab-created' }],
    drive: (jira) => jira.addScreenTab('10100', 'Risk'),
    expected: { id: '10201', name: 'Risk' },
  },
  {
    operation: 'listScreenTabFields',
    label: "lists a tab's fields",
    responses: [{ status: 200, fixture: 'screen-tab-fields' }],
    drive: (jira) => jira.listScreenTabFields('10100', '10201'),
    expected: [{ id: 'summary' }, { id: FIELD_IDS.tier }],
  },
  {
    operation: 'addScreenTabField',
    label: 'adds a field to a tab',
    responses: [{ status: 200, fixture: 'screen-tab-field-added' }],
    drive: (jira) => jira.addScreenTabField('10100', '10201', FIELD_IDS.score),
    expected: { id: FIELD_IDS.score },
  },
  {
    operation: 'listScreenSchemes',
    label: 'finds screen schemes by name',
    responses: [{ status: 200, fixture: 'screen-schemes' }],
    drive: (jira) => jira.listScreenSchemes('Security Exception'),
    expected: { values: [{ id: '10100' }] },
  },
  {
    operation: 'createScreenScheme',
    label: 'creates the screen scheme',
    responses: [{ status: 201, fixture: 'screen-scheme-created' }],
    drive: (jira) =>
      jira.createScreenScheme({ name: 'Security Exception Screen Scheme', description: 'One screen for create, edit and view.', screens: { default: 10100 } }),
    expected: { id: '10100' },
  },
  {
    operation: 'listIssueTypeScreenSchemes',
    label: 'finds issue type screen schemes by name',
    responses: [{ status: 200, fixture: 'issue-type-screen-schemes' }],
    drive: (jira) => jira.listIssueTypeScreenSchemes('Security Exception'),
    expected: { values: [{ id: '10100' }] },
  },
  {
    operation: 'createIssueTypeScreenScheme',
    label: 'creates the issue type screen scheme',
    responses: [{ status: 201, fixture: 'issue-type-screen-scheme-created' }],
    drive: (jira) =>
      jira.createIssueTypeScreenScheme({
        name: 'Security Exception Issue Type Screen Scheme',
        issueTypeMappings: [
          { issueTypeId: 'default', screenSchemeId: '1' },
          { issueTypeId: '10050', screenSchemeId: '10100' },
        ],
      }),
    expected: { id: '10100' },
  },
  {
    operation: 'getIssueTypeScreenSchemesOfProjects',
    label: "reads a project's issue type screen scheme",
    responses: [{ status: 200, fixture: 'issue-type-screen-scheme-projects' }],
    drive: (jira) => jira.getIssueTypeScreenSchemesOfProjects(['10000']),
    expected: { values: [{ scheme: { id: '10100' }, projectIds: ['10000'] }] },
  },
  {
    operation: 'assignIssueTypeScreenScheme',
    label: 'assigns the issue type screen scheme',
    responses: noContent,
    drive: (jira) => jira.assignIssueTypeScreenScheme({ projectId: '10000', schemeId: '10100' }),
  },
  {
    operation: 'listIssueTypeSchemes',
    label: 'finds issue type schemes by name',
    responses: [{ status: 200, fixture: 'issue-type-schemes' }],
    drive: (jira) => jira.listIssueTypeSchemes('Security Exception'),
    expected: { values: [{ id: '10100' }] },
  },
  {
    operation: 'createIssueTypeScheme',
    label: 'creates the issue type scheme',
    responses: [{ status: 201, fixture: 'issue-type-scheme-created' }],
    drive: (jira) =>
      jira.createIssueTypeScheme({ name: 'Security Exception Issue Type Scheme', issueTypeIds: ['10050', '10001'], defaultIssueTypeId: '10050' }),
    expected: { id: '10100' },
  },
  {
    operation: 'getIssueTypeSchemesOfProjects',
    label: "reads a project's issue type scheme",
    responses: [{ status: 200, fixture: 'issue-type-scheme-projects' }],
    drive: (jira) => jira.getIssueTypeSchemesOfProjects(['10000']),
    expected: { values: [{ scheme: { id: '10100' } }] },
  },
  {
    operation: 'assignIssueTypeScheme',
    label: 'assigns the issue type scheme',
    responses: noContent,
    drive: (jira) => jira.assignIssueTypeScheme({ projectId: '10000', schemeId: '10100' }),
  },
  {
    operation: 'createIssue',
    label: 'creates a renewal with copied fields and its renewal record',
    responses: [{ status: 201, fixture: 'issue-created' }],
    drive: (jira) =>
      jira.createIssue({
        projectKey: 'SEC',
        issueTypeName: 'Security Exception',
        summary: 'Renewal of SEC-12: OpenSSL upgrade blocked by vendor appliance',
        description: adfDocument(paragraph('The vendor has not certified the patched library.')),
        fields: { [FIELD_IDS.kind]: 'vulnerability-sla' },
        properties: { 'secexc.renewal': { renewalOf: 'SEC-12', chainBefore: { renewalCount: 0, cumulativeDays: 90 } } },
      }),
    expected: { id: '10061', key: 'SEC-31' },
  },
  {
    operation: 'listIssueLinkTypes',
    label: "lists the site's issue link types",
    responses: [{ status: 200, fixture: 'issue-link-types' }],
    drive: (jira) => jira.listIssueLinkTypes(),
    expected: [{ name: 'Blocks', outward: 'blocks' }, { id: '10003', name: 'Relates' }],
  },
  {
    operation: 'createIssueLinkType',
    label: 'creates the renewal link type',
    responses: [{ status: 201, fixture: 'issue-link-type-created' }],
    drive: (jira) => jira.createIssueLinkType({ name: 'Renewal', inward: 'is renewed by', outward: 'renews' }),
    expected: { id: '10100', name: 'Renewal' },
  },
  {
    operation: 'createIssueLink',
    label: 'links a renewal to the exception it renews',
    responses: [{ status: 201 }],
    drive: (jira) => jira.createIssueLink({ typeName: 'Renewal', inwardIssueKey: 'SEC-31', outwardIssueKey: 'SEC-12' }),
  },
  {
    operation: 'findGroupsByName',
    label: 'looks groups up by name in one request',
    responses: [{ status: 200, fixture: 'groups-bulk' }],
    drive: (jira) => jira.findGroupsByName(['security-leads', 'security-escalation', 'security-leads']),
    expected: [{ groupId: SECURITY_LEADS, name: 'security-leads' }, { name: 'security-escalation' }],
  },
  {
    operation: 'findUsersByAccountId',
    label: 'reads display names of several accounts in one request',
    responses: [{ status: 200, fixture: 'users-bulk' }],
    drive: (jira) =>
      jira.findUsersByAccountId([ANA, '712020:0a9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d6c', ANA, '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077']),
    expected: [
      { accountId: ANA, displayName: 'Ana Ruiz', active: true },
      { displayName: 'Cara Lindqvist', active: true },
      { displayName: 'Former user', active: false },
    ],
  },
];
