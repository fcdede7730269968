import {
  planExceptionWorkflow,
  type PlannedTransition,
  type PlannedValidator,
  type WorkflowPlan,
  type WorkflowPlanInput,
} from '../../domain/provisioning/workflow-plan';
import { findByName } from './find-by-name';
import type { ForgeRule, ProjectSummary, ProvisioningGateway, WorkflowCreation, WorkflowTransitionDraft } from './provisioning-gateway';
import type { StatusIds } from './ensure-statuses';
import { done, failed, jiraFailed, quoted, type StepResult } from './setup-steps';

/**
 * The workflow is created once, from the plan the domain derives from the lifecycle table. Before it is
 * created, the validators it references are looked up in Jira's workflow capabilities: a reference Jira
 * cannot resolve (a module key the manifest lacks, an app not deployed in this environment) would make
 * every transition it guards refuse to run, and set-up has no way to edit a workflow afterwards.
 */

export type WorkflowContext = {
  readonly project: ProjectSummary;
  readonly issueTypeId: string;
  readonly statusIds: StatusIds;
  readonly plan: WorkflowPlanInput;
};

const toDraft = (transition: PlannedTransition): WorkflowTransitionDraft => ({
  id: transition.id,
  name: transition.name,
  type: transition.type,
  toStatusReference: transition.to,
  links: transition.from.map((status) => ({ fromStatusReference: status })),
  validators: transition.validators,
  ...(transition.conditions.length === 0 ? {} : { conditions: { operation: 'ALL' as const, conditions: transition.conditions } }),
  ...(transition.postFunctions.length === 0 ? {} : { actions: transition.postFunctions }),
  properties: transition.properties,
});

const creationOf = (plan: WorkflowPlan, statusIds: StatusIds): WorkflowCreation => ({
  scope: { type: 'GLOBAL' },
  statuses: plan.statuses.map((status) => ({
    statusReference: status.status,
    name: status.name,
    statusCategory: status.category,
    id: statusIds[status.status],
  })),
  workflows: [
    {
      name: plan.name,
      description: plan.description,
      statuses: plan.statuses.map((status) => ({ statusReference: status.status, properties: {} })),
      transitions: plan.transitions.map(toDraft),
    },
  ],
});

const unoffered = (plan: WorkflowPlan, rules: readonly ForgeRule[]): Pick<PlannedValidator, 'moduleKey' | 'ari'>[] =>
  [...plan.validators, ...(plan.recorder === undefined ? [] : [plan.recorder])].filter((rule) => !rules.some((offered) => offered.id === rule.ari));

const describeCreated = (plan: WorkflowPlan): string => {
  const guarded = plan.transitions.filter((transition) => transition.validators.length > 0).map((transition) => transition.name);
  const appOnly = plan.transitions.filter((transition) => transition.takenBy === 'app').map((transition) => transition.name);
  return (
    `Created the workflow "${plan.name}" with ${plan.transitions.length} transitions. The app’s validators guard ${quoted(guarded)}; ` +
    `${quoted(appOnly)} are hidden from people and taken only by the app.`
  );
};

export async function ensureWorkflow(jira: ProvisioningGateway, context: WorkflowContext): Promise<StepResult<string>> {
  const planned = planExceptionWorkflow(context.plan);
  if (!planned.ok) return failed(planned.error.message);
  const plan = planned.value;

  const existing = await findByName(plan.name, (page) => jira.searchWorkflows(plan.name, page));
  if (!existing.ok) return jiraFailed(`look for the workflow "${plan.name}"`, existing.error);
  if (existing.value !== undefined) return done('already-present', `Found the workflow "${existing.value.name}"; it is used as it is.`, existing.value.name);

  const rules = await jira.getForgeWorkflowRules(context.project.id, context.issueTypeId);
  if (!rules.ok) return jiraFailed(`list the workflow rules Jira offers for ${context.project.key}, to check the app’s validators`, rules.error);
  const missing = unoffered(plan, rules.value);
  if (missing.length > 0) {
    return failed(
      `Jira does not offer the app’s workflow rules ${missing.map((rule) => `${rule.moduleKey} (${rule.ari})`).join(', ')} ` +
        `for ${context.project.key}, so a workflow referencing them would block every transition they guard; nothing was created. ` +
        'Check that the app is deployed and installed in this environment and that its manifest declares these jira:workflowValidator ' +
        'and jira:workflowPostFunction modules, then run set-up again.',
    );
  }

  const created = await jira.createWorkflows(creationOf(plan, context.statusIds));
  if (!created.ok) return jiraFailed(`create the workflow "${plan.name}"`, created.error);
  return done('created', describeCreated(plan), plan.name);
}
