import type { Actor, Approval } from '../../domain/approval/approval';
import { evaluatePeerReview } from '../../domain/approval/peer-review';
import type { SecurityException } from '../../domain/exception/security-exception';
import { decideTransition } from '../../domain/lifecycle/decide-transition';
import type { TransitionContext } from '../../domain/lifecycle/lifecycle-types';
import type { Policy } from '../../domain/policy/policy-config';
import type { ValidatorCheck } from '../../domain/provisioning/workflow-plan';
import type { Result } from '../../domain/shared/result';
import type { ActiveCountSource } from '../intake/active-counts';
import { checkSubmission } from '../intake/check-submission';
import { checkWithdrawal } from '../intake/check-withdrawal';
import type { ApprovalRepository } from '../ports/approval-repository';
import { isStorageError } from '../ports/storage-error';
import type { ExceptionIssueReader, GroupDirectory } from '../projection/projection-ports';
import { describeProblems, readExceptionIssue } from '../projection/read-exception-issue';
import { asReviewedBy } from './acting-reviewer';
import { activationQueryOf, type ActivationEvidence, type ActivationEvidenceSource } from './activation-ports';
import type { PolicySource } from './policy-source';
import { ALLOWED, cannotCheck, checkName, refused, type TransitionVerdict } from './transition-verdict';

/**
 * What a workflow validator decides, for every check the workflow configures. The domain's transition rules decide;
 * this use case only gathers what they need, and as little of it as the check needs: one read of the issue, at most one
 * SQL query (the approvals recorded so far; on Submit the active counts; on activation both at once; none to revoke or
 * mark remediated) and the acting person's groups (one lookup, cached by the caller). It writes nothing. Whatever cannot be read blocks the transition with a message saying so (fail closed).
 */

export type TransitionCheckDeps = {
  readonly issues: Pick<ExceptionIssueReader, 'get'>;
  readonly approvals: Pick<ApprovalRepository, 'forIssue'>;
  readonly counts: ActiveCountSource;
  readonly activation: ActivationEvidenceSource;
  readonly groups: GroupDirectory;
  readonly policy: PolicySource;
};

export type TransitionCheckRequest = {
  readonly issueKey: string;
  readonly check: ValidatorCheck;
  /** The person making the transition, as the platform names them; undefined when it did not. */
  readonly actor: string | undefined;
  /** ISO instant of the transition. */
  readonly now: string;
  /** Text of a comment entered on the transition screen: the reason a rejection or a revocation needs. */
  readonly comment?: string;
};

const MAX_DETAIL = 300;
const clip = (text: string): string => (text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text);

/** An invalid stored policy is for an administrator to correct; its problems are listed where they edit it, not here. */
const policyProblem = (error: { readonly code: string; readonly message: string }): string =>
  error.code === 'POLICY.INVALID' ? 'the stored configuration is invalid and a register administrator must correct it' : clip(error.message);

const verdictOf = (result: Result<unknown>): TransitionVerdict => (result.ok ? ALLOWED : refused(result.error));

type Judged = { readonly exception: SecurityException; readonly actor: Actor; readonly policy: Policy };

const storageDetail = (error: unknown): string | undefined => (isStorageError(error) ? error.code : undefined);

const reviewVerdict = ({ exception, actor, policy }: Judged, now: string): TransitionVerdict =>
  exception.status === 'risk-review'
    ? verdictOf(evaluatePeerReview(exception, actor, policy))
    : verdictOf(decideTransition(exception, { action: 'start-review' }, { actor, now, policy, approvals: [] }));

const decisionVerdict = (
  { exception, actor, policy }: Judged,
  request: TransitionCheckRequest & { readonly check: Extract<ValidatorCheck, { check: 'approval' | 'rejection' }> },
  approvals: readonly Approval[],
): TransitionVerdict => {
  const context: TransitionContext = { actor, now: request.now, policy, approvals };
  switch (request.check.check) {
    case 'approval':
      return verdictOf(decideTransition(exception, { action: 'approve', levelId: request.check.levelId }, context));
    case 'rejection':
      return verdictOf(
        decideTransition(asReviewedBy(exception, actor, policy), { action: 'reject', ...(request.comment === undefined ? {} : { reason: request.comment }) }, context),
      );
  }
};

