import { randomBytes, randomUUID } from 'node:crypto';
import { getAppContext } from '@forge/api';
import { loadOrCreateInstallationKey, type InstallationKey } from '../../adapters/crypto/ed25519-signer';
import { KvsIntegrationSettings, KvsSetupRuns, KvsVerificationCache } from '../../adapters/forge/kvs-admin-settings';
import { KvsAuditorGrants } from '../../adapters/forge/kvs-auditor-grants';
import { loadPolicy } from '../../adapters/forge/kvs-policy-source';
import { KvsPolicyStore } from '../../adapters/forge/kvs-policy-store';
import { KvsRegisterHome } from '../../adapters/forge/kvs-register-home';
import { KvsSecretStore } from '../../adapters/forge/kvs-secret-store';
import type { FieldIds } from '../../adapters/jira/field-ids';
import { JiraExceptionReader } from '../../adapters/jira/jira-exception-reader';
import type { JiraGateways } from '../../adapters/jira/jira-gateway-factory';
import { JiraRenewalIssues } from '../../adapters/jira/jira-renewal-issues';
import { KvsLeaseStore } from '../../adapters/kvs/kvs-lease-store';
import { SqlRegisterStatistics } from '../../adapters/sql/sql-register-statistics';
import type { AccessDirectory, AuditorGrants } from '../../app/access/access-ports';
import type { IntegrationSettings, PolicyStore, RegisterHomeStore, SetupRuns, WebTriggerUrls } from '../../app/admin/admin-ports';
import type { AppendAuditEntryDeps } from '../../app/audit/append-audit-entry';
import { jitteredBackoff } from '../../app/audit/retry-pause';
import type { ExceptionReader } from '../../app/jobs/job-ports';
import type { ExceptionFieldName } from '../../app/projection/exception-issue';
import type { ExceptionIssueReader, Remote } from '../../app/projection/projection-ports';
import { auditChainStatus, type ChainState } from '../../app/register/audit-chain-status';
import type { RegisterStatistics } from '../../app/register/statistics-ports';
import type { RenewalIssues } from '../../app/renewal/renewal-ports';
import type { Policy, PolicyProblem } from '../../domain/policy/policy-config';
import { ok, type Result } from '../../domain/shared/result';
import { displayNamesOf, type DisplayNameLookup } from '../resolvers/person-names';
import { accessDirectory } from './access-directory';
import { exceptionFieldIds, jiraGateways, openStorage, QUICK_RETRY, readIssueAsException, type Storage } from './invocation-deps';
import { exceptionIssueReader } from './jira-ports';
import type { Platform } from './platform';

/**
 * What the UI resolvers use, built per invocation and each part only when a call needs it: a call that is refused
 * opens no database and loads no signing key. Nothing is kept in module scope (a warm runtime serves other sites next).
 */
export type ResolverServices = {
  readonly now: () => Date;
  readonly nowIso: () => string;
  readonly gateways: JiraGateways;
  readonly storage: () => Storage;
  readonly statistics: () => RegisterStatistics;
  readonly policy: () => Promise<Result<Policy, 'POLICY.INVALID'> & { problems?: PolicyProblem[] }>;
  readonly audit: () => Promise<AppendAuditEntryDeps>;
  readonly chainStatus: () => Promise<ChainState>;
  readonly directory: AccessDirectory;
  readonly auditors: AuditorGrants;
  readonly policyStore: PolicyStore;
  readonly setupRuns: SetupRuns;
  /** Where set-up records the register's home, which the scheduled jobs read. */
  readonly registerHome: RegisterHomeStore;
  readonly integrations: IntegrationSettings;
  readonly webTriggerUrls: WebTriggerUrls;
  readonly newSecret: () => string;
  /** The exception issues as the caller may see them. */
  readonly issuesAsUser: () => ExceptionIssueReader;
  /** The exception issues as the app sees them, for callers whose role (an auditor grant) is the app's own. */
  readonly issuesAsApp: () => ExceptionIssueReader;
  /** Renewals as the caller creates them (the caller becomes the renewal's reporter). */
  readonly renewals: () => Promise<Remote<RenewalIssues>>;
  /** Renewal records read as the app, for callers whose role (an auditor grant) is the app's own. */
  readonly renewalRecordsAsApp: () => Promise<Remote<Pick<RenewalIssues, 'readRecord'>>>;
  readonly exceptions: (policy: Policy) => Promise<Remote<ExceptionReader>>;
  readonly leases: KvsLeaseStore;
  readonly invocationId: string;
  readonly appIds: () => { readonly appId: string; readonly environmentId: string };
  /**
   * People's display names, read as the app: an answer only names people its caller may already read about, and a
   * caller may lack *Browse users and groups*. Each invocation reads them once, for the one answer it gives.
   */
  readonly displayNames: DisplayNameLookup;
};

