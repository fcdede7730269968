import { STATUS_NAMES, isTerminal, type SecurityException } from '../exception/security-exception';
import { ok, refuse, type Result } from '../shared/result';
import { ACTION_SPECS } from './action-outcomes';
import { authorize } from './actor-roles';
import type { LifecycleErrorCode, TransitionContext } from './lifecycle-types';
import { TRANSITIONS, actionsFrom, type TransitionRule } from './transition-table';

const fromAllowedStatus = (rule: TransitionRule, exception: SecurityException): Result<true, LifecycleErrorCode> => {
  if (rule.from.includes(exception.status)) return ok(true);
  const current = STATUS_NAMES[exception.status];
  // Only what a person can do is worth suggesting; the register's own steps are not theirs to take.
  const possible = actionsFrom(exception.status).filter((action) => TRANSITIONS[action].performedBy.some((role) => role !== 'system'));
  return refuse(
    'LIFECYCLE.NOT_ALLOWED_FROM_STATUS',
    `${exception.key} is ${current}; "${rule.action}" is only possible from ${rule.from.map((s) => STATUS_NAMES[s]).join(' or ')}. ` +
      (isTerminal(exception.status) || possible.length === 0
        ? 'It is closed: raise a new exception or a renewal instead.'
        : `From ${current} people can: ${possible.join(', ')}.`),
  );
};

export const reasonGiven = (rule: TransitionRule, exception: SecurityException, reason: string | undefined): Result<true, LifecycleErrorCode> =>
  rule.reason === 'optional' || (reason !== undefined && reason.trim() !== '')
    ? ok(true)
    : refuse(
        'LIFECYCLE.REASON_REQUIRED',
        `A reason is required to ${rule.verb} ${exception.key}: it goes into the audit trail and is shown to the requester. Add a reason and try again.`,
      );

/** The checks every action shares, in the order a person can act on them: status, who, readiness. */
export const permitted = (
  rule: TransitionRule,
  exception: SecurityException,
  context: TransitionContext,
  levelId: string | undefined,
): Result<true, LifecycleErrorCode> => {
  const status = fromAllowedStatus(rule, exception);
  if (!status.ok) return status;
  const who = authorize(rule, exception, levelId === undefined ? context : { ...context, levelId });
  if (!who.ok) return who;
  const ready = ACTION_SPECS[rule.action].ready?.(exception, context);
  return ready === undefined || ready.ok ? ok(true) : ready;
};
