import type { Actor } from '../../domain/approval/approval';
import { policyDay } from '../../domain/approval/policy-day';
import { STATUS_NAMES } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import { reviewDueBy } from '../../domain/schedule/due-reviews';
import { firstDayOfNextQuarter, quarterOf, type IsoDate } from '../../domain/shared/dates';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type { AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { ExceptionReader } from '../jobs/job-ports';
import { auditOnce } from '../jobs/once';
import type { NotificationLedger } from '../ports/notification-ledger';
import type { RegisterRepository } from '../ports/register-repository';
import type { RecordedReviewAttestation, ReviewAttestationRepository } from '../ports/review-attestation-repository';
import { updateEntry } from '../projection/update-entry';

export type ReviewDeps = {
  readonly policy: Policy;
  readonly now: () => string;
  readonly register: RegisterRepository;
  readonly attestations: ReviewAttestationRepository;
  readonly exceptions: ExceptionReader;
  readonly ledger: NotificationLedger;
  readonly audit: AppendAuditEntryDeps;
};

export type AttestationAnswers = {
  readonly stillValid: boolean;
  readonly stillNecessary: boolean;
  readonly controlsInPlace: boolean;
  readonly note?: string;
};

export type AttestReviewRequest = AttestationAnswers & {
  readonly issueKey: string;
  readonly quarter: string;
  readonly reviewer: Actor;
};

export type AttestReviewCode =
  | 'REVIEW.NOT_PERMITTED'
  | 'REVIEW.NOT_FOUND'
  | 'REVIEW.NOT_ACTIVE'
  | 'REVIEW.WRONG_QUARTER'
  | 'REVIEW.NOTE_REQUIRED'
  | 'REVIEW.JIRA_FAILED';

export type AttestReviewResult = {
  /** `already-recorded` when someone attested this quarter first: `attestation` is theirs. */
  readonly recorded: 'recorded' | 'already-recorded';
  readonly attestation: RecordedReviewAttestation;
  readonly nextReviewDue: IsoDate;
};

/** Any "no" means the exception should not stay in force: a security lead revokes it next. */
export const attestationOutcome = (answers: AttestationAnswers): RecordedReviewAttestation['outcome'] =>
  answers.stillValid && answers.stillNecessary && answers.controlsInPlace ? 'still-required' : 'revoke';

const moveNextReview = async (register: RegisterRepository, issueKey: string, nextReviewDue: IsoDate): Promise<void> => {
  await updateEntry(
    register,
    issueKey,
    ({ version: _version, ...entry }) => (entry.nextReviewDue === nextReviewDue ? undefined : { ...entry, nextReviewDue }),
    `moving the next review of ${issueKey}`,
  );
};

/**
 * A security lead's quarterly review of one active exception (SEC-PROC-009 step 4): still valid, still necessary,
 * controls still in place. Steps: check who and what; record the attestation (the first one of the quarter stands);
 * audit it once; move the exception's next review to next quarter, which takes it off the review queue and the
 * overdue job. A "no" answer needs a note and records the outcome `revoke`, for a security lead to act on.
 */
export const attestReview = async (deps: ReviewDeps, request: AttestReviewRequest): Promise<Result<AttestReviewResult, AttestReviewCode>> => {
  const { policy } = deps;
  if (!request.reviewer.groups.includes(policy.review.group)) {
    return refuse('REVIEW.NOT_PERMITTED', `Quarterly reviews are attested by members of "${policy.review.group}"; ask one of them to review ${request.issueKey}.`);
  }
  const now = deps.now();
  const today = policyDay(now, policy);
  const quarter = quarterOf(today);
  if (request.quarter !== quarter) {
    return refuse('REVIEW.WRONG_QUARTER', `Reviews are attested for the current quarter, ${quarter}, not ${request.quarter}: attest ${quarter} instead.`);
  }
  const outcome = attestationOutcome(request);
  const note = request.note?.trim() ?? '';
  if (outcome === 'revoke' && note === '') {
    return refuse('REVIEW.NOTE_REQUIRED', `Say what the review of ${request.issueKey} found: a note is required when any answer is no, so the revocation that follows is explained.`);
  }
  const entry = await deps.register.get(request.issueKey);
  if (entry === null) return refuse('REVIEW.NOT_FOUND', `${request.issueKey} is not a security exception in the register.`);
  if (entry.status !== 'active') {
    return refuse('REVIEW.NOT_ACTIVE', `${request.issueKey} is ${STATUS_NAMES[entry.status]}: only active exceptions are reviewed each quarter.`);
  }
  const reads = await deps.exceptions.read([entry]);
  if (!reads.ok) return refuse('REVIEW.JIRA_FAILED', `Could not read ${request.issueKey} from Jira: ${reads.error.message}`);
  const read = reads.value.get(entry.issueKey);
  if (read?.kind !== 'exception' || read.exception.status !== 'active') {
    return refuse('REVIEW.NOT_ACTIVE', `Jira does not hold ${request.issueKey} as an active exception; reload it.`);
  }

  const attestation: RecordedReviewAttestation = {
    issueKey: request.issueKey,
    quarter,
    reviewer: request.reviewer.accountId,
    attestedAt: now,
    outcome,
    ...(note === '' ? {} : { note }),
  };
  const recorded = await deps.attestations.attest(attestation);
  const standing = (await deps.attestations.forIssue(request.issueKey)).find((candidate) => candidate.quarter === quarter) ?? attestation;
  await auditOnce(deps, `audit:review:${request.issueKey}:${quarter}`, {
    at: standing.attestedAt,
    actor: standing.reviewer,
    action: 'exception.review-attested',
    issueKey: request.issueKey,
    payload: {
      quarter,
      outcome: standing.outcome,
      note: standing.note ?? null,
      ...(recorded === 'recorded' ? { stillValid: request.stillValid, stillNecessary: request.stillNecessary, controlsInPlace: request.controlsInPlace } : {}),
      contentHash: entry.contentHash,
    },
  });
  const nextReviewDue = reviewDueBy(read.exception, firstDayOfNextQuarter(today), policy);
  await moveNextReview(deps.register, request.issueKey, nextReviewDue);
  return ok({ recorded, attestation: standing, nextReviewDue });
};
