import { z } from 'zod';
import { loadOrCreateInstallationKey } from '../../adapters/crypto/ed25519-signer';
import { forgeRequestJira } from '../../adapters/forge/forge-request-jira';
import { cachedInKvs } from '../../adapters/forge/kvs-cache';
import { loadPolicy } from '../../adapters/forge/kvs-policy-source';
import { KvsSecretStore } from '../../adapters/forge/kvs-secret-store';
import type { FieldIds } from '../../adapters/jira/field-ids';
import { createJiraGateways, type JiraGateways } from '../../adapters/jira/jira-gateway-factory';
import type { RetryPolicy } from '../../adapters/jira/retry-policy';
import type { SqlDatabase } from '../../adapters/sql/database';
import { SqlApprovalRepository } from '../../adapters/sql/sql-approval-repository';
import { SqlAuditStore } from '../../adapters/sql/sql-audit-store';
import { SqlJobRunRepository } from '../../adapters/sql/sql-job-run-repository';
import { SqlNotificationLedger } from '../../adapters/sql/sql-notification-ledger';
import { SqlRegisterRepository } from '../../adapters/sql/sql-register-repository';
import { SqlReviewAttestationRepository } from '../../adapters/sql/sql-review-attestation-repository';
import type { AppendAuditEntryDeps } from '../../app/audit/append-audit-entry';
import { jitteredBackoff } from '../../app/audit/retry-pause';
import type { ExceptionRead } from '../../app/jobs/job-ports';
import type { StoredRegisterEntry } from '../../app/ports/register-repository';
import {
  COMPUTED_FIELD_MODULE_KEYS,
  EXCEPTION_FIELD_MODULE_KEYS,
  type ComputedFieldName,
  type ExceptionFieldName,
  type ExceptionIssue,
} from '../../app/projection/exception-issue';
import type { IssueEventDeps } from '../../app/projection/handle-issue-event';
import type { Remote } from '../../app/projection/projection-ports';
import { describeProblems, readExceptionIssue } from '../../app/projection/read-exception-issue';
import type { ReconcileDeps } from '../../app/reconcile/reconcile-register';
import type { Policy } from '../../domain/policy/policy-config';
import {
  approvalStateTransitions,
  computedFieldWriter,
  exceptionIssueReader,
  groupDirectory,
  issueAnnotations,
  type AppFieldIds,
  type AppFieldIdSource,
  type FieldIdSource,
} from './jira-ports';
import type { Platform } from './platform';

/**
 * The composition root: the dependencies of one invocation, built from the platform when the handler runs. Nothing
 * is kept between invocations in module scope (a warm Forge runtime serves other installations next); what is worth
 * keeping between invocations of one installation is cached in its own KVS.
 */

/** Field ids change only when the app is redeployed or its fields are re-created; ten minutes of staleness is harmless. */
const FIELD_IDS_TTL_SECONDS = 600;
// A new key rather than the exception fields' old one: ids cached by a version that did not resolve the computed
// fields would hide them for the cache's lifetime.
const FIELD_IDS_CACHE_KEY = 'cache:app-field-ids';

const fieldIdsSchema: z.ZodType<AppFieldIds> = z.object({
  ...(Object.fromEntries(Object.keys(EXCEPTION_FIELD_MODULE_KEYS).map((name) => [name, z.string().min(1)])) as Record<ExceptionFieldName, z.ZodString>),
  ...(Object.fromEntries(Object.keys(COMPUTED_FIELD_MODULE_KEYS).map((name) => [name, z.string().min(1).optional()])) as Record<
    ComputedFieldName,
    z.ZodOptional<z.ZodString>
  >),
});

/** Refusing to run is the only safe answer to a stored policy that no longer parses: rules would be half-applied. */
export class PolicyUnusableError extends Error {
  override readonly name = 'PolicyUnusableError';
  readonly code = 'POLICY.INVALID';
}

export type Storage = {
  readonly database: SqlDatabase;
  readonly register: SqlRegisterRepository;
  readonly approvals: SqlApprovalRepository;
  readonly attestations: SqlReviewAttestationRepository;
  readonly jobRuns: SqlJobRunRepository;
  readonly ledger: SqlNotificationLedger;
  readonly auditStore: SqlAuditStore;
};

export const openStorage = (platform: Platform): Storage => {
  const database = platform.database();
  return {
    database,
    register: new SqlRegisterRepository(database),
    approvals: new SqlApprovalRepository(database),
    attestations: new SqlReviewAttestationRepository(database),
    jobRuns: new SqlJobRunRepository(database),
    ledger: new SqlNotificationLedger(database),
    auditStore: new SqlAuditStore(database),
  };
};

