import { activationReadiness } from '../approval/activation-readiness';
import { isSystemActor, type Approval } from '../approval/approval';
import { levelStandings, voidableApprovals } from '../approval/approval-standing';
import { checkConcurrencyLimits } from '../approval/concurrency-limits';
import { evaluateApproval } from '../approval/evaluate-approval';
import { policyDay } from '../approval/policy-day';
import { requiredLevels } from '../approval/required-levels';
import type { JsonValue } from '../audit/audit-entry';
import { contentHash, riskRelevantChanges } from '../exception/content-hash';
import { issueKeySchema, tierRank, type SecurityException } from '../exception/security-exception';
import { addCalendarDays } from '../shared/dates';
import { ok, refuse, type Result } from '../shared/result';
import type { CommandFor, ExceptionPatch, LifecycleAction, LifecycleErrorCode, TransitionContext } from './lifecycle-types';

/** The reason a scheduled job gives when it rejects a stalled request; the only rejection the system makes. */
export const TIMEOUT_REASON = 'timed out';

/** What an action adds to the bare status change. */
export type ActionOutcome = {
  readonly patch?: Omit<ExceptionPatch, 'status'>;
  readonly details: { readonly [key: string]: JsonValue };
  readonly approvalToRecord?: Approval;
  readonly approvalsToVoid?: readonly Approval[];
};

type ActionSpec<A extends LifecycleAction> = {
  /** Preconditions that hold or not whatever the command says; allowedActions checks these too. */
  readonly ready?: (exception: SecurityException, context: TransitionContext) => Result<unknown, LifecycleErrorCode>;
  readonly decide: (exception: SecurityException, command: CommandFor<A>, context: TransitionContext) => Result<ActionOutcome, LifecycleErrorCode>;
};
type ActionSpecs = { readonly [A in LifecycleAction]: ActionSpec<A> };

const NOTHING_MORE: Result<ActionOutcome, never> = ok({ details: {} });

const approvalSummary = (approvals: readonly Approval[]): JsonValue =>
  approvals.map((a) => ({ levelId: a.levelId, approver: a.approver, decidedAt: a.decidedAt }));

const withRenewalNotice = (exception: SecurityException, context: TransitionContext): { [key: string]: JsonValue } => {
  const notice = requiredLevels(exception, context.policy).renewalNotice;
  return notice === undefined ? {} : { renewalNotice: notice };
};

const expiryDayPassed = (exception: SecurityException, { now, policy }: TransitionContext): Result<true, LifecycleErrorCode> => {
  const lastDay = exception.expiresOn ?? exception.requestedExpiry;
  const today = policyDay(now, policy);
  return today > lastDay
    ? ok(true)
    : refuse(
        'LIFECYCLE.NOT_YET_EXPIRED',
        `${exception.key} is in force until the end of ${lastDay} (${policy.timeZone}); it can expire from ${addCalendarDays(lastDay, 1)}. ` +
          'To end it earlier, revoke it or mark it remediated.',
      );
};

const staleOnes = (exception: SecurityException, { approvals }: TransitionContext): Approval[] =>
  voidableApprovals(approvals, contentHash(exception));

const somethingToVoid = (exception: SecurityException, context: TransitionContext): Result<true, LifecycleErrorCode> =>
  staleOnes(exception, context).length > 0
    ? ok(true)
    : refuse(
        'LIFECYCLE.NOTHING_TO_VOID',
        `Every approval of ${exception.key} is bound to its current content, so none is voided and it stays ${exception.status}.`,
      );

