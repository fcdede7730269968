/**
 * The Forge entry barrel. manifest.yml names every handler `index.<export>`, so this file only re-exports the
 * entry handlers of src/entry, grouped by module type (workflow rules, triggers, scheduled jobs, web triggers,
 * queue consumers, UI resolvers, custom-field functions).
 */

// --- jira:workflowValidator, jira:workflowPostFunction: the workflow rules ---------------------------------------
/** Every validator of the exception workflow: intake, peer review, each approval level, activation, rejection, withdrawal. */
export { validateTransition } from './entry/validators/transition.validator';
/** After each transition people take: approvals in the register, every decision in the audit chain. */
export { recordDecisionPostFunction } from './entry/post-functions/record-decision.post-function';

// --- trigger: product and lifecycle events ------------------------------------------------------------------
/** avi:jira:created|updated|deleted:issue: register projection, approvals voided by edits, bypassed-transition checks. */
export { onIssueEvent } from './entry/issue-events.trigger';
/** avi:forge:installed:app, avi:forge:upgraded:app: schema migrations and the audit signing key. */
export { onAppLifecycle } from './entry/lifecycle.trigger';

// --- scheduledTrigger ------------------------------------------------------------------------------------------
/** Hourly: schema migrations, then the stalled-approval job, then the continuation of a reconcile run that ran out of time. */
export { hourlyUpkeep } from './entry/migrations.scheduled';
/** Daily: expiry, expiry reminders, quarterly reviews and the monthly report once a month has closed. */
export { dailyJobs } from './entry/jobs/daily-jobs.scheduled';
/** Weekly: reconcile the register with Jira. */
export { weeklyReconcile } from './entry/reconcile.scheduled';

// --- consumer: queues -------------------------------------------------------------------------------------------
/** scheduled-jobs queue: a scheduled run that outgrew its invocation, carried on from its checkpoint. */
export { continueJobs } from './entry/jobs/jobs-continuation.consumer';

// --- Custom UI resolvers ------------------------------------------------------------------------------------------
/** Every key of the resolver contract, for the register page, the issue panel, the admin page and the field editors. */
export { uiResolver } from './entry/resolvers/ui-resolver';
