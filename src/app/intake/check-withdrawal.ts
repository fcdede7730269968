import { TRANSITIONS } from '../../domain/lifecycle/transition-table';
import { ALLOWED, type TransitionVerdict } from '../approvals/transition-verdict';
import type { ExceptionIssue } from '../projection/exception-issue';

/**
 * Withdrawing is the requester's decision alone: anyone else who wants the request stopped rejects it, with a
 * reason, as an approver. The issue's reporter is the requester, as the register reads every exception.
 */
export const checkWithdrawal = (issue: ExceptionIssue, actor: string): TransitionVerdict => {
  if (issue.reporterAccountId !== undefined && issue.reporterAccountId === actor) return ALLOWED;
  const rule = TRANSITIONS.withdraw;
  const who = issue.reporterAccountId === undefined ? 'the requester' : `the requester (${issue.reporterAccountId})`;
  return { allowed: false, code: rule.deniedCode, message: `Only ${who} may ${rule.verb} ${issue.key}. ${rule.instead}`, retryable: false };
};