const lazy = <T>(make: () => T): (() => T) => {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
};

/** Integration secrets are shown once: 32 random bytes, URL-safe. */
const newIntegrationSecret = (): string => randomBytes(32).toString('base64url');

/** The manifest declares no web trigger modules yet, so the platform has no URL to give for any integration. */
const noWebTriggersDeclared: WebTriggerUrls = { urlOf: () => Promise.resolve(null) };

/**
 * Names are a courtesy, so they get a small share of a resolver's 25 s: a Retry-After of up to two seconds is waited
 * out once, a longer one leaves the names out of this answer.
 */
const displayNameLookup = (platform: Platform): DisplayNameLookup => {
  const jira = jiraGateways(platform, QUICK_RETRY).asApp;
  return async (accountIds) => {
    const users = await jira.findUsersByAccountId(accountIds);
    return users.ok ? ok(displayNamesOf(users.value)) : users;
  };
};

export const resolverServices = (platform: Platform): ResolverServices => {
  const gateways = jiraGateways(platform);
  const storage = lazy(() => openStorage(platform));
  const fieldIds = exceptionFieldIds(gateways);
  const installationKey = lazy((): Promise<InstallationKey> => loadOrCreateInstallationKey(new KvsSecretStore(), platform.now()));
  const audit = lazy(
    async (): Promise<AppendAuditEntryDeps> => ({
      store: storage().auditStore,
      signer: (await installationKey()).signer,
      pauseBeforeRetry: jitteredBackoff({ random: Math.random, sleep: (ms) => platform.sleep(ms) }),
    }),
  );
  const withFieldIds = async <T>(make: (ids: FieldIds<ExceptionFieldName>) => T): Promise<Remote<T>> => {
    const ids = await fieldIds();
    return ids.ok ? { ok: true, value: make(ids.value) } : ids;
  };
  return {
    now: () => platform.now(),
    nowIso: () => platform.now().toISOString(),
    gateways,
    storage,
    statistics: lazy(() => new SqlRegisterStatistics(storage().database)),
    policy: lazy(() => loadPolicy()),
    audit,
    chainStatus: async () =>
      auditChainStatus({
        store: storage().auditStore,
        keys: (await installationKey()).publicKeys,
        cache: new KvsVerificationCache(),
        now: () => platform.now().toISOString(),
      }),
    directory: accessDirectory(gateways),
    auditors: new KvsAuditorGrants(),
    policyStore: new KvsPolicyStore(),
    setupRuns: new KvsSetupRuns(),
    registerHome: new KvsRegisterHome(),
    integrations: new KvsIntegrationSettings(),
    webTriggerUrls: noWebTriggersDeclared,
    newSecret: newIntegrationSecret,
    issuesAsUser: lazy(() => exceptionIssueReader(gateways.asUser, fieldIds)),
    issuesAsApp: lazy(() => exceptionIssueReader(gateways.asApp, fieldIds)),
    renewals: () =>
      withFieldIds(
        (ids) => new JiraRenewalIssues({ jira: gateways.asUser, admin: gateways.asApp, fieldIds: ids, requestedExpiryField: 'requestedExpiry' }),
      ),
    renewalRecordsAsApp: () =>
      withFieldIds(
        (ids) => new JiraRenewalIssues({ jira: gateways.asApp, admin: gateways.asApp, fieldIds: ids, requestedExpiryField: 'requestedExpiry' }),
      ),
    exceptions: (policy) => withFieldIds((ids) => new JiraExceptionReader(gateways.asApp, ids, readIssueAsException(policy))),
    leases: new KvsLeaseStore(),
    invocationId: randomUUID(),
    appIds: () => {
      const context = getAppContext();
      return { appId: context.appAri.appId, environmentId: context.environmentAri.environmentId };
    },
    displayNames: displayNameLookup(platform),
  };
};
