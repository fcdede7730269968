import type { ValidatorCheck } from '../../domain/provisioning/workflow-plan';
import type { Policy } from '../../domain/policy/policy-config';

/**
 * What a workflow validator answers. A refusal carries a stable code and the message Jira shows at the
 * transition screen. `retryable` marks the answers given because something could not be read: those never let
 * the transition through (a security register fails closed) and tell the person that trying again may work.
 */
export type TransitionVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: string; readonly message: string; readonly retryable: boolean };

export const ALLOWED: TransitionVerdict = { allowed: true };

export const refused = (error: { readonly code: string; readonly message: string }): TransitionVerdict => ({
  allowed: false,
  code: error.code,
  message: error.message,
  retryable: false,
});

/** Why a check could not be made: what could not be read. */
export type UnreadablePart = 'actor' | 'policy' | 'issue' | 'approvals' | 'active-counts' | 'groups' | 'configuration' | 'unexpected';

const CODES: Readonly<Record<UnreadablePart, string>> = {
  actor: 'VALIDATION.ACTOR_UNKNOWN',
  policy: 'VALIDATION.POLICY_UNREADABLE',
  issue: 'VALIDATION.ISSUE_UNREADABLE',
  approvals: 'VALIDATION.APPROVALS_UNREADABLE',
  'active-counts': 'VALIDATION.ACTIVE_COUNTS_UNREADABLE',
  groups: 'VALIDATION.GROUPS_UNREADABLE',
  configuration: 'VALIDATION.RULE_MISCONFIGURED',
  unexpected: 'VALIDATION.FAILED',
};

const WHAT: Readonly<Record<UnreadablePart, string>> = {
  actor: 'Jira did not say who is making the transition',
  policy: 'the register’s policy configuration could not be read',
  issue: 'the issue could not be read from Jira',
  approvals: 'the approvals recorded so far could not be read from the register',
  'active-counts': 'the number of exceptions already active could not be counted',
  groups: 'your Jira group memberships could not be looked up',
  configuration: 'this workflow rule has no valid configuration',
  unexpected: 'the register failed unexpectedly',
};

/** The check a validator instance makes, in the words of the person at the transition screen. */
export const checkName = (check: ValidatorCheck | null, policy?: Policy): string => {
  if (check === null) return 'security exception check';
  switch (check.check) {
    case 'submit':
      return 'intake check';
    case 'review':
      return 'risk review check';
    case 'approval': {
      const level = policy?.levels.find((candidate) => candidate.id === check.levelId);
      return level === undefined ? `approval check (level ${check.levelId})` : `${level.name} approval check`;
    }
    case 'activation':
      return 'activation check';
    case 'rejection':
      return 'rejection check';
    case 'withdrawal':
      return 'withdrawal check';
    case 'revocation':
      return 'revocation check';
    case 'remediation':
      return 'remediation check';
  }
};

/**
 * The fail-closed answer: the transition is blocked because the rule could not be checked, never because it was
 * broken. A misconfigured rule is for an administrator to fix; everything else may work on a second try.
 */
export const cannotCheck = (
  part: UnreadablePart,
  context: { readonly issueKey: string; readonly check: ValidatorCheck | null; readonly policy?: Policy; readonly detail?: string },
): TransitionVerdict => {
  const detail = context.detail === undefined || context.detail.trim() === '' ? '' : ` (${context.detail.trim()})`;
  const next =
    part === 'configuration'
      ? 'Ask a Jira administrator to configure the Security Exception Register rule on this transition in the workflow editor.'
      : 'Nothing was changed: try the transition again in a minute. If it keeps failing, tell your Jira administrator.';
  return {
    allowed: false,
    code: CODES[part],
    message: `The ${checkName(context.check, context.policy)} of ${context.issueKey} could not be performed: ${WHAT[part]}${detail}, so the transition is blocked. ${next}`,
    retryable: part !== 'configuration',
  };
};
