import { z } from 'zod';
import { systemActor } from '../../domain/approval/approval';
import { isInApproval, isoDateSchema, type SecurityException } from '../../domain/exception/security-exception';
import { decideTransition } from '../../domain/lifecycle/decide-transition';
import { compareIssueKeys } from '../../domain/schedule/due-action';
import { dueExpiries } from '../../domain/schedule/due-expiries';
import type { StoredRegisterEntry } from '../ports/register-repository';
import type { ExceptionRead, NoticeText, RegisterTransition } from './job-ports';
import { batchSizeOf, eachItem, failedOutcome, settleFrom, type JobsDeps } from './jobs-deps';
import { expiredNotice, expiryComment, supersedeComment, supersededNotice, unreadableExpiryComment } from './notices';
import { auditThenNotify } from './once';
import { projectStatus } from './project-status';
import { runnable, type ItemOutcome, type JobDefinition } from './run-job';

/**
 * The daily expiry (auto-revocation). Two kinds of pass, in this order:
 *
 * 1. act, over active exceptions whose last day has ended (the register's due-expiry index), per exception:
 *    a. read the issue from Jira (in bulk, per page) and decide on what Jira holds now;
 *    b. take the Jira transition to Expired with its comment, in one request; it is not repeated, because a
 *       resumed run reads Jira first and finds the issue Expired already;
 *    c. move the register entry to Expired, which takes it out of every active view and feed.
 *    An exception whose renewal is already active is superseded instead (the renewal's activation did not get to
 *    it); one whose renewal is still pending is held back or expired as the policy says.
 * 2. settle, over exceptions that entered Expired or Superseded since the last successful run (the status-time
 *    index): append the audit entry once, then notify once, each under its own ledger key, recorded before the
 *    effect and released if it fails. This pass also completes what an earlier run, or the issue-event trigger
 *    projecting the transition before this job could, left undone after step b or c.
 *
 * A run stopped anywhere is completed by the next one: an entry still active is acted on again (b is skipped
 * because Jira shows Expired), and one already expired is settled, with every completed step a no-op.
 */

export const EXPIRY_JOB = 'expiry';
const ACTOR = systemActor(EXPIRY_JOB);
const SUPERSEDE_ACTOR = systemActor('renewal');

const planSchema = z.object({ today: isoDateSchema, settleSince: z.iso.datetime({ offset: true }) });
type ExpiryPlan = z.infer<typeof planSchema>;

type Decision =
  | { readonly kind: 'transition'; readonly transition: RegisterTransition; readonly comment: NoticeText; readonly status: 'expired' | 'superseded' }
  | { readonly kind: 'sync'; readonly status: 'expired' | 'superseded' }
  | { readonly kind: 'skip'; readonly code: string; readonly message: string };

const skip = (code: string, message: string): Decision => ({ kind: 'skip', code, message });

const exceptionsOf = (reads: readonly (ExceptionRead | undefined)[]): SecurityException[] =>
  reads.flatMap((read) => (read?.kind === 'exception' ? [read.exception] : []));

/** Statuses from which Jira already agrees the exception is over: only the register entry is behind. */
const OVER = ['expired', 'superseded'] as const;
const isOver = (status: string | undefined): status is (typeof OVER)[number] => OVER.some((over) => over === status);

