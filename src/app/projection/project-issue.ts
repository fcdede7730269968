import type { Approval } from '../../domain/approval/approval';
import type { Policy } from '../../domain/policy/policy-config';
import type { ApprovalRepository } from '../ports/approval-repository';
import type { RegisterEntry, RegisterRepository, StoredRegisterEntry } from '../ports/register-repository';
import type { ReviewAttestationRepository } from '../ports/review-attestation-repository';
import type { AuditOnceDeps } from './audit-once';
import { computedFieldValues } from './computed-fields';
import { isExceptionIssueType, type ExceptionIssue } from './exception-issue';
import { forgetIssue } from './forget-issue';
import { isTransient, type ComputedFieldWriter, type ExceptionIssueReader } from './projection-ports';
import { describeProblems, readExceptionIssue, type IssueReading } from './read-exception-issue';
import { registerEntryOf, sameEntry } from './register-entry';
import { syncComputedFields, type FieldSync } from './sync-computed-fields';

export type ProjectionDeps = AuditOnceDeps & {
  readonly issues: ExceptionIssueReader;
  readonly register: RegisterRepository;
  readonly approvals: ApprovalRepository;
  readonly attestations: ReviewAttestationRepository;
  readonly policy: Policy;
  readonly computedFields: ComputedFieldWriter;
};

export type WriteOutcome = 'inserted' | 'updated' | 'stale' | 'unchanged';

export type ProjectionResult =
  | {
      readonly kind: 'projected';
      readonly outcome: WriteOutcome;
      readonly entry: RegisterEntry;
      /** The issue's computed fields; absent for a stale entry, whose newer projection keeps them in step. */
      readonly fields?: FieldSync;
    }
  /** The issue is gone or no longer an exception issue; `removed` says whether the register held it. */
  | { readonly kind: 'forgotten'; readonly removed: boolean; readonly reason: string }
  /** A draft still being written: not in the register until it can be read completely. */
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string; readonly retryable: boolean; readonly retryAfterMs?: number };

/** What was read from Jira, for the checks that follow a projection (bypassed transitions). */
export type ProjectionSubject = {
  readonly issue: ExceptionIssue;
  readonly reading: IssueReading;
  readonly approvals: readonly Approval[];
};

export type Projection = { readonly result: ProjectionResult; readonly subject?: ProjectionSubject };

/** A projection of an issue Jira returned: it was read, so it cannot have been forgotten. */
export type FoundProjection = {
  readonly result: Exclude<ProjectionResult, { readonly kind: 'forgotten' }>;
  readonly subject: ProjectionSubject;
};

/**
 * How a computed entry reaches the store. The register never rolls back: an entry read from an older state of
 * the issue than the stored one is stale. An entry from the same state of the issue that still differs (the
 * approvals or attestations changed, or the row drifted) replaces the row, guarded by the version it read, so a
 * concurrent writer with a newer issue wins.
 */
export const writeEntry = async (
  register: RegisterRepository,
  entry: RegisterEntry,
  prior: StoredRegisterEntry | null,
): Promise<WriteOutcome | 'conflict'> => {
  if (prior !== null && sameEntry(prior, entry)) return 'unchanged';
  const outcome = await register.project(entry);
  if (outcome !== 'stale' || prior === null || Date.parse(entry.jiraUpdatedAt) < Date.parse(prior.jiraUpdatedAt)) return outcome;
  const saved = await register.save(entry, prior.version);
  return saved.ok ? 'updated' : 'conflict';
};

const attestedQuarters = async (deps: ProjectionDeps, issueKey: string): Promise<Set<string>> =>
  new Set((await deps.attestations.forIssue(issueKey)).map((attestation) => attestation.quarter));

/** Projects an issue Jira returned: reads it, rates it, writes its register entry and then its computed fields. */
export const projectFoundIssue = async (
  deps: ProjectionDeps,
  issue: ExceptionIssue,
  now: string,
): Promise<FoundProjection> => {
  const prior = await deps.register.get(issue.key);
  const reading = readExceptionIssue(issue, deps.policy, prior);
  const approvals = await deps.approvals.forIssue(issue.key);
  const subject = { issue, reading, approvals };
  if (reading.kind === 'incomplete') {
    const reason = describeProblems(reading.problems);
    return reading.status === 'draft'
      ? { result: { kind: 'skipped', reason: `draft not complete yet: ${reason}` }, subject }
      : { result: { kind: 'failed', reason: `cannot be read as an exception: ${reason}`, retryable: false }, subject };
  }
  const entry = registerEntryOf({
    projectKey: issue.project.key,
    exception: reading.exception,
    risk: reading.risk,
    jiraUpdatedAt: reading.jiraUpdatedAt,
    approvals,
    attestedQuarters: await attestedQuarters(deps, issue.key),
    policy: deps.policy,
    now,
    prior,
  });
  const outcome = await writeEntry(deps.register, entry, prior);
  if (outcome === 'conflict') {
    return { result: { kind: 'failed', reason: 'another writer changed the register entry meanwhile', retryable: true }, subject };
  }
  if (outcome === 'stale') return { result: { kind: 'projected', outcome, entry }, subject };
  // The register is the app's source of truth and is already written: a failed field write is reported, not
  // retried, and the next event of the issue or the weekly reconcile writes the fields (both compare first).
  const fields = await syncComputedFields(deps.computedFields, issue, computedFieldValues(entry, reading.exception, approvals, deps.policy));
  return { result: { kind: 'projected', outcome, entry, fields }, subject };
};

export type ProjectIssueRequest = {
  readonly issueKey: string;
  readonly now: string;
  /** Who changed the issue, for the audit entry when it turns out to be gone. */
  readonly actor: string;
};

/**
 * Brings the register entry of one issue in line with Jira. The issue is always fetched rather than taken from
 * the event, so a duplicated, late or re-ordered event projects the issue as it is now and the store's
 * `jiraUpdatedAt` check makes the older deliveries no-ops.
 */
export const projectIssue = async (deps: ProjectionDeps, request: ProjectIssueRequest): Promise<Projection> => {
  const lookup = await deps.issues.get(request.issueKey);
  if (lookup.kind === 'failed') {
    const { failure } = lookup;
    return {
      result: {
        kind: 'failed',
        reason: failure.message,
        retryable: isTransient(failure),
        ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
      },
    };
  }
  if (lookup.kind === 'gone' || !isExceptionIssueType(lookup.issue.issueType.name)) {
    const gone = lookup.kind === 'gone';
    const reason = gone
      ? 'the issue is no longer in Jira'
      : `the issue is now of type ${lookup.issue.issueType.name}, not a Security Exception`;
    const forgotten = await forgetIssue(deps, {
      issueKey: request.issueKey,
      actor: request.actor,
      at: request.now,
      action: gone ? 'exception.deleted' : 'exception.left-register',
      reason,
      knownException: false,
    });
    return { result: { kind: 'forgotten', removed: forgotten.removed, reason } };
  }
  return projectFoundIssue(deps, lookup.issue, request.now);
};