/** A person is waiting: one retry after a short pause (a Retry-After of up to two seconds), then the call fails. */
export const QUICK_RETRY: RetryPolicy = { maxAttempts: 2, maxTotalWaitMs: 2_000, baseDelayMs: 250, maxDelayMs: 1_000 };

export const jiraGateways = (platform: Platform, retry?: RetryPolicy): JiraGateways =>
  createJiraGateways({
    ...forgeRequestJira,
    sleep: (ms) => platform.sleep(ms),
    random: Math.random,
    now: () => platform.now(),
    ...(retry === undefined ? {} : { retry }),
  });

/**
 * The ids of the app's fields, resolved at most once per invocation, and from the installation's KVS cache when it
 * is fresh. The computed fields are optional: a site without them still has a working register.
 */
export const appFieldIds = (gateways: JiraGateways): AppFieldIdSource => {
  let resolving: Promise<Remote<AppFieldIds>> | undefined;
  return () =>
    (resolving ??= cachedInKvs(FIELD_IDS_CACHE_KEY, fieldIdsSchema, FIELD_IDS_TTL_SECONDS, () =>
      gateways.asApp.resolveFieldIds(EXCEPTION_FIELD_MODULE_KEYS, COMPUTED_FIELD_MODULE_KEYS),
    ));
};

const exceptionFieldsOf = (ids: AppFieldIds): FieldIds<ExceptionFieldName> =>
  Object.fromEntries(Object.keys(EXCEPTION_FIELD_MODULE_KEYS).map((name) => [name, ids[name as ExceptionFieldName]])) as FieldIds<ExceptionFieldName>;

/** The exception fields' ids only, for readers that decide on the request and never look at the computed values. */
export const exceptionFieldIds = (gateways: JiraGateways): FieldIdSource => {
  const ids = appFieldIds(gateways);
  return async () => {
    const resolved = await ids();
    return resolved.ok ? { ok: true, value: exceptionFieldsOf(resolved.value) } : resolved;
  };
};

export const requirePolicy = async (): Promise<Policy> => {
  const policy = await loadPolicy();
  if (policy.ok) return policy.value;
  throw new PolicyUnusableError(
    `The stored policy configuration cannot be used, so the register does nothing until it is fixed: ${policy.error.message}`,
  );
};

export const auditDeps = async (storage: Storage, platform: Platform): Promise<AppendAuditEntryDeps> => {
  const key = await loadOrCreateInstallationKey(new KvsSecretStore(), platform.now());
  return { store: storage.auditStore, signer: key.signer, pauseBeforeRetry: jitteredBackoff({ random: Math.random, sleep: (ms) => platform.sleep(ms) }) };
};

/**
 * What every writer of the register projection is given: the exception issues as the app reads them, the stores it
 * keeps in step, the issues' computed fields, the signed audit trail and the policy.
 */
export const projectionWriterDeps = async (platform: Platform, storage: Storage, gateways: JiraGateways) => {
  const fieldIds = appFieldIds(gateways);
  return {
    issues: exceptionIssueReader(gateways.asApp, fieldIds),
    computedFields: computedFieldWriter(gateways.asApp, fieldIds),
    register: storage.register,
    approvals: storage.approvals,
    attestations: storage.attestations,
    ledger: storage.ledger,
    audit: await auditDeps(storage, platform),
    policy: await requirePolicy(),
  };
};

export const issueEventDeps = async (platform: Platform): Promise<IssueEventDeps> => {
  const gateways = jiraGateways(platform);
  return {
    ...(await projectionWriterDeps(platform, openStorage(platform), gateways)),
    annotations: issueAnnotations(gateways.asApp),
    groups: groupDirectory(gateways.asApp),
    transitions: approvalStateTransitions(gateways.asApp),
  };
};

/** How an issue is read for a register entry: as the projection reads it, given what the register held (Jira keeps no status history). */
export const readIssueAsException =
  (policy: Policy, problemLimit?: number) =>
  (issue: ExceptionIssue, prior: StoredRegisterEntry): ExceptionRead => {
    const reading = readExceptionIssue(issue, policy, prior);
    return reading.kind === 'exception'
      ? { kind: 'exception', exception: reading.exception }
      : { kind: 'unreadable', status: reading.status, reason: describeProblems(reading.problems, problemLimit) };
  };

export const reconcileDeps = async (platform: Platform): Promise<ReconcileDeps> => {
  const storage = openStorage(platform);
  return { ...(await projectionWriterDeps(platform, storage, jiraGateways(platform))), jobRuns: storage.jobRuns };
};
