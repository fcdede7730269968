import { z } from 'zod';
import { planFieldEdits } from '../field-edits';
import { modifiedFieldValue } from '../field-values';
import { commitIssueChanges } from '../issue-changes';
import { transitionView } from '../issue-view';
import { badRequest, jiraError, noContent, ok, type RouteResult } from '../jira-http';
import type { ChangeItem, JiraIssue, WorkflowTransition } from '../jira-model';
import { projectOf } from '../jira-state';
import type { RouteContext, RouteTable } from '../route-context';
import { fieldsOfScreen, transitionsFrom, workflowFor } from '../workflow-resolution';
import { runTransitionPostFunctions } from '../workflow-post-functions';
import { runTransitionValidators } from '../workflow-validators';
import { andThen, can, parseBody, viewableIssue } from './route-helpers';

const RESTRICT_FROM_ALL_USERS = 'system:restrict-from-all-users';

const conditionsSchema = z.looseObject({ conditions: z.array(z.looseObject({ ruleKey: z.string() })).default([]) });

/**
 * Jira offers people only the transitions whose conditions they meet. The one condition the stand-in models is
 * "restrict from all users": such a transition is taken only through the app, which is how the register keeps
 * its own steps (expire, void approvals, re-rate) to itself.
 */
const offeredTo = (actor: RouteContext['actor'], transition: WorkflowTransition): boolean => {
  if (actor.kind !== 'user') return true;
  const parsed = conditionsSchema.safeParse(transition.conditions);
  return !(parsed.success && parsed.data.conditions.some((condition) => condition.ruleKey === RESTRICT_FROM_ALL_USERS));
};

const transitionRequestSchema = z.object({
  transition: z.object({ id: z.string({ error: 'Missing transition id' }) }, { error: 'Missing transition id' }),
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.unknown()).optional(),
  properties: z.array(z.object({ key: z.string().min(1).max(255), value: z.unknown() })).optional(),
  historyMetadata: z.unknown().optional(),
});

/**
 * `POST /issue/{key}/transitions` as Jira runs it: the transition must be available from the current status,
 * fields may only be set when it has a screen that carries them, the app's workflow validators run (any
 * failure blocks with a 400 carrying the validator's message), then the status and fields change in one
 * changelog entry and an `avi:jira:updated:issue` event follows.
 */
async function transitionIssue(ctx: RouteContext, issue: JiraIssue, body: z.infer<typeof transitionRequestSchema>): Promise<RouteResult> {
  const { state, clock, app, validators } = ctx.services;
  const project = projectOf(state, issue);
  if (!can(ctx, project, 'TRANSITION_ISSUES')) return badRequest('You do not have permission to transition this issue.');
  const workflow = workflowFor(state, project, issue.issueTypeId);
  const transition = transitionsFrom(workflow, issue.statusId).find((candidate) => candidate.id === body.transition.id && offeredTo(ctx.actor, candidate));
  if (transition === undefined) return badRequest(`Transition id '${body.transition.id}' is not valid for this issue.`);

  const onScreen = transition.screenId === undefined ? new Set<string>() : fieldsOfScreen(state, transition.screenId);
  const planned = planFieldEdits(state, issue, onScreen, body);
  if (!planned.ok) return planned.response;

  const modifiedFields: Record<string, unknown> = Object.fromEntries(
    [...planned.value.values].map(([fieldId, value]): [string, unknown] => {
      const field = state.fields.get(fieldId);
      if (field === undefined) throw new Error(`planned edit for unknown field ${fieldId}`);
      return [fieldId, modifiedFieldValue(field, value)];
    }),
  );
  // A comment entered on the transition screen is part of the input a validator judges (a reason, say).
  if (planned.value.comments.length > 0) modifiedFields.comment = { comments: planned.value.comments.map((body) => ({ body })) };
  const verdict = await runTransitionValidators({
    transition,
    issueKey: issue.key,
    fromStatusId: issue.statusId,
    modifiedFields,
    installed: app,
    registry: validators,
    scope: ctx.services.scope(),
    principalAccountId: ctx.actor.kind === 'user' ? ctx.actor.accountId : null,
    context: {
      installContext: `ari:cloud:jira::site/${app.cloudId}`,
      ...(ctx.actor.kind === 'user' ? { principal: { accountId: ctx.actor.accountId }, accountId: ctx.actor.accountId } : {}),
    },
  });
  if (!verdict.allowed) return jiraError(400, [verdict.message]);

  const from = state.statuses.get(issue.statusId);
  const to = state.statuses.get(transition.toStatusId);
  if (from === undefined || to === undefined) throw new Error(`workflow ${workflow.name} references an unknown status`);
  const statusItem: ChangeItem = {
    field: 'status',
    fieldtype: 'jira',
    fieldId: 'status',
    from: from.id,
    fromString: from.name,
    to: to.id,
    toString: to.name,
  };
  issue.statusId = to.id;
  if (from.category !== to.category) issue.statusCategoryChanged = clock.now();
  const committed = commitIssueChanges({
    services: ctx.services,
    issue,
    actor: ctx.actor,
    planned: planned.value,
    leadingItems: from.id === to.id ? [] : [statusItem],
    properties: body.properties ?? [],
    cause: 'transition',
  });
  runTransitionPostFunctions(ctx.services, {
    workflow,
    transition,
    issue,
    fromStatusId: from.id,
    actor: ctx.actor,
    entry: committed.entry,
    comment: committed.comments[0],
  });
  return noContent();
}

export const transitionRoutes: RouteTable = {
  'GET /rest/api/3/issue/{issueIdOrKey}/transitions': {
    query: ['transitionId', 'skipRemoteOnlyCondition', 'includeUnavailableTransitions', 'sortByOpsBarAndStatus'],
    handle: (ctx) =>
      andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) => {
        const { state } = ctx.services;
        const project = projectOf(state, issue);
        const wanted = ctx.query.get('transitionId');
        const offered = can(ctx, project, 'TRANSITION_ISSUES')
          ? transitionsFrom(workflowFor(state, project, issue.issueTypeId), issue.statusId).filter((transition) => offeredTo(ctx.actor, transition))
          : [];
        return ok({
          expand: 'transitions',
          transitions: offered.filter((transition) => wanted === undefined || transition.id === wanted).map((transition) => transitionView(ctx.view, transition)),
        });
      }),
  },

  'POST /rest/api/3/issue/{issueIdOrKey}/transitions': {
    handle: (ctx) =>
      andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) =>
        andThen(parseBody(transitionRequestSchema, ctx.body), (body) => transitionIssue(ctx, issue, body)),
      ),
  },
};