const decide = (
  deps: JobsDeps,
  entry: StoredRegisterEntry,
  read: ExceptionRead,
  renewals: readonly StoredRegisterEntry[],
  renewalReads: readonly SecurityException[],
): Decision => {
  const now = deps.now();
  const jiraStatus = read.kind === 'gone' ? undefined : read.kind === 'exception' ? read.exception.status : read.status;
  if (read.kind === 'gone') return skip('JOB.NOT_IN_JIRA', 'Jira no longer returns the issue; the register forgets it when the deletion is projected.');
  if (isOver(jiraStatus)) return { kind: 'sync', status: jiraStatus };
  if (jiraStatus !== 'active') return skip('JOB.DRIFT', `Jira shows the issue as ${jiraStatus ?? 'outside the workflow'}, not Active; the projection catches up.`);
  const activeRenewal = renewals.find((renewal) => renewal.status === 'active');
  if (read.kind === 'unreadable') {
    return { kind: 'transition', transition: 'expire', status: 'expired', comment: unreadableExpiryComment(entry.issueKey, entry.expiresOn ?? 'unknown', read.reason) };
  }
  const context = { actor: ACTOR, now, policy: deps.policy, approvals: [] };
  if (activeRenewal !== undefined) {
    const superseded = decideTransition(read.exception, { action: 'supersede', renewalKey: activeRenewal.issueKey }, { ...context, actor: SUPERSEDE_ACTOR });
    return superseded.ok
      ? { kind: 'transition', transition: 'supersede', status: 'superseded', comment: supersedeComment(entry.issueKey, activeRenewal.issueKey) }
      : skip(superseded.error.code, superseded.error.message);
  }
  const [action] = dueExpiries({ exceptions: [read.exception, ...renewalReads], now, policy: deps.policy }).filter((due) => due.issueKey === entry.issueKey);
  if (action === undefined) {
    return skip(
      'JOB.NOT_DUE',
      renewals.some((renewal) => isInApproval(renewal.status))
        ? 'Held back: its renewal is awaiting a decision and the policy keeps the original in force meanwhile.'
        : `Jira gives ${read.exception.expiresOn ?? 'no'} as its last day in force, which has not ended; the register entry catches up.`,
    );
  }
  // Expiry is decided on the exception alone: it does not consult approvals.
  const decision = decideTransition(read.exception, { action: 'expire' }, context);
  if (!decision.ok) return skip(decision.error.code, decision.error.message);
  return { kind: 'transition', transition: 'expire', status: 'expired', comment: expiryComment(entry.issueKey, action.expiresOn, deps.policy, action.pendingRenewalKey) };
};

const actOn = async (
  deps: JobsDeps,
  entry: StoredRegisterEntry,
  read: ExceptionRead,
  renewals: readonly StoredRegisterEntry[],
  renewalReads: readonly SecurityException[],
): Promise<ItemOutcome> => {
  const decision = decide(deps, entry, read, renewals, renewalReads);
  if (decision.kind === 'skip') return { id: entry.issueKey, result: 'skipped', code: decision.code, message: decision.message };
  if (decision.kind === 'transition') {
    const moved = await deps.transitions.transition(entry.issueKey, decision.transition, decision.comment);
    if (!moved.ok) return failedOutcome(entry.issueKey, moved.error);
  }
  const projected = await projectStatus(deps.register, entry.issueKey, decision.status, deps.now());
  return { id: entry.issueKey, result: decision.kind === 'transition' || projected === 'updated' ? 'acted' : 'skipped' };
};

const renewalsByIssue = async (deps: JobsDeps, entries: readonly StoredRegisterEntry[]): Promise<Map<string, StoredRegisterEntry[]>> => {
  const byIssue = new Map<string, StoredRegisterEntry[]>();
  for (const entry of entries) byIssue.set(entry.issueKey, await deps.register.renewalsOf(entry.issueKey));
  return byIssue;
};

const actPass = (deps: JobsDeps, plan: ExpiryPlan) =>
  runnable<StoredRegisterEntry>({
    name: 'expire',
    async page(cursor) {
      const page = await deps.register.due({ kind: 'expired', today: plan.today }, batchSizeOf(deps), cursor);
      if (!page.ok) throw new Error(`expiry cursor refused: ${page.error.message}`);
      return page.value;
    },
    async handle(entries, budget) {
      const renewals = await renewalsByIssue(deps, entries);
      const undecided = [...renewals.values()].flat().filter((renewal) => isInApproval(renewal.status));
      const reads = await deps.exceptions.read([...entries, ...undecided]);
      if (!reads.ok) return entries.map((entry) => failedOutcome(entry.issueKey, reads.error));
      return eachItem(entries, budget, (entry) => entry.issueKey, (entry) => {
        const mine = renewals.get(entry.issueKey) ?? [];
        const renewalReads = exceptionsOf(mine.map((renewal) => reads.value.get(renewal.issueKey)));
        return actOn(deps, entry, reads.value.get(entry.issueKey) ?? { kind: 'gone' }, mine, renewalReads);
      });
    },
  });

