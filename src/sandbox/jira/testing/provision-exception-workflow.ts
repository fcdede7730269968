import type { JiraStandIn } from '../jira-stand-in';
import { extensionAri } from '../workflow-validators';
import { APP, call, json } from './stand-in-world';

/**
 * Provisions a small Security Exception workflow in project SEC through the REST API, as the app's
 * "Set up project" action does: issue type, statuses, a workflow whose transitions carry the app's Forge
 * validators, a workflow scheme, and screens that carry the given fields.
 */

export type ProvisionedWorkflow = {
  readonly issueTypeId: string;
  readonly statusIds: { readonly draft: string; readonly submitted: string; readonly active: string };
  readonly transitionIds: { readonly submit: string; readonly approve: string; readonly withdraw: string };
};

const validator = (moduleKey: string, config?: unknown, environmentId: string = APP.environmentId) => ({
  ruleKey: 'forge:expression-validator',
  parameters: {
    key: extensionAri({ appId: APP.appId, environmentId, moduleKey }),
    ...(config === undefined ? {} : { config: JSON.stringify(config) }),
  },
});

export const expectStatus = async (response: Promise<{ status: number; body: string }>, status: number): Promise<unknown> => {
  const answered = await response;
  if (answered.status !== status) throw new Error(`expected ${status}, Jira answered ${answered.status}: ${answered.body}`);
  return answered.body === '' ? undefined : (JSON.parse(answered.body) as unknown);
};

/**
 * Puts the workflow named "Security Exception Workflow" and a screen with the given fields on the issue type in SEC,
 * through the schemes, as set-up does.
 */
export async function assignExceptionSchemes(jira: JiraStandIn, issueTypeId: string, screenFields: readonly string[]): Promise<void> {
  const scheme = (await expectStatus(
    call(jira, 'POST', '/rest/api/3/workflowscheme', {
      name: 'Security Exception Scheme',
      defaultWorkflow: 'jira',
      issueTypeMappings: { [issueTypeId]: 'Security Exception Workflow' },
    }),
    201,
  )) as { id: number };
  const project = json(await call(jira, 'GET', '/rest/api/3/project/SEC')) as { id: string };
  await expectStatus(call(jira, 'PUT', '/rest/api/3/workflowscheme/project', { projectId: project.id, workflowSchemeId: String(scheme.id) }), 204);

  const screen = (await expectStatus(call(jira, 'POST', '/rest/api/3/screens', { name: 'Security Exception Screen' }), 201)) as { id: number };
  const tabs = (await expectStatus(call(jira, 'GET', `/rest/api/3/screens/${screen.id}/tabs`), 200)) as { id: number }[];
  for (const fieldId of ['summary', 'description', ...screenFields]) {
    await expectStatus(call(jira, 'POST', `/rest/api/3/screens/${screen.id}/tabs/${tabs[0]?.id ?? 0}/fields`, { fieldId }), 200);
  }
  const screenScheme = (await expectStatus(call(jira, 'POST', '/rest/api/3/screenscheme', { name: 'Security Exception Screens', screens: { default: screen.id } }), 201)) as { id: number };
  const itss = (await expectStatus(
    call(jira, 'POST', '/rest/api/3/issuetypescreenscheme', {
      name: 'Security Exception Issue Type Screens',
      issueTypeMappings: [
        { issueTypeId: 'default', screenSchemeId: '1' },
        { issueTypeId, screenSchemeId: String(screenScheme.id) },
      ],
    }),
    201,
  )) as { id: string };
  await expectStatus(call(jira, 'PUT', '/rest/api/3/issuetypescreenscheme/project', { issueTypeScreenSchemeId: itss.id, projectId: project.id }), 204);
}

export async function provisionExceptionWorkflow(
  jira: JiraStandIn,
  options: { readonly screenFields?: readonly string[]; readonly approvalEnvironmentId?: string } = {},
): Promise<ProvisionedWorkflow> {
  const issueType = (await expectStatus(call(jira, 'POST', '/rest/api/3/issuetype', { name: 'Security Exception', hierarchyLevel: 0 }), 201)) as { id: string };

  const created = (await expectStatus(
    call(jira, 'POST', '/rest/api/3/workflows/create', {
      scope: { type: 'GLOBAL' },
      statuses: [
        { statusReference: 'draft', name: 'Draft', statusCategory: 'TODO' },
        { statusReference: 'submitted', name: 'Submitted', statusCategory: 'IN_PROGRESS' },
        { statusReference: 'active', name: 'Active', statusCategory: 'DONE' },
      ],
      workflows: [
        {
          name: 'Security Exception Workflow',
          statuses: ['draft', 'submitted', 'active'].map((statusReference) => ({ statusReference, properties: {} })),
          transitions: [
            { name: 'Create', type: 'INITIAL', toStatusReference: 'draft', links: [] },
            { name: 'Submit', type: 'DIRECTED', toStatusReference: 'submitted', links: [{ fromStatusReference: 'draft' }], validators: [validator('intake-validator')] },
            {
              name: 'Approve',
              type: 'DIRECTED',
              toStatusReference: 'active',
              links: [{ fromStatusReference: 'submitted' }],
              validators: [validator('approval-validator', { level: 'security-lead' }, options.approvalEnvironmentId)],
            },
            { name: 'Withdraw', type: 'GLOBAL', toStatusReference: 'draft', links: [] },
          ],
        },
      ],
    }),
    200,
  )) as {
    statuses: { id: string; name: string }[];
    workflows: { transitions: { id: string; name: string }[] }[];
  };
  const statusId = (name: string) => created.statuses.find((status) => status.name === name)?.id ?? '';
  const transitionId = (name: string) => created.workflows[0]?.transitions.find((transition) => transition.name === name)?.id ?? '';

  await assignExceptionSchemes(jira, issueType.id, options.screenFields ?? []);

  return {
    issueTypeId: issueType.id,
    statusIds: { draft: statusId('Draft'), submitted: statusId('Submitted'), active: statusId('Active') },
    transitionIds: { submit: transitionId('Submit'), approve: transitionId('Approve'), withdraw: transitionId('Withdraw') },
  };
}
