import { contentHash } from '../exception/content-hash';
import type { SecurityException } from '../exception/security-exception';
import { ok, type Result } from '../shared/result';
import { ACTION_SPECS, type ActionOutcome } from './action-outcomes';
import type { CommandFor, LifecycleAction, LifecycleErrorCode, TransitionCommand, TransitionContext, TransitionDecision } from './lifecycle-types';
import { permitted, reasonGiven } from './transition-checks';
import { transitionRule } from './transition-table';

const outcomeOf = <A extends LifecycleAction>(
  exception: SecurityException,
  command: CommandFor<A>,
  context: TransitionContext,
): Result<ActionOutcome, LifecycleErrorCode> => {
  const spec = ACTION_SPECS[command.action];
  return spec.decide(exception, command, context);
};

/**
 * Decides one lifecycle step: whether `context.actor` may apply `command` to `exception` now and, if so, the
 * status change, the fields to set, the approvals to record or void, and the audit event. Pure: the caller
 * persists the decision.
 */
export const decideTransition = (
  exception: SecurityException,
  command: TransitionCommand,
  context: TransitionContext,
): Result<TransitionDecision, LifecycleErrorCode> => {
  const rule = transitionRule(command.action);
  const levelId = command.action === 'approve' ? command.levelId : undefined;
  const allowed = permitted(rule, exception, context, levelId);
  if (!allowed.ok) return allowed;
  const reason = reasonGiven(rule, exception, command.reason);
  if (!reason.ok) return reason;
  const outcome = outcomeOf(exception, command, context);
  if (!outcome.ok) return outcome;

  const { patch, details, approvalToRecord, approvalsToVoid } = outcome.value;
  const trimmedReason = command.reason?.trim();
  // Approving one level keeps the exception where it is; the stalled-approval clock runs per status.
  const statusClock = rule.action === 'approve' ? {} : { statusChangedAt: context.now };
  return ok({
    from: exception.status,
    to: rule.to,
    action: rule.action,
    patch: { status: rule.to, ...statusClock, ...patch },
    ...(approvalToRecord === undefined ? {} : { approvalToRecord }),
    approvalsToVoid: approvalsToVoid ?? [],
    event: {
      type: rule.event,
      issueKey: exception.key,
      actor: context.actor.accountId,
      at: context.now,
      ...(trimmedReason ? { reason: trimmedReason } : {}),
      contentHash: contentHash(exception),
      details,
    },
  });
};
