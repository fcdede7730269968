import type { ActiveExceptionCounts } from '../../domain/approval/concurrency-limits';
import { STATUS_NAMES } from '../../domain/exception/security-exception';
import { TRANSITIONS } from '../../domain/lifecycle/transition-table';
import type { Policy } from '../../domain/policy/policy-config';
import { preflight, type PreflightProblem } from '../../domain/preflight/preflight';
import { ALLOWED, cannotCheck, type TransitionVerdict } from '../approvals/transition-verdict';
import { isStorageError } from '../ports/storage-error';
import type { ExceptionIssue } from '../projection/exception-issue';
import { readExceptionRequest } from '../projection/read-exception-issue';
import { activeCountsFor, type ActiveCountSource } from './active-counts';
import { fieldLabelOf } from './field-labels';

/**
 * The Submit transition's rule: the requester submits their own request, and only once the pre-flight they saw
 * while writing it finds nothing to fix. Every problem is listed at once, so one round of edits is enough; a kind
 * that is not handled as an exception at all is refused with what to do instead, and nothing else.
 */

export type SubmissionCheck = {
  readonly issue: ExceptionIssue;
  /** Who is submitting. */
  readonly actor: string;
  readonly policy: Policy;
  /** ISO instant of the transition. */
  readonly now: string;
  readonly counts: ActiveCountSource;
};

type Problem = Pick<PreflightProblem, 'path' | 'code' | 'message'>;

const numbered = (problems: readonly Problem[]): string =>
  problems.map((problem, index) => `(${index + 1}) ${fieldLabelOf(problem.path)}: ${problem.message}`).join(' ');

const requesterOnly = (issue: ExceptionIssue, actor: string): TransitionVerdict | null => {
  if (issue.reporterAccountId !== undefined && issue.reporterAccountId === actor) return null;
  const rule = TRANSITIONS.submit;
  const who = issue.reporterAccountId === undefined ? 'the requester' : `the requester (${issue.reporterAccountId})`;
  return { allowed: false, code: rule.deniedCode, message: `Only ${who} may ${rule.verb} ${issue.key}. ${rule.instead}`, retryable: false };
};

export const checkSubmission = async (input: SubmissionCheck): Promise<TransitionVerdict> => {
  const { issue, actor, policy, now } = input;
  const notRequester = requesterOnly(issue, actor);
  if (notRequester !== null) return notRequester;

  const { request, problems: unreadable } = readExceptionRequest(issue);
  let activeCounts: ActiveExceptionCounts;
  try {
    activeCounts = await activeCountsFor(input.counts, { ...request, issueKey: issue.key });
  } catch (error) {
    return cannotCheck('active-counts', { issueKey: issue.key, check: { check: 'submit' }, policy, detail: isStorageError(error) ? error.code : undefined });
  }
  const checked = preflight(request, policy, new Date(now), { activeCounts });

  const notEligible = checked.problems.find((problem) => problem.code === 'PREFLIGHT.KIND_NOT_ELIGIBLE');
  if (notEligible !== undefined) {
    return {
      allowed: false,
      code: 'INTAKE.KIND_NOT_ELIGIBLE',
      message: `${issue.key} cannot be submitted as a security exception. ${notEligible.message} Withdraw this request once that is done.`,
      retryable: false,
    };
  }
  const problems: Problem[] = [...unreadable.map((problem) => ({ ...problem, code: 'INTAKE.FIELD_UNREADABLE' })), ...checked.problems];
  if (problems.length === 0) return ALLOWED;
  return {
    allowed: false,
    code: 'INTAKE.NOT_READY',
    message:
      `${issue.key} cannot be submitted yet: ${problems.length === 1 ? 'one thing needs' : `${problems.length} things need`} fixing first. ` +
      `${numbered(problems)} Fix ${problems.length === 1 ? 'it' : 'them'} on the issue while it is ${STATUS_NAMES.draft}, then submit again.`,
    retryable: false,
  };
};
