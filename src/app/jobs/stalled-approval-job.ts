import { z } from 'zod';
import { systemActor, type Approval } from '../../domain/approval/approval';
import { nextPendingLevel } from '../../domain/approval/approval-standing';
import { contentHash } from '../../domain/exception/content-hash';
import type { SecurityException } from '../../domain/exception/security-exception';
import { decideTransition } from '../../domain/lifecycle/decide-transition';
import { TIMEOUT_REASON } from '../../domain/lifecycle/action-outcomes';
import type { StalledApprovalAction } from '../../domain/schedule/due-action';
import { stalledApprovalActions, type PendingStep } from '../../domain/schedule/due-stalled-approvals';
import type { StoredRegisterEntry } from '../ports/register-repository';
import { batchSizeOf, eachItem, eachReadableException, failedOutcome, settleFrom, type JobsDeps } from './jobs-deps';
import { stalledNotice, timedOutNotice } from './notices';
import { auditThenNotify, notifyOnce, outcomeOfSteps, type OnceOutcome } from './once';
import { projectStatus } from './project-status';
import { runnable, type ItemOutcome, type JobDefinition } from './run-job';

/**
 * Stalled approvals (hourly). A request waiting for an approval level is reminded to that level's group after N
 * days, escalated to the escalation group after M days and rejected as timed out after K days, each once per
 * waiting step (a decision starts a new step and a new clock). The register's stalled index gives the requests in
 * approval since at least N days; the schedule (stalledApprovalActions) decides the stages due.
 *
 * Reminders and escalations: ledger key before the e-mail, released if it fails.
 * Time-out, per request:
 *   a. record the time-out intent `timeout:<issue>` in the ledger (a request is rejected at most once), so the
 *      settle pass can tell this rejection from a person's;
 *   b. take the app-only "Time out" transition with the reason as comment; on failure the intent is released;
 *   c. move the register entry to Rejected.
 * Settle pass, over requests rejected since the last successful run that carry the intent: audit once, then tell
 * the requester once. It completes a run stopped after a or b, with every completed step a no-op.
 */

export const STALLED_JOB = 'stalled-approvals';
const ACTOR = systemActor(STALLED_JOB);
const DAY_MS = 86_400_000;

const planSchema = z.object({ waitingBefore: z.iso.datetime({ offset: true }), settleSince: z.iso.datetime({ offset: true }) });
type StalledPlan = z.infer<typeof planSchema>;

export const timeoutIntentKey = (issueKey: string): string => `timeout:${issueKey}`;

/**
 * What the request waits for: the first level without a standing approval, since the later of entering the status
 * and the last decision on its current content. A request waiting for its peer review or for activation waits on
 * nobody the approval levels name and is left alone (as the schedule expects).
 */
export const pendingStepOf = (exception: SecurityException, approvals: readonly Approval[], deps: Pick<JobsDeps, 'policy'>): PendingStep | null => {
  if (exception.status !== 'awaiting-approval') return null;
  const level = nextPendingLevel(exception, approvals, deps.policy);
  if (level === null) return null;
  const hash = contentHash(exception);
  const decided = approvals.filter((approval) => approval.voidedAt === undefined && approval.contentHash === hash).map((approval) => Date.parse(approval.decidedAt));
  const since = Math.max(Date.parse(exception.statusChangedAt), ...decided);
  return { levelId: level.id, waitingSince: new Date(since).toISOString() };
};

const timeOut = async (deps: JobsDeps, exception: SecurityException, approvals: readonly Approval[], action: Extract<StalledApprovalAction, { stage: 'timeout' }>): Promise<ItemOutcome> => {
  const decision = decideTransition(exception, { action: 'reject', reason: TIMEOUT_REASON }, { actor: ACTOR, now: deps.now(), policy: deps.policy, approvals });
  if (!decision.ok) return { id: exception.key, result: 'skipped', code: decision.error.code, message: decision.error.message };
  const intent = timeoutIntentKey(exception.key);
  const recorded = await deps.ledger.recordOnce({ key: intent, kind: 'intent.timeout', issueKey: exception.key, at: deps.now() });
  const forgetIntent = async () => {
    if (recorded === 'recorded') await deps.ledger.release(intent);
  };
  let moved: Awaited<ReturnType<JobsDeps['transitions']['transition']>>;
  try {
    moved = await deps.transitions.transition(exception.key, 'timeout', [action.reason]);
  } catch (error) {
    await forgetIntent();
    throw error;
  }
  if (!moved.ok) {
    await forgetIntent();
    return failedOutcome(exception.key, moved.error);
  }
  await projectStatus(deps.register, exception.key, 'rejected', deps.now());
  return { id: exception.key, result: 'acted' };
};