const firstKey = (entries: readonly StoredRegisterEntry[]): string | null => [...entries.map((entry) => entry.issueKey)].sort(compareIssueKeys)[0] ?? null;

/** An expiry is news to everyone who asked for, owns or approved the exception. */
const recipientsOf = (entry: StoredRegisterEntry): string[] => [...new Set([entry.requester, entry.assetOwner, ...entry.approvers])];

const settleExpired = async (deps: JobsDeps, entry: StoredRegisterEntry): Promise<ItemOutcome> => {
  const key = `${entry.issueKey}:${entry.expiresOn ?? 'no-expiry'}`;
  const pending = firstKey((await deps.register.renewalsOf(entry.issueKey)).filter((renewal) => isInApproval(renewal.status)));
  return auditThenNotify(
    deps,
    entry.issueKey,
    {
      key: `audit:expire:${key}`,
      draft: {
        at: entry.statusChangedAt,
        actor: ACTOR.accountId,
        action: 'exception.expired',
        issueKey: entry.issueKey,
        payload: { from: 'active', to: 'expired', expiresOn: entry.expiresOn ?? null, contentHash: entry.contentHash, tier: entry.tier, pendingRenewalKey: pending },
      },
    },
    {
      key: `notify:expire:${key}`,
      kind: 'notice.expired',
      notice: { issueKey: entry.issueKey, ...expiredNotice(entry, pending), to: { accountIds: recipientsOf(entry) }, renewalLink: pending === null },
    },
  );
};

/** Audits and announces one superseded exception once; the renewal's activation runs it right away. */
export const settleSuperseded = async (deps: JobsDeps, entry: StoredRegisterEntry): Promise<ItemOutcome> => {
  const renewal = firstKey((await deps.register.renewalsOf(entry.issueKey)).filter((candidate) => candidate.status === 'active'));
  return auditThenNotify(
    deps,
    entry.issueKey,
    {
      key: `audit:supersede:${entry.issueKey}`,
      draft: {
        at: entry.statusChangedAt,
        actor: SUPERSEDE_ACTOR.accountId,
        action: 'exception.superseded',
        issueKey: entry.issueKey,
        payload: { to: 'superseded', renewalKey: renewal, contentHash: entry.contentHash, tier: entry.tier },
      },
    },
    {
      key: `notify:supersede:${entry.issueKey}`,
      kind: 'notice.superseded',
      notice: { issueKey: entry.issueKey, ...supersededNotice(entry, renewal), to: { accountIds: [...new Set([entry.requester, entry.assetOwner])] } },
    },
  );
};

const settlePass = (deps: JobsDeps, plan: ExpiryPlan, status: 'expired' | 'superseded') =>
  runnable<StoredRegisterEntry>({
    name: `settle-${status}`,
    page: (cursor) => deps.selection.enteredStatusSince(status, plan.settleSince, batchSizeOf(deps), cursor),
    handle: (entries, budget) =>
      eachItem(entries, budget, (entry) => entry.issueKey, (entry) => (status === 'expired' ? settleExpired(deps, entry) : settleSuperseded(deps, entry))),
  });

export const expiryJob = (deps: JobsDeps): JobDefinition<ExpiryPlan> => ({
  name: EXPIRY_JOB,
  planSchema,
  plan: (context) => Promise.resolve({ today: context.runKey, settleSince: settleFrom(context) }),
  passes: (plan) => [actPass(deps, plan), settlePass(deps, plan, 'expired'), settlePass(deps, plan, 'superseded')],
});
