import { contentHash } from '../exception/content-hash';
import { STATUS_NAMES, isTerminal, type SecurityException } from '../exception/security-exception';
import { controlsRequired, type ApprovalLevel, type Policy } from '../policy/policy-config';
import { addCalendarDays, type IsoDate } from '../shared/dates';
import { ok, refuse, type Result } from '../shared/result';
import type { Actor, Approval } from './approval';
import { staleApprovals, type LevelStanding } from './approval-standing';
import type { RequiredLevels } from './required-levels';

/**
 * The approval rules, one function each. Every refusal names what blocks the person and what they can do
 * instead, because the message is shown verbatim by the workflow validator that blocked the transition.
 */

export type ApprovalAttempt = {
  readonly exception: SecurityException;
  readonly actor: Actor;
  readonly level: ApprovalLevel;
  readonly standings: readonly LevelStanding[];
};

const PASS = ok(true as const);

const describeApprover = (approval: Approval, policy: Policy): string =>
  `${approval.approver} (${policy.levels.find((l) => l.id === approval.levelId)?.name ?? approval.levelId})`;

const whereItStands = (exception: SecurityException): string => {
  if (exception.status === 'active') return 'It is already approved and active.';
  if (isTerminal(exception.status)) return 'It is closed; a new request or a renewal is needed.';
  return 'It reaches approval once it is submitted and its risk review is complete.';
};

export const mustAwaitApproval = (exception: SecurityException): Result<true, 'APPROVAL.NOT_AWAITING_APPROVAL'> =>
  exception.status === 'awaiting-approval'
    ? PASS
    : refuse(
        'APPROVAL.NOT_AWAITING_APPROVAL',
        `${exception.key} is ${STATUS_NAMES[exception.status]}, not ${STATUS_NAMES['awaiting-approval']}, so it cannot be approved now. ${whereItStands(exception)}`,
      );

export const noStaleApprovals = (
  exception: SecurityException,
  approvals: readonly Approval[],
  policy: Policy,
): Result<true, 'APPROVAL.STALE_APPROVALS'> => {
  const stale = staleApprovals(approvals, contentHash(exception));
  if (stale.length === 0) return PASS;
  return refuse(
    'APPROVAL.STALE_APPROVALS',
    `Risk-relevant content of ${exception.key} changed after ${stale.map((a) => describeApprover(a, policy)).join(', ')} approved, ` +
      'so those approvals are stale and no longer count: re-approval is needed from the first level. ' +
      'The register voids them when it processes the edit; approve again once it has.',
  );
};

/** The level being approved: the one named, or else the next one waiting. */
export const resolveLevel = (
  exception: SecurityException,
  required: RequiredLevels,
  standings: readonly LevelStanding[],
  levelId: string | undefined,
): Result<ApprovalLevel, 'APPROVAL.LEVEL_NOT_REQUIRED' | 'APPROVAL.NOTHING_PENDING'> => {
  if (levelId === undefined) {
    const pending = standings.find((s) => s.approval === null);
    return pending === undefined
      ? refuse('APPROVAL.NOTHING_PENDING', `All ${standings.length} required approval levels of ${exception.key} have approved; it is ready to be activated.`)
      : ok(pending.level);
  }
  const level = required.levels.find((l) => l.id === levelId);
  return level === undefined
    ? refuse(
        'APPROVAL.LEVEL_NOT_REQUIRED',
        `A ${exception.tier} exception such as ${exception.key} does not need "${levelId}" approval; it needs, in order: ${required.levels.map((l) => l.name).join(', ')}.`,
      )
    : ok(level);
};

export const earlierLevelsComplete = ({ exception, level, standings }: ApprovalAttempt): Result<true, 'APPROVAL.EARLIER_LEVEL_PENDING'> => {
  const index = standings.findIndex((s) => s.level.id === level.id);
  const pending = standings.slice(0, index).find((s) => s.approval === null)?.level;
  return pending === undefined
    ? PASS
    : refuse(
        'APPROVAL.EARLIER_LEVEL_PENDING',
        `${pending.name} approval (group ${pending.group}) must come before ${level.name} approval on ${exception.key}. ` +
          `Wait for a member of ${pending.group} to approve, then approve the ${level.name} level.`,
      );
};