const act = async (deps: JobsDeps, entry: StoredRegisterEntry, exception: SecurityException): Promise<ItemOutcome> => {
  const now = deps.now();
  if (exception.status === 'rejected' && (await deps.ledger.has(timeoutIntentKey(entry.issueKey)))) {
    await projectStatus(deps.register, entry.issueKey, 'rejected', now);
    return { id: entry.issueKey, result: 'acted' };
  }
  const approvals = await deps.approvals.forIssue(entry.issueKey);
  const pending = pendingStepOf(exception, approvals, deps);
  if (pending === null) return { id: entry.issueKey, result: 'skipped' };
  const steps: OnceOutcome[] = [];
  for (const action of stalledApprovalActions(exception, pending, now, deps.policy)) {
    if (action.stage === 'timeout') return timeOut(deps, exception, approvals, action);
    const notice = stalledNotice(entry, action, deps.policy);
    steps.push(await notifyOnce(deps, action.key, `notice.stalled-${action.stage}`, now, { issueKey: entry.issueKey, ...notice, to: { groups: [action.notifyGroup] } }));
  }
  return outcomeOfSteps(entry.issueKey, steps);
};

const stalledPass = (deps: JobsDeps, plan: StalledPlan) =>
  runnable<StoredRegisterEntry>({
    name: 'stalled',
    async page(cursor) {
      const page = await deps.register.due({ kind: 'stalled', since: plan.waitingBefore }, batchSizeOf(deps), cursor);
      if (!page.ok) throw new Error(`stalled-approval cursor refused: ${page.error.message}`);
      return page.value;
    },
    handle: (entries, budget) => eachReadableException(deps, entries, budget, (entry, exception) => act(deps, entry, exception)),
  });

const settle = async (deps: JobsDeps, entry: StoredRegisterEntry): Promise<ItemOutcome> => {
  if (!(await deps.ledger.has(timeoutIntentKey(entry.issueKey)))) return { id: entry.issueKey, result: 'skipped' };
  return auditThenNotify(
    deps,
    entry.issueKey,
    {
      key: `audit:timeout:${entry.issueKey}`,
      draft: {
        at: entry.statusChangedAt,
        actor: ACTOR.accountId,
        action: 'exception.rejected',
        issueKey: entry.issueKey,
        payload: { to: 'rejected', reason: TIMEOUT_REASON, contentHash: entry.contentHash, tier: entry.tier },
      },
    },
    {
      key: `notify:timeout:${entry.issueKey}`,
      kind: 'notice.timed-out',
      notice: { issueKey: entry.issueKey, ...timedOutNotice(entry, deps.policy), to: { accountIds: [...new Set([entry.requester, entry.assetOwner])] } },
    },
  );
};

const settlePass = (deps: JobsDeps, plan: StalledPlan) =>
  runnable<StoredRegisterEntry>({
    name: 'settle-timeouts',
    page: (cursor) => deps.selection.enteredStatusSince('rejected', plan.settleSince, batchSizeOf(deps), cursor),
    handle: (entries, budget) => eachItem(entries, budget, (entry) => entry.issueKey, (entry) => settle(deps, entry)),
  });

export const stalledApprovalJob = (deps: JobsDeps): JobDefinition<StalledPlan> => ({
  name: STALLED_JOB,
  planSchema,
  plan: (context) =>
    Promise.resolve({
      // Waiting is counted in calendar days of the policy's zone; one day less in hours selects every request that
      // may have waited long enough, and the schedule decides exactly.
      waitingBefore: new Date(Date.parse(context.now) - (deps.policy.approvalTimeouts.remindAfterDays - 1) * DAY_MS).toISOString(),
      settleSince: settleFrom(context),
    }),
  passes: (plan) => [stalledPass(deps, plan), settlePass(deps, plan)],
});
