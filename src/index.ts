/**
 * The Forge entry barrel. manifest.yml names every handler `index.<export>`, so this file only re-exports the
 * entry handlers of src/entry, grouped by module type (workflow rules, triggers, scheduled jobs, web triggers,
 * queue consumers, UI resolvers, custom-field functions).
 */

// --- trigger: product and lifecycle events ------------------------------------------------------------------
/** avi:jira:created|updated|deleted:issue: register projection and bypassed-transition checks. */
export { onIssueEvent } from './entry/issue-events.trigger';
/** avi:forge:installed:app, avi:forge:upgraded:app: schema migrations and the audit signing key. */
export { onAppLifecycle } from './entry/lifecycle.trigger';

// --- scheduledTrigger ------------------------------------------------------------------------------------------
/** Hourly: schema migrations, then the continuation of a reconcile run that ran out of time. */
export { hourlyUpkeep } from './entry/migrations.scheduled';
/** Weekly: reconcile the register with Jira. */
export { weeklyReconcile } from './entry/reconcile.scheduled';