export const ACTION_SPECS: ActionSpecs = {
  submit: { decide: (exception, _command, { now }) => ok({ patch: { submittedAt: now }, details: { tier: exception.tier } }) },
  'start-review': { decide: (_exception, _command, { actor }) => ok({ patch: { peerReviewer: actor.accountId }, details: { peerReviewer: actor.accountId } }) },
  'complete-review': { decide: (_exception, _command, { actor }) => ok({ details: { peerReviewer: actor.accountId } }) },
  approve: {
    decide: (exception, command, context) => {
      const { actor, approvals, policy, now } = context;
      const evaluated = evaluateApproval(exception, approvals, actor, policy, now, command.levelId);
      if (!evaluated.ok) return evaluated;
      const { level } = evaluated.value;
      const approval: Approval = {
        levelId: level.id,
        approver: actor.accountId,
        decision: 'approved',
        contentHash: contentHash(exception),
        decidedAt: now,
        ...(command.reason?.trim() ? { reason: command.reason.trim() } : {}),
      };
      const remaining = levelStandings(exception, [...approvals, approval], policy).filter((s) => s.approval === null);
      return ok({
        approvalToRecord: approval,
        details: {
          levelId: level.id,
          levelName: level.name,
          group: level.group,
          remainingLevels: remaining.map((s) => s.level.id),
          quorumComplete: remaining.length === 0,
          ...withRenewalNotice(exception, context),
        },
      });
    },
  },
  activate: {
    ready: (exception, { approvals, policy, now }) => activationReadiness(exception, approvals, policy, now),
    decide: (exception, command, context) => {
      const readiness = activationReadiness(exception, context.approvals, context.policy, context.now);
      if (!readiness.ok) return readiness;
      const limits = checkConcurrencyLimits(exception, command.active, context.policy);
      if (!limits.ok) return limits;
      return ok({
        patch: { activatedAt: context.now, expiresOn: exception.requestedExpiry },
        details: {
          tier: exception.tier,
          expiresOn: exception.requestedExpiry,
          approvals: readiness.value.standings.map((s) => ({ levelId: s.level.id, approver: s.approval?.approver ?? null })),
          ...withRenewalNotice(exception, context),
        },
      });
    },
  },
  reject: {
    decide: (exception, command, { actor, approvals, policy, now }) => {
      const reason = command.reason?.trim() ?? '';
      if (isSystemActor(actor) && reason !== TIMEOUT_REASON)
        return refuse(
          'LIFECYCLE.SYSTEM_REJECTS_ONLY_ON_TIMEOUT',
          `The register rejects ${exception.key} on its own only when its approval timed out (reason "${TIMEOUT_REASON}"); any other rejection needs a person.`,
        );
      const pending = levelStandings(exception, approvals, policy).find((s) => s.approval === null)?.level;
      const asApprover = exception.status === 'awaiting-approval' && pending !== undefined && actor.groups.includes(pending.group);
      return ok({
        details: { stage: exception.status },
        ...(asApprover
          ? { approvalToRecord: { levelId: pending.id, approver: actor.accountId, decision: 'rejected', contentHash: contentHash(exception), decidedAt: now, reason } }
          : {}),
      });
    },
  },
  withdraw: { decide: () => NOTHING_MORE },
  revoke: { decide: () => NOTHING_MORE },
  remediate: { decide: () => NOTHING_MORE },
  expire: {
    ready: expiryDayPassed,
    decide: (exception, _command, context) => {
      const passed = expiryDayPassed(exception, context);
      return passed.ok ? ok({ details: { expiresOn: exception.expiresOn ?? exception.requestedExpiry } }) : passed;
    },
  },
  supersede: {
    decide: (exception, command) =>
      issueKeySchema.safeParse(command.renewalKey).success && command.renewalKey !== exception.key
        ? ok({ details: { renewalKey: command.renewalKey } })
        : refuse(
            'LIFECYCLE.INVALID_RENEWAL_KEY',
            `"${command.renewalKey}" cannot supersede ${exception.key}: a renewal is a different issue, named by a key such as SEC-12.`,
          ),
  },
  're-rate': {
    decide: (exception, command, { approvals }) => {
      if (tierRank(command.tier) <= tierRank(exception.tier))
        return refuse(
          'LIFECYCLE.TIER_NOT_RAISED',
          `${exception.key} is rated ${exception.tier}; a ${command.tier} rating does not raise its tier, so its approvals stand.`,
        );
      // The approvers signed off a lower risk: none of their approvals may count towards the higher tier.
      const voided = approvals.filter((a) => a.voidedAt === undefined);
      return ok({
        patch: { tier: command.tier },
        approvalsToVoid: voided,
        details: { fromTier: exception.tier, toTier: command.tier, voidedApprovals: approvalSummary(voided) },
      });
    },
  },
  void: {
    ready: somethingToVoid,
    decide: (exception, command, context) => {
      const ready = somethingToVoid(exception, context);
      if (!ready.ok) return ready;
      const voided = staleOnes(exception, context);
      return ok({
        approvalsToVoid: voided,
        details: {
          voidedApprovals: approvalSummary(voided),
          ...(command.previous === undefined ? {} : { changedFields: riskRelevantChanges(command.previous, exception) }),
        },
      });
    },
  },
};
