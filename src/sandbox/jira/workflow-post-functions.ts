import type { ChangelogEntry, JiraComment, JiraIssue, JiraWorkflow, WorkflowTransition } from './jira-model';
import type { Actor } from './permissions';
import type { StandInServices } from './route-context';
import { parseConfiguration, parseExtensionAri } from './workflow-validators';

/**
 * Jira's side of `jira:workflowPostFunction` function modules. After a transition has been made, Jira sends the
 * "Run post function event" to every app post function configured on the transition: the issue, the transition
 * with an `executionId` shared by all post functions of that one transition, the workflow, who transitioned
 * (`atlassianId`), the transition's changelog and comment when there were any, and the rule's configuration.
 * Delivery is asynchronous and at-least-once, like any product event, so it goes through the event dispatcher.
 */

export const FORGE_POST_FUNCTION_RULE_KEY = 'forge:workflow-post-function';

/** The dispatcher needs an event type; the documented payload has none of its own, so the handler never sees it. */
export const POST_FUNCTION_EVENT = 'avi:jira:run:postfunction';

export type RegisteredPostFunction = {
  /** The manifest's `name`, which Jira lists among the workflow's available rules. */
  readonly name?: string;
};

export type PostFunctionRegistry = Map<string, RegisteredPostFunction>;

export type TransitionMade = {
  readonly workflow: JiraWorkflow;
  readonly transition: WorkflowTransition;
  readonly issue: JiraIssue;
  readonly fromStatusId: string;
  readonly actor: Actor;
  /** The changelog entry the transition wrote; absent when nothing changed (a transition back to the same status). */
  readonly entry: ChangelogEntry | undefined;
  /** The comment added on the transition, if one was. */
  readonly comment: JiraComment | undefined;
};

/**
 * Queues one post-function event per app post function on the transition. Rules of another app or environment,
 * or whose function the app does not provide, are skipped: Jira logs them and the transition stands.
 */
export function runTransitionPostFunctions(services: StandInServices, made: TransitionMade): void {
  const { app, state } = services;
  const executionId = state.nextUuid();
  for (const rule of made.transition.actions) {
    if (rule.ruleKey !== FORGE_POST_FUNCTION_RULE_KEY) continue;
    const ref = parseExtensionAri(rule.parameters.key ?? '');
    if (ref === undefined || ref.appId !== app.appId || ref.environmentId !== app.environmentId) continue;
    if (!services.postFunctions.has(ref.moduleKey)) continue;
    services.events.emit({
      eventType: POST_FUNCTION_EVENT,
      selfGenerated: made.actor.kind === 'app',
      target: ref.moduleKey,
      issue: { id: made.issue.id, key: made.issue.key },
      transition: {
        id: made.transition.id,
        name: made.transition.name,
        from: { id: made.fromStatusId },
        to: { id: made.transition.toStatusId },
        executionId,
      },
      workflow: { id: made.workflow.id, name: made.workflow.name },
      atlassianId: made.actor.accountId,
      ...(made.entry === undefined ? {} : { changelog: { id: made.entry.id, items: made.entry.items.map((item) => ({ ...item })) } }),
      ...(made.comment === undefined ? {} : { comment: { id: made.comment.id } }),
      configuration: parseConfiguration(rule.parameters.config),
      context: { cloudId: app.cloudId, moduleKey: ref.moduleKey },
    });
  }
}