export const levelNotYetApproved = ({ exception, level, standings }: ApprovalAttempt): Result<true, 'APPROVAL.LEVEL_ALREADY_APPROVED'> => {
  const given = standings.find((s) => s.level.id === level.id)?.approval;
  if (given === null || given === undefined) return PASS;
  const next = standings.find((s) => s.approval === null)?.level;
  return refuse(
    'APPROVAL.LEVEL_ALREADY_APPROVED',
    `${level.name} approval on ${exception.key} was already given by ${given.approver} on ${given.decidedAt.slice(0, 10)}. ` +
      (next === undefined ? 'Every level has approved; it is ready to be activated.' : `The level waiting now is ${next.name} (group ${next.group}).`),
  );
};

export const requesterNeverApproves = ({ exception, actor, level }: ApprovalAttempt): Result<true, 'APPROVAL.REQUESTER_CANNOT_APPROVE'> =>
  actor.accountId !== exception.requester
    ? PASS
    : refuse(
        'APPROVAL.REQUESTER_CANNOT_APPROVE',
        `You requested ${exception.key}, and a requester never approves their own exception. ` +
          `Ask another member of ${level.group} to give ${level.name} approval.`,
      );

export const actorInLevelGroup = ({ exception, actor, level }: ApprovalAttempt): Result<true, 'APPROVAL.NOT_IN_GROUP'> =>
  actor.groups.includes(level.group)
    ? PASS
    : refuse(
        'APPROVAL.NOT_IN_GROUP',
        `${level.name} approval on ${exception.key} is given by members of the Jira group "${level.group}", and you are not one. ` +
          `Ask a member of ${level.group} to approve, or a Jira administrator to add you if you hold this role.`,
      );

export const oneLevelPerPerson = ({ exception, actor, level, standings }: ApprovalAttempt): Result<true, 'APPROVAL.ALREADY_APPROVED_OTHER_LEVEL'> => {
  const other = standings.find((s) => s.approval?.approver === actor.accountId && s.level.id !== level.id)?.level;
  return other === undefined
    ? PASS
    : refuse(
        'APPROVAL.ALREADY_APPROVED_OTHER_LEVEL',
        `You already approved ${exception.key} at the ${other.name} level, and each level needs a different person. ` +
          `Ask another member of ${level.group} to give ${level.name} approval.`,
      );
};

/** Planned controls are theoretical: only controls already in force can justify accepting the risk. */
export const controlsInPlace = (exception: SecurityException, policy: Policy): Result<true, 'APPROVAL.CONTROLS_REQUIRED'> => {
  if (!controlsRequired(policy, exception.tier)) return PASS;
  const inForce = exception.compensatingControls.filter((c) => c.status === 'implemented' || c.status === 'verified');
  if (inForce.length > 0) return PASS;
  const planned = exception.compensatingControls.map((c) => `${c.id} (${c.type})`);
  return refuse(
    'APPROVAL.CONTROLS_REQUIRED',
    `A ${exception.tier} exception needs at least one documented compensating control that is implemented or verified; ` +
      `${exception.key} ${planned.length === 0 ? 'lists none' : `lists only planned ones: ${planned.join(', ')}`}. ` +
      'The requester must document a control in force, with evidence, before it can be approved.',
  );
};

export const expiryNotPassed = (exception: SecurityException, policy: Policy, today: IsoDate): Result<true, 'APPROVAL.EXPIRY_PASSED'> =>
  exception.requestedExpiry >= today
    ? PASS
    : refuse(
        'APPROVAL.EXPIRY_PASSED',
        `${exception.key} requests expiry on ${exception.requestedExpiry}, which has already passed (today is ${today} in ${policy.timeZone}). ` +
          'The requester must set a future expiry date before it can be approved.',
      );

export const latestAllowedExpiry = (policy: Policy, exception: Pick<SecurityException, 'tier'>, today: IsoDate): IsoDate =>
  addCalendarDays(today, policy.tiers[exception.tier].maxDurationDays);

export const expiryWithinTierMaximum = (exception: SecurityException, policy: Policy, today: IsoDate): Result<true, 'APPROVAL.EXPIRY_TOO_LONG'> => {
  const latest = latestAllowedExpiry(policy, exception, today);
  return exception.requestedExpiry <= latest
    ? PASS
    : refuse(
        'APPROVAL.EXPIRY_TOO_LONG',
        `A ${exception.tier} exception may last at most ${policy.tiers[exception.tier].maxDurationDays} days, so the latest expiry allowed from today ` +
          `(${today}) is ${latest}, but ${exception.key} requests ${exception.requestedExpiry}. ` +
          `The requester must shorten the requested expiry to ${latest} or earlier.`,
      );
};
