import type { Actor } from '../../domain/approval/approval';
import { contentHash } from '../../domain/exception/content-hash';
import { exceptionRequestSchema, isTerminal, STATUS_NAMES, type ExceptionRequest, type SecurityException } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import { preflight, type PreflightResult } from '../../domain/preflight/preflight';
import { compareIssueKeys } from '../../domain/schedule/due-action';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type { AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { ExceptionReader, LeaseStore } from '../jobs/job-ports';
import { auditOnce } from '../jobs/once';
import type { NotificationLedger } from '../ports/notification-ledger';
import type { RegisterEntry, RegisterRepository, StoredRegisterEntry } from '../ports/register-repository';
import type { RenewalIssues } from './renewal-ports';
import { chainBeforeRenewalOf, type RenewalRecord } from './renewal-record';

export type RenewalDeps = {
  readonly policy: Policy;
  readonly now: () => string;
  readonly register: RegisterRepository;
  readonly ledger: NotificationLedger;
  readonly audit: AppendAuditEntryDeps;
  readonly leases: LeaseStore;
  readonly exceptions: ExceptionReader;
  readonly renewals: RenewalIssues;
  /** Identifies this invocation as a lease holder. */
  readonly invocationId: string;
};

export type RenewalRequestCode =
  | 'RENEWAL.NOT_FOUND'
  | 'RENEWAL.NOT_RENEWABLE'
  | 'RENEWAL.NOT_PERMITTED'
  | 'RENEWAL.IN_PROGRESS'
  | 'RENEWAL.UNREADABLE'
  | 'RENEWAL.JIRA_FAILED';

export type RenewalRequested = {
  readonly renewalKey: string;
  /** False when a renewal was already under way: it is returned instead of a second one. */
  readonly created: boolean;
  /** The link "renews" could not be created; the renewal record on the issue still names the original. */
  readonly linkProblem?: string;
  /** Tier, required approvers (the highest level when the chain is over its cap), latest expiry and notices. */
  readonly preflight?: PreflightResult;
};

const RENEWABLE = ['active', 'expired'] as const;
const LEASE_TTL_MS = 120_000;
const SUMMARY_LIMIT = 255;

const isRenewable = (status: string): boolean => RENEWABLE.some((renewable) => renewable === status);

/** The request a renewal starts from: everything the original asked for but its expiry, which is asked anew. */
export const renewalRequestOf = (original: SecurityException): ExceptionRequest => {
  const { requestedExpiry: _renewedSeparately, ...rest } = exceptionRequestSchema.parse({
    kind: original.kind,
    title: original.title,
    requester: original.requester,
    assetOwner: original.assetOwner,
    businessUnit: original.businessUnit,
    assets: original.assets,
    controlReferences: original.controlReferences,
    findings: original.findings,
    justification: original.justification,
    businessImpact: original.businessImpact,
    compensatingControls: original.compensatingControls,
    threatVectors: original.threatVectors,
    riskInputs: original.riskInputs,
    remediationPlan: original.remediationPlan,
    renewalOf: original.key,
  });
  return rest;
};

const summaryFor = (original: StoredRegisterEntry): string => `Renewal of ${original.issueKey}: ${original.title}`.slice(0, SUMMARY_LIMIT);

/**
 * The renewal's register entry as of its creation, so the chain is known (renewalOf, renewal count) before the
 * issue's first event is projected; that projection keeps both and replaces the rest with what Jira says.
 */
const draftEntryOf = (original: StoredRegisterEntry, renewal: SecurityException, record: RenewalRecord, risk: PreflightResult, now: string): RegisterEntry => ({
  issueKey: renewal.key,
  projectKey: original.projectKey,
  title: renewal.title,
  kind: renewal.kind,
  status: 'draft',
  tier: risk.tier ?? original.tier,
  riskScore: risk.risk === null ? original.riskScore : Math.round(risk.risk.residualScore * 10) / 10,
  requester: renewal.requester,
  assetOwner: renewal.assetOwner,
  businessUnit: renewal.businessUnit,
  assetIds: original.assetIds,
  controlReferences: original.controlReferences,
  approvers: [],
  statusChangedAt: now,
  lacksControls: original.lacksControls,
  renewalOf: record.renewalOf,
  renewalCount: record.chainBefore.renewalCount + 1,
  contentHash: contentHash(renewal),
  jiraUpdatedAt: now,
});

const linkInRegister = async (register: RegisterRepository, entry: RegisterEntry): Promise<void> => {
  const existing = await register.get(entry.issueKey);
  if (existing === null) {
    await register.project(entry);
    return;
  }
  // The issue's creation event was projected first, without the chain: add it, keeping what the projection read.
  const { version, ...projected } = existing;
  await register.save({ ...projected, renewalCount: entry.renewalCount, ...(entry.renewalOf === undefined ? {} : { renewalOf: entry.renewalOf }) }, version);
};

const undecidedRenewal = async (register: RegisterRepository, issueKey: string): Promise<string | null> =>
  (await register.renewalsOf(issueKey))
    .filter((renewal) => !isTerminal(renewal.status))
    .map((renewal) => renewal.issueKey)
    .sort(compareIssueKeys)[0] ?? null;

/**
 * "Request renewal" on an active (or just expired) exception. Steps, in order:
 *   1. refuse what cannot be renewed, and return the renewal already under way instead of creating a second;
 *   2. take a short lease on the original, so two clicks create one renewal;
 *   3. read the original from Jira and work out the chain so far (its renewal record, if it renews another);
 *   4. create the renewal issue with the copied fields, a proposed expiry (the latest the tier and the chain allow)
 *      and its renewal record, in one request;
 *   5. link it ("renews"), record the chain in the register, and audit the request on the original once.
 * The renewal is a draft: it needs an updated risk assessment and re-validated controls before it can be submitted
 * (confirmRenewalReassessment), then goes through approval like a new request.
 */
export const requestRenewal = async (
  deps: RenewalDeps,
  request: { readonly issueKey: string; readonly actor: Actor },
): Promise<Result<RenewalRequested, RenewalRequestCode>> => {
  const original = await deps.register.get(request.issueKey);
  if (original === null) return refuse('RENEWAL.NOT_FOUND', `${request.issueKey} is not a security exception in the register.`);
  if (!isRenewable(original.status)) {
    return refuse(
      'RENEWAL.NOT_RENEWABLE',
      `${original.issueKey} is ${STATUS_NAMES[original.status]}: only an Active or Expired exception can be renewed. Raise a new exception instead.`,
    );
  }
  if (request.actor.accountId !== original.requester && request.actor.accountId !== original.assetOwner) {
    return refuse('RENEWAL.NOT_PERMITTED', `Only the requester or the asset owner of ${original.issueKey} may request its renewal; ask one of them.`);
  }
  const pending = await undecidedRenewal(deps.register, original.issueKey);
  if (pending !== null) return ok({ renewalKey: pending, created: false });

  const lease = `renewal.${original.issueKey}`;
  if ((await deps.leases.acquire(lease, deps.invocationId, LEASE_TTL_MS)) === 'held') {
    return refuse('RENEWAL.IN_PROGRESS', `A renewal of ${original.issueKey} is being created right now: reload the issue in a minute to open it.`);
  }
  try {
    return await createRenewal(deps, original, request.actor);
  } finally {
    await deps.leases.release(lease, deps.invocationId);
  }
};

const jiraFailed = (what: string, message: string) => refuse<RenewalRequestCode>('RENEWAL.JIRA_FAILED', `Could not ${what}: ${message}`);

const createRenewal = async (deps: RenewalDeps, original: StoredRegisterEntry, actor: Actor): Promise<Result<RenewalRequested, RenewalRequestCode>> => {
  const now = deps.now();
  const pending = await undecidedRenewal(deps.register, original.issueKey);
  if (pending !== null) return ok({ renewalKey: pending, created: false });
  const reads = await deps.exceptions.read([original]);
  if (!reads.ok) return jiraFailed(`read ${original.issueKey}`, reads.error.message);
  const read = reads.value.get(original.issueKey);
  if (read?.kind !== 'exception') {
    return refuse('RENEWAL.UNREADABLE', `${original.issueKey} cannot be read as an exception${read?.kind === 'unreadable' ? ` (${read.reason})` : ''}: correct its fields, then request the renewal.`);
  }
  const originalRecord = await deps.renewals.readRecord(original.issueKey);
  if (!originalRecord.ok) return jiraFailed(`read the renewal record of ${original.issueKey}`, originalRecord.error.message);
  const { originKey, ...chainBefore } = chainBeforeRenewalOf(read.exception, originalRecord.value, deps.policy);
  const renewalRequest = renewalRequestOf(read.exception);
  const checked = preflight(renewalRequest, deps.policy, new Date(now), { renewal: chainBefore });
  const requestedExpiry = checked.maxExpiry ?? read.exception.requestedExpiry;
  const record: RenewalRecord = { renewalOf: original.issueKey, originKey, chainBefore, requestedAt: now, reassessment: null };

  const created = await deps.renewals.create({ originalKey: original.issueKey, summary: summaryFor(original), requestedExpiry, record });
  if (!created.ok) return jiraFailed(`create the renewal of ${original.issueKey}`, created.error.message);
  const renewalKey = created.value.key;
  const linked = await deps.renewals.link(renewalKey, original.issueKey);
  const { submittedAt: _notSubmitted, activatedAt: _notActive, expiresOn: _notInForce, peerReviewer: _notReviewed, ...copied } = read.exception;
  const renewal: SecurityException = {
    ...copied,
    key: renewalKey,
    title: summaryFor(original),
    status: 'draft',
    requestedExpiry,
    renewalOf: original.issueKey,
    renewal: { renewalCount: chainBefore.renewalCount + 1, cumulativeDays: chainBefore.cumulativeDays, originKey },
    createdAt: now,
    statusChangedAt: now,
  };
  await linkInRegister(deps.register, draftEntryOf(original, renewal, record, checked, now));
  await auditOnce(deps, `audit:renewal-requested:${renewalKey}`, {
    at: now,
    actor: actor.accountId,
    action: 'exception.renewal-requested',
    issueKey: original.issueKey,
    payload: { renewalKey, renewalCount: chainBefore.renewalCount + 1, cumulativeDaysBefore: chainBefore.cumulativeDays, originKey, proposedExpiry: requestedExpiry },
  });
  return ok({
    renewalKey,
    created: true,
    ...(linked.ok ? {} : { linkProblem: linked.error.message }),
    preflight: checked,
  });
};
