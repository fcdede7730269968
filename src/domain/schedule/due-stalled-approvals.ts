import { isInApproval, STATUS_NAMES, type SecurityException } from '../exception/security-exception';
import type { ApprovalLevel, Policy } from '../policy/policy-config';
import { daysBetween, type IsoDate } from '../shared/dates';
import { dayOfInstant, sortByIssueKey, type StallStage, type StalledApprovalAction } from './due-action';

/** The step an in-approval exception waits on, as the approval rules computed it. */
export type PendingStep = {
  readonly levelId: string;
  /** When the step started: the later of entering the status and the last recorded decision. */
  readonly waitingSince: string;
};

export type DueStalledApprovalsInput = {
  readonly exceptions: readonly SecurityException[];
  /** Exceptions without an entry wait on nobody the policy names and are left alone. */
  readonly pendingByIssue: ReadonlyMap<string, PendingStep>;
  readonly now: string;
  readonly policy: Policy;
};

export function dueStalledApprovals({ exceptions, pendingByIssue, now, policy }: DueStalledApprovalsInput): StalledApprovalAction[] {
  const actions: StalledApprovalAction[] = [];
  for (const exception of exceptions) {
    const pending = pendingByIssue.get(exception.key);
    if (pending !== undefined) actions.push(...stalledApprovalActions(exception, pending, now, policy));
  }
  return sortByIssueKey(actions);
}

/**
 * The stages due for one waiting step, in the order they escalate. Once the timeout is due the earlier
 * stages are dropped: reminding anyone about a request that is being rejected only confuses them.
 */
export function stalledApprovalActions(
  exception: SecurityException,
  pending: PendingStep,
  now: string,
  policy: Policy,
): StalledApprovalAction[] {
  if (!isInApproval(exception.status)) return [];
  const waitingFrom = dayOfInstant(pending.waitingSince, policy.timeZone);
  const waitingDays = daysBetween(waitingFrom, dayOfInstant(now, policy.timeZone));
  const stages = dueStallStages(waitingDays, policy);
  if (stages.length === 0) return [];
  const level = pendingLevel(pending.levelId, policy);
  const stepId = `${exception.status}/${level.id}/${new Date(pending.waitingSince).toISOString()}`;
  const base = {
    type: 'stalled-approval',
    issueKey: exception.key,
    stepId,
    status: exception.status,
    levelId: level.id,
    waitingSince: pending.waitingSince,
    waitingDays,
  } as const;
  return stages.map((stage): StalledApprovalAction => {
    const key = `stall:${exception.key}:${stepId}:${stage}`;
    switch (stage) {
      case 'remind':
        return { ...base, key, stage, notifyGroup: level.group };
      case 'escalate':
        return { ...base, key, stage, notifyGroup: policy.approvalTimeouts.escalationGroup };
      case 'timeout':
        return { ...base, key, stage, reason: timeoutReason(exception, level, waitingFrom, policy) };
    }
  });
}

/** Stages whose waiting period has elapsed after `waitingDays` calendar days. */
export function dueStallStages(waitingDays: number, policy: Policy): StallStage[] {
  const { remindAfterDays, escalateAfterDays, autoRejectAfterDays } = policy.approvalTimeouts;
  if (waitingDays >= autoRejectAfterDays) return ['timeout'];
  const stages: StallStage[] = [];
  if (waitingDays >= remindAfterDays) stages.push('remind');
  if (waitingDays >= escalateAfterDays) stages.push('escalate');
  return stages;
}

// The caller computes the pending level from this same policy, so an unknown id means inconsistent inputs.
const pendingLevel = (levelId: string, policy: Policy): ApprovalLevel => {
  const level = policy.levels.find((candidate) => candidate.id === levelId);
  if (level === undefined) throw new Error(`pending level "${levelId}" is not in the policy`);
  return level;
};

const timeoutReason = (exception: SecurityException, level: ApprovalLevel, waitingFrom: IsoDate, policy: Policy): string =>
  `Timed out: no decision from the ${level.name} (group "${level.group}") while in ${STATUS_NAMES[exception.status]} ` +
  `since ${waitingFrom}; the policy rejects requests left waiting ${policy.approvalTimeouts.autoRejectAfterDays} days. ` +
  `Raise it again if the exception is still needed.`;
