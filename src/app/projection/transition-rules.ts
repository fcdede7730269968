import { activationReadiness } from '../../domain/approval/activation-readiness';
import type { Approval } from '../../domain/approval/approval';
import { evaluatePeerReview } from '../../domain/approval/peer-review';
import { STATUS_NAMES, type ExceptionRequest, type Status } from '../../domain/exception/security-exception';
import { TRANSITIONS } from '../../domain/lifecycle/transition-table';
import type { Policy } from '../../domain/policy/policy-config';
import { preflight } from '../../domain/preflight/preflight';
import { describeProblems, type IssueReading } from './read-exception-issue';

/**
 * Workflow validators are Preview, run only in company-managed projects, and an administrator can remove them
 * from a workflow, so the register re-checks every status change into a guarded status after the fact. These
 * functions decide, from the changelog and the issue as it is now, which rule a transition bypassed.
 */

export type BypassCode = 'BYPASS.SUBMISSION_RULES' | 'BYPASS.REVIEW_RULES' | 'BYPASS.ACTIVATION_RULES';

export type BypassedRule = {
  readonly code: BypassCode;
  /** The refusal the rule would have given at the transition: `APPROVAL.QUORUM_INCOMPLETE`, ... */
  readonly ruleCode: string;
  /** The rule in a few words, for the comment's first line. */
  readonly rule: string;
  readonly message: string;
  /** What whoever reads the flag should do about it. */
  readonly remedy: string;
};

export type GuardedStatus = 'submitted' | 'awaiting-approval' | 'active';

export const isGuardedStatus = (status: Status | undefined): status is GuardedStatus =>
  status === 'submitted' || status === 'awaiting-approval' || status === 'active';

/** Statuses the lifecycle table lets an exception reach `to` from, whoever acts. */
export const allowedFrom = (to: Status): Status[] => [
  ...new Set(Object.values(TRANSITIONS).flatMap((rule) => (rule.to === to ? rule.from : []))),
];

export type TransitionCheckInput = {
  readonly issueKey: string;
  readonly from: Status | undefined;
  readonly fromName: string | undefined;
  readonly to: GuardedStatus;
  /** The issue as it is now; its request is what pre-flight judges. */
  readonly request: ExceptionRequest;
  readonly reading: IssueReading;
  readonly approvals: readonly Approval[];
  /** Who moved the issue, with their Jira groups; null when the event named nobody. */
  readonly actor: { readonly accountId: string; readonly groups: readonly string[] } | null;
  readonly policy: Policy;
  /** ISO instant of the transition. */
  readonly at: string;
};

const RULES: Readonly<Record<GuardedStatus, { code: BypassCode; rule: string; remedy: string }>> = {
  submitted: {
    code: 'BYPASS.SUBMISSION_RULES',
    rule: 'a request is submitted only when it is complete (intake pre-flight)',
    remedy: 'Move it back to Draft so the requester can complete it, then submit it again through the workflow.',
  },
  'awaiting-approval': {
    code: 'BYPASS.REVIEW_RULES',
    rule: 'a request reaches approval only after an independent peer review of its risk assessment',
    remedy: 'Move it back to Risk Review so an independent member of the peer review group completes the review.',
  },
  active: {
    code: 'BYPASS.ACTIVATION_RULES',
    rule: 'an exception comes into force only with every required approval of its current content',
    remedy: 'A security lead should move it back to Awaiting Approval until every level has approved, or revoke it.',
  },
};

const bypass = (to: GuardedStatus, ruleCode: string, message: string): BypassedRule => ({ ...RULES[to], ruleCode, message });

const fromNotAllowed = (input: TransitionCheckInput): BypassedRule | null => {
  if (input.from !== undefined && allowedFrom(input.to).includes(input.from)) return null;
  const allowed = allowedFrom(input.to).map((status) => STATUS_NAMES[status]);
  return bypass(
    input.to,
    'LIFECYCLE.NOT_ALLOWED_FROM_STATUS',
    `${input.issueKey} moved from ${input.fromName ?? 'an unknown status'} to ${STATUS_NAMES[input.to]}, which the lifecycle only ` +
      `allows from ${allowed.join(' or ')}.`,
  );
};

const unreadable = (input: TransitionCheckInput, reading: Extract<IssueReading, { kind: 'incomplete' }>): BypassedRule =>
  bypass(
    input.to,
    'REGISTER.EXCEPTION_UNREADABLE',
    `${input.issueKey} cannot be read as a complete exception (${describeProblems(reading.problems)}), so the workflow rule ` +
      'would have refused the transition.',
  );

const submissionBypass = (input: TransitionCheckInput): BypassedRule | null => {
  const checked = preflight(input.request, input.policy, new Date(input.at));
  if (checked.ready) return null;
  const problems = checked.problems.map((problem) => ({ path: problem.path, message: problem.message }));
  return bypass(
    'submitted',
    checked.problems[0]?.code ?? 'PREFLIGHT.NOT_READY',
    `${input.issueKey} was submitted incomplete: ${describeProblems(problems)}`,
  );
};

const reviewBypass = (input: TransitionCheckInput): BypassedRule | null => {
  // Only completing a review needs a reviewer; the register's own re-rating moves active exceptions back here too.
  if (input.from !== 'risk-review') return null;
  if (input.reading.kind === 'incomplete') return unreadable(input, input.reading);
  if (input.actor === null) {
    return bypass('awaiting-approval', 'APPROVAL.REVIEWER_UNKNOWN', `Jira did not say who completed the risk review of ${input.issueKey}.`);
  }
  const review = evaluatePeerReview(input.reading.exception, input.actor, input.policy);
  return review.ok ? null : bypass('awaiting-approval', review.error.code, review.error.message);
};

const activationBypass = (input: TransitionCheckInput): BypassedRule | null => {
  if (input.reading.kind === 'incomplete') return unreadable(input, input.reading);
  const ready = activationReadiness(input.reading.exception, input.approvals, input.policy, input.at);
  return ready.ok ? null : bypass('active', ready.error.code, ready.error.message);
};

/** The rule a status change into a guarded status broke, or null when the rules pass on re-check. */
export const bypassedRule = (input: TransitionCheckInput): BypassedRule | null => {
  const wrongOrigin = fromNotAllowed(input);
  if (wrongOrigin !== null) return wrongOrigin;
  switch (input.to) {
    case 'submitted':
      return submissionBypass(input);
    case 'awaiting-approval':
      return reviewBypass(input);
    case 'active':
      return activationBypass(input);
  }
};