/**
 * Revoking and marking remediated end an active exception. Who may, and that a revocation says why, is the
 * domain's rule; neither rule looks at the approvals, so the register is not read.
 */
const closingVerdict = (
  { exception, actor, policy }: Judged,
  request: TransitionCheckRequest & { readonly check: Extract<ValidatorCheck, { check: 'revocation' | 'remediation' }> },
): TransitionVerdict => {
  const context: TransitionContext = { actor, now: request.now, policy, approvals: [] };
  const action = request.check.check === 'revocation' ? 'revoke' : 'remediate';
  return verdictOf(decideTransition(exception, { action, ...(request.comment === undefined ? {} : { reason: request.comment }) }, context));
};

/**
 * The quorum and the concurrency limits, from one read of the register. A failed read blocks the transition as an
 * unreadable approvals read: that is what the person was told before both were read together.
 */
const activationVerdict = async (deps: TransitionCheckDeps, { exception, actor, policy }: Judged, request: TransitionCheckRequest): Promise<TransitionVerdict> => {
  let evidence: ActivationEvidence;
  try {
    evidence = await deps.activation.activationEvidence(activationQueryOf(request.issueKey, exception));
  } catch (error) {
    return cannotCheck('approvals', { issueKey: request.issueKey, check: request.check, policy, detail: storageDetail(error) });
  }
  const context: TransitionContext = { actor, now: request.now, policy, approvals: evidence.approvals };
  return verdictOf(decideTransition(exception, { action: 'activate', active: evidence.active }, context));
};

export const checkTransition = async (deps: TransitionCheckDeps, request: TransitionCheckRequest): Promise<TransitionVerdict> => {
  const { issueKey, check, actor, now } = request;
  if (actor === undefined) return cannotCheck('actor', { issueKey, check });
  const policy = await deps.policy.current();
  if (!policy.ok) return cannotCheck('policy', { issueKey, check, detail: policyProblem(policy.error) });
  const about = { issueKey, check, policy: policy.value };

  const lookup = await deps.issues.get(issueKey);
  if (lookup.kind === 'failed') return cannotCheck('issue', { ...about, detail: `Jira answered ${lookup.failure.code}` });
  if (lookup.kind === 'gone') return cannotCheck('issue', { ...about, detail: 'Jira did not find it' });
  const { issue } = lookup;

  if (check.check === 'submit') return checkSubmission({ issue, actor, policy: policy.value, now, counts: deps.counts });
  if (check.check === 'withdrawal') return checkWithdrawal(issue, actor);

  const reading = readExceptionIssue(issue, policy.value, null);
  if (reading.kind === 'incomplete') {
    return refused({
      code: 'VALIDATION.EXCEPTION_INCOMPLETE',
      message:
        `${issueKey} cannot be read as a complete security exception, so the ${checkName(check, policy.value)} cannot pass: ` +
        `${describeProblems(reading.problems)}. Correct these fields on the issue, then try again.`,
    });
  }
  const groups = await deps.groups.groupsOf(actor);
  if (!groups.ok) return cannotCheck('groups', { ...about, detail: `Jira answered ${groups.error.code}` });
  const judged: Judged = { exception: reading.exception, actor: { accountId: actor, groups: groups.value }, policy: policy.value };
  if (check.check === 'review') return reviewVerdict(judged, now);
  if (check.check === 'activation') return activationVerdict(deps, judged, request);
  if (check.check === 'revocation' || check.check === 'remediation') return closingVerdict(judged, { ...request, check });

  let approvals: Approval[];
  try {
    approvals = await deps.approvals.forIssue(issueKey);
  } catch (error) {
    return cannotCheck('approvals', { ...about, detail: storageDetail(error) });
  }
  return decisionVerdict(judged, { ...request, check }, approvals);
};
