import { EXCEPTION_FIELD_MODULE_KEYS, EXCEPTION_ISSUE_TYPE, type ExceptionFieldName } from '../../app/projection/exception-issue';
import { descriptionOf, fieldValuesOf } from '../../app/projection/testing/exception-issue-builder';
import { TRANSITION_PROPERTY } from '../../domain/provisioning/workflow-plan';
import type { JiraStandIn } from '../jira/jira-stand-in';
import { findIssue, findProject } from '../jira/jira-state';
import { workflowFor } from '../jira/workflow-resolution';
import { commentDocument, jiraRestAs } from '../host/jira-rest';
import type { DemoException, DemoRegister, DemoStep } from './demo-register';
import { isReviewDay } from './quarterly-reviews';

/**
 * Performs a demo register plan through Jira, as the people it names: each exception is created with Jira's create
 * API, and each decision is the workflow transition a person would click, so the app's validators judge it, its post
 * function records it and its trigger projects it, exactly as they would for real people. The site clock moves with
 * the plan, and every day the scheduled jobs run first, so expiries, reminders and reviews happen on the days they fall;
 * every week a security lead attests the quarterly reviews that are due.
 */

export type SeedDeps = {
  readonly jira: JiraStandIn;
  readonly projectKey: string;
  /** Field ids by the manifest's custom field module key. */
  readonly fieldIds: Readonly<Record<string, string>>;
  /** Runs the scheduled jobs for the site clock's current day. */
  readonly runScheduledDay: () => Promise<unknown>;
  /** A security lead's quarterly review on the register page, run on each review day. */
  readonly reviewQuarter: () => Promise<unknown>;
  readonly onProgress?: (done: number, total: number) => void;
};

export type SeedReport = {
  readonly created: number;
  readonly transitions: number;
  /** Steps Jira refused: the plan broke a rule the app enforces, which a correct plan never does. */
  readonly refused: readonly { readonly exception: number; readonly step: string; readonly actor: string; readonly message: string }[];
  /** Issue keys by the plan's exception index. */
  readonly keys: ReadonlyMap<number, string>;
};

const DAY_MS = 86_400_000;
/** The daily scheduled trigger fires at 06:00 UTC, before anyone starts work. */
const JOBS_AT_MS = 6 * 3_600_000;

export const fieldsOf = (exception: DemoException, fieldIds: Readonly<Record<string, string>>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(fieldValuesOf(exception.request)).map(([name, value]) => {
      const id = fieldIds[EXCEPTION_FIELD_MODULE_KEYS[name as ExceptionFieldName]];
      if (id === undefined) throw new Error(`the app's ${name} field is not deployed to the site`);
      return [id, value];
    }),
  );

/** The workflow transition people take for a lifecycle action (and level), found by the properties set-up gave it. */
const transitionIdFor = (jira: JiraStandIn, issueKey: string, step: Extract<DemoStep['action'], { kind: 'transition' }>): string | undefined => {
  const issue = findIssue(jira.state, issueKey);
  const project = issue === undefined ? undefined : jira.state.projects.get(issue.projectId);
  if (issue === undefined || project === undefined) return undefined;
  return workflowFor(jira.state, project, issue.issueTypeId).transitions.find(
    (transition) =>
      transition.properties[TRANSITION_PROPERTY.action] === step.action &&
      transition.properties[TRANSITION_PROPERTY.takenBy] === 'people' &&
      transition.properties[TRANSITION_PROPERTY.level] === step.levelId,
  )?.id;
};

export async function seedRegister(deps: SeedDeps, plan: DemoRegister): Promise<SeedReport> {
  const { jira } = deps;
  if (findProject(jira.state, deps.projectKey) === undefined) throw new Error(`the site has no project ${deps.projectKey}`);
  const keys = new Map<number, string>();
  const blocked = new Set<number>();
  const refused: { exception: number; step: string; actor: string; message: string }[] = [];
  let transitions = 0;
  let done = 0;

  const moveClockTo = (atMs: number): void => {
    const instant = new Date(plan.start.getTime() + atMs);
    if (instant > jira.clock.now()) jira.clock.set(instant);
  };

  const perform = async (step: DemoStep): Promise<void> => {
    const exception = plan.exceptions[step.exception];
    if (exception === undefined || blocked.has(step.exception)) return;
    const rest = jiraRestAs(jira, step.actor);
    if (step.action.kind === 'create') {
      const answer = await rest.send('POST', '/rest/api/3/issue', {
        fields: {
          project: { key: deps.projectKey },
          issuetype: { name: EXCEPTION_ISSUE_TYPE },
          summary: exception.summary,
          description: descriptionOf(exception.request),
          ...fieldsOf(exception, deps.fieldIds),
        },
      });
      if (answer.ok) keys.set(step.exception, (answer.body as { key: string }).key);
      else {
        blocked.add(step.exception);
        refused.push({ exception: step.exception, step: 'create', actor: step.actor, message: answer.message });
      }
      return;
    }
    const issueKey = keys.get(step.exception);
    const transitionId = issueKey === undefined ? undefined : transitionIdFor(jira, issueKey, step.action);
    const label = `${step.action.action}${step.action.levelId === undefined ? '' : ` (${step.action.levelId})`}`;
    if (issueKey === undefined || transitionId === undefined) {
      blocked.add(step.exception);
      refused.push({ exception: step.exception, step: label, actor: step.actor, message: 'the workflow has no such transition for people' });
      return;
    }
    const answer = await rest.send('POST', `/rest/api/3/issue/${issueKey}/transitions`, {
      transition: { id: transitionId },
      ...(step.action.comment === undefined ? {} : { update: { comment: [{ add: { body: commentDocument(step.action.comment) } }] } }),
    });
    if (answer.ok) transitions += 1;
    else {
      blocked.add(step.exception);
      refused.push({ exception: step.exception, step: `${label} on ${issueKey}`, actor: step.actor, message: answer.message });
    }
  };

  let next = 0;
  for (let day = 0; day <= plan.days; day += 1) {
    moveClockTo(day * DAY_MS + JOBS_AT_MS);
    await deps.runScheduledDay();
    if (isReviewDay(jira.clock.now())) await deps.reviewQuarter();
    await jira.events.settle();
    const endOfDay = (day + 1) * DAY_MS;
    for (let step = plan.steps[next]; step !== undefined && step.atMs < endOfDay; step = plan.steps[next]) {
      moveClockTo(step.atMs);
      await perform(step);
      await jira.events.settle();
      next += 1;
      done += 1;
      deps.onProgress?.(done, plan.steps.length);
    }
  }
  return { created: keys.size, transitions, refused, keys };
}
