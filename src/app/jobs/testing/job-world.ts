import api, { assumeTrustedRoute } from '@forge/api';
import { createDatabase, type SqlDatabase } from '../../../adapters/sql/database';
import { SqlApprovalRepository } from '../../../adapters/sql/sql-approval-repository';
import { SqlAuditStore } from '../../../adapters/sql/sql-audit-store';
import { SqlDueSelection } from '../../../adapters/sql/sql-due-selection';
import { SqlJobRunRepository } from '../../../adapters/sql/sql-job-run-repository';
import { SqlMonthlyReportRepository } from '../../../adapters/sql/sql-monthly-report-repository';
import { SqlNotificationLedger } from '../../../adapters/sql/sql-notification-ledger';
import { SqlRegisterRepository } from '../../../adapters/sql/sql-register-repository';
import { SqlReportSelection } from '../../../adapters/sql/sql-report-selection';
import { SqlReviewAttestationRepository } from '../../../adapters/sql/sql-review-attestation-repository';
import { KvsLeaseStore } from '../../../adapters/kvs/kvs-lease-store';
import type { FieldIds } from '../../../adapters/jira/field-ids';
import { JiraExceptionReader } from '../../../adapters/jira/jira-exception-reader';
import { createJiraGateways, type JiraGateways } from '../../../adapters/jira/jira-gateway-factory';
import { JiraIssueTransitions } from '../../../adapters/jira/jira-issue-transitions';
import { JiraNotifier } from '../../../adapters/jira/jira-notifier';
import type { RequestJira } from '../../../adapters/jira/request-jira';
import type { Approval } from '../../../domain/approval/approval';
import { testSigningKey } from '../../../domain/audit/testing/signed-chain';
import { contentHash } from '../../../domain/exception/content-hash';
import {
  STATUS_NAMES,
  type SecurityException,
  type SecurityExceptionInput,
  type Status,
} from '../../../domain/exception/security-exception';
import { DEFAULT_POLICY } from '../../../domain/policy/default-policy';
import type { Policy } from '../../../domain/policy/policy-config';
import { planExceptionWorkflow, type ValidatorModuleKeys } from '../../../domain/provisioning/workflow-plan';
import { assessRisk } from '../../../domain/risk';
import { anException } from '../../../domain/testing/builders';
import { toAssetsFieldValue, toCompensatingControlsFieldValue } from '../../../contract/custom-fields';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../../sandbox/forge-runtime/local-kvs-store';
import type { JiraHttpRequest } from '../../../sandbox/jira/jira-http';
import { createJiraStandIn, type JiraStandIn } from '../../../sandbox/jira/jira-stand-in';
import { jiraSpecValidator } from '../../../sandbox/jira/testing/jira-spec';
import { APP, call } from '../../../sandbox/jira/testing/stand-in-world';
import { signerOf } from '../../audit/testing/test-signer';
import type { ExceptionFieldName } from '../../projection/exception-issue';
import { readExceptionIssue, statusNamed } from '../../projection/read-exception-issue';
import { registerEntryOf } from '../../projection/register-entry';
import type { StoredRegisterEntry } from '../../ports/register-repository';
import { JiraRenewalIssues } from '../../../adapters/jira/jira-renewal-issues';
import type { RenewalDeps } from '../../renewal/request-renewal';
import type { ExceptionRead } from '../job-ports';
import type { Continuation, ContinuationQueue, ScheduledJobsDeps } from '../scheduled-jobs';
import { registerExceptionFields } from '../../../sandbox/jira/testing/exception-fields';

/**
 * A Jira site with the full Security Exception workflow (planned from the lifecycle table, as set-up creates it),
 * the app's Forge fields, the local Forge runtime, and the storage on in-memory SQLite: the jobs run against it with
 * the production adapters, and tests drive its clock across days, months and quarters.
 */

export const PEOPLE = {
  requester: 'acc-requester',
  owner: 'acc-owner',
  lead: 'acc-lead',
  risk: 'acc-risk',
  compliance: 'acc-compliance',
  ciso: 'acc-ciso',
  architect: 'acc-architect',
  escalation: 'acc-escalation',
  admin: 'acc-admin',
} as const;

const GROUPS: Readonly<Record<string, readonly string[]>> = {
  'security-leads': [PEOPLE.lead],
  'risk-owners': [PEOPLE.risk],
  'compliance-leads': [PEOPLE.compliance],
  ciso: [PEOPLE.ciso],
  'security-architects': [PEOPLE.architect],
  'security-escalation': [PEOPLE.escalation],
};

export const VALIDATOR_MODULE_KEYS: ValidatorModuleKeys = {
  intake: 'intake-validator',
  peerReview: 'peer-review-validator',
  approval: 'approval-validator',
  activation: 'activation-validator',
};

export type JiraCall = { readonly method: string; readonly path: string; readonly status: number };

export type SeedSpec = Partial<SecurityExceptionInput> & {
  /** Approvals recorded in SQL, bound to the exception's content. */
  readonly approvedBy?: readonly { readonly levelId: string; readonly approver: string; readonly decidedAt?: string }[];
  readonly attestedQuarters?: readonly string[];
  readonly renewalCount?: number;
};

export type JobWorld = {
  readonly jira: JiraStandIn;
  readonly runtime: LocalForgeRuntime;
  readonly database: SqlDatabase;
  readonly policy: Policy;
  readonly fieldIds: FieldIds<ExceptionFieldName>;
  readonly gateways: JiraGateways;
  readonly register: SqlRegisterRepository;
  readonly approvals: SqlApprovalRepository;
  readonly attestations: SqlReviewAttestationRepository;
  readonly ledger: SqlNotificationLedger;
  readonly runs: SqlJobRunRepository;
  readonly auditStore: SqlAuditStore;
  readonly reports: SqlMonthlyReportRepository;
  /** Continuations the jobs queued, oldest first. */
  readonly queued: Continuation[];
  /** The issue monthly report e-mails are sent about. */
  readonly reportIssueKey: string;
  /** Every request the app sent to Jira, in order. */
  readonly calls: JiraCall[];
  now(): string;
  /** Job dependencies for one invocation: fresh adapters, as the composition root builds them per invocation. */
  deps(options?: { readonly remainingTimeMs?: () => number; readonly invocationId?: string }): ScheduledJobsDeps;
  /** Renewal use-case dependencies for an invocation acting as the user it runs for. */
  renewalDeps(): RenewalDeps;
  seedException(spec?: SeedSpec): Promise<SecurityException>;
  /** Projects the issue as Jira now holds it into the register, as the issue-event trigger does. */
  reproject(issueKey: string): Promise<StoredRegisterEntry>;
  /** Takes the transition named `name` on the issue, acting as `accountId`; throws when Jira refuses. */
  transition(issueKey: string, name: string, accountId: string): Promise<void>;
  /** The register entry of an issue, which must exist. */
  entry(issueKey: string): Promise<StoredRegisterEntry>;
  statusOf(issueKey: string): Status | undefined;
  close(): Promise<void>;
};

const provisionWorkflow = async (jira: JiraStandIn, fieldIds: readonly string[], policy: Policy): Promise<void> => {
  const send = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await call(jira, method, path, body);
    if (response.status >= 300) throw new Error(`set-up step ${method} ${path} answered ${response.status}: ${response.body}`);
    return response.body === '' ? undefined : (JSON.parse(response.body) as unknown);
  };
  const issueType = (await send('POST', '/rest/api/3/issuetype', { name: 'Security Exception', hierarchyLevel: 0 })) as { id: string };
  const planned = planExceptionWorkflow({ app: APP, validatorModuleKeys: VALIDATOR_MODULE_KEYS, approvalLevels: policy.levels });
  if (!planned.ok) throw new Error(planned.error.message);
  const plan = planned.value;
  await send('POST', '/rest/api/3/workflows/create', {
    scope: { type: 'GLOBAL' },
    statuses: plan.statuses.map((status) => ({ statusReference: status.status, name: status.name, statusCategory: status.category })),
    workflows: [
      {
        name: plan.name,
        statuses: plan.statuses.map((status) => ({ statusReference: status.status, properties: {} })),
        transitions: plan.transitions.map((transition) => ({
          id: transition.id,
          name: transition.name,
          type: transition.type,
          toStatusReference: transition.to,
          links: transition.from.map((from) => ({ fromStatusReference: from })),
          validators: transition.validators,
          ...(transition.conditions.length === 0 ? {} : { conditions: { operation: 'ALL', conditions: transition.conditions } }),
          properties: transition.properties,
        })),
      },
    ],
  });
  const scheme = (await send('POST', '/rest/api/3/workflowscheme', {
    name: 'Security Exception Workflow Scheme',
    defaultWorkflow: 'jira',
    issueTypeMappings: { [issueType.id]: plan.name },
  })) as { id: number };
  const project = (await send('GET', '/rest/api/3/project/SEC')) as { id: string };
  await send('PUT', '/rest/api/3/workflowscheme/project', { projectId: project.id, workflowSchemeId: String(scheme.id) });
  const screen = (await send('POST', '/rest/api/3/screens', { name: 'Security Exception Screen' })) as { id: number };
  const tabs = (await send('GET', `/rest/api/3/screens/${screen.id}/tabs`)) as { id: number }[];
  for (const fieldId of ['summary', 'description', ...fieldIds]) {
    await send('POST', `/rest/api/3/screens/${screen.id}/tabs/${tabs[0]?.id ?? 0}/fields`, { fieldId });
  }
  const screenScheme = (await send('POST', '/rest/api/3/screenscheme', { name: 'Security Exception Screens', screens: { default: screen.id } })) as { id: number };
  const itss = (await send('POST', '/rest/api/3/issuetypescreenscheme', {
    name: 'Security Exception Issue Type Screens',
    issueTypeMappings: [
      { issueTypeId: 'default', screenSchemeId: '1' },
      { issueTypeId: issueType.id, screenSchemeId: String(screenScheme.id) },
    ],
  })) as { id: string };
  await send('PUT', '/rest/api/3/issuetypescreenscheme/project', { issueTypeScreenSchemeId: itss.id, projectId: project.id });
  for (const moduleKey of Object.values(VALIDATOR_MODULE_KEYS)) jira.registerWorkflowValidator(moduleKey, () => ({ result: true }));
};

/** The issue's description as requesters write it: the justification, then a "Business impact" section. */
export const descriptionOf = (exception: Pick<SecurityException, 'justification' | 'businessImpact'>) => ({
  type: 'doc',
  version: 1,
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: exception.justification }] },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Business impact' }] },
    { type: 'paragraph', content: [{ type: 'text', text: exception.businessImpact }] },
  ],
});

/** The exception's custom field values as the app's fields store them. */
export const fieldValuesOf = (exception: SecurityException): Readonly<Record<ExceptionFieldName, unknown>> => ({
  kind: exception.kind,
  assets: toAssetsFieldValue(exception.assets, exception.businessUnit, exception.assetOwner),
  controlReferences: { references: exception.controlReferences },
  findings: { items: exception.findings },
  riskInputs: { ...exception.riskInputs, threatVectors: exception.threatVectors },
  compensatingControls: toCompensatingControlsFieldValue(exception.compensatingControls),
  requestedExpiry: exception.requestedExpiry,
  remediationPlan: exception.remediationPlan,
});

/** The production reading of an issue, given what the register held for it. */
export const readIssueAsException =
  (policy: Policy) =>
  (issue: Parameters<typeof readExceptionIssue>[0], prior: StoredRegisterEntry): ExceptionRead => {
    const reading = readExceptionIssue(issue, policy, prior);
    return reading.kind === 'exception'
      ? { kind: 'exception', exception: reading.exception }
      : { kind: 'unreadable', status: reading.status, reason: reading.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ') };
  };

export type JobWorldOptions = {
  readonly start?: string;
  readonly policy?: Policy;
  /** A migrated database to use instead of a fresh in-memory one (the benchmark passes a file with a statement counter). */
  readonly database?: SqlDatabase;
  readonly batchSize?: number;
};

export const createJobWorld = async (options: JobWorldOptions = {}): Promise<JobWorld> => {
  const policy = options.policy ?? DEFAULT_POLICY;
  const jira = createJiraStandIn({
    validator: jiraSpecValidator(),
    app: { ...APP, name: 'Security Exception Register' },
    start: new Date(options.start ?? '2027-01-01T06:00:00.000Z'),
  });
  for (const accountId of Object.values(PEOPLE)) jira.seedUser({ accountId, displayName: accountId });
  for (const [name, members] of Object.entries(GROUPS)) jira.seedGroup(name, members);
  jira.seedGroup('jira-admins', [PEOPLE.admin]);
  jira.seedProject({ key: 'SEC', name: 'Security Exceptions', leadAccountId: PEOPLE.lead });
  const fieldIds = registerExceptionFields(jira, (field) => field) as FieldIds<ExceptionFieldName>;
  await provisionWorkflow(jira, Object.values(fieldIds), policy);

  const calls: JiraCall[] = [];
  const counted = async (request: JiraHttpRequest) => {
    const response = await jira.handle(request);
    calls.push({ method: request.method, path: request.path.split('?')[0] ?? request.path, status: response.status });
    return response;
  };
  const runtime = installLocalForgeRuntime({
    jira: { handle: counted, app: jira.app, useInvocationScope: (scope) => jira.useInvocationScope(scope) },
    kvs: createLocalKvsStore({ now: () => jira.clock.now() }),
  });
  const viaSdk =
    (identity: () => { requestJira: typeof api.requestJira }): RequestJira =>
    (path, init) =>
      identity().requestJira(assumeTrustedRoute(path), init);
  const gateways = createJiraGateways({
    asUser: viaSdk(() => api.asUser()),
    asApp: viaSdk(() => api.asApp()),
    sleep: () => Promise.resolve(),
    random: () => 0,
    now: () => jira.clock.now(),
  });

  const database = options.database ?? createDatabase({ dialect: 'sqlite', filename: ':memory:' });
  if (options.database === undefined) await database.migrate();
  const register = new SqlRegisterRepository(database);
  const approvals = new SqlApprovalRepository(database);
  const attestations = new SqlReviewAttestationRepository(database);
  const ledger = new SqlNotificationLedger(database);
  const runs = new SqlJobRunRepository(database);
  const auditStore = new SqlAuditStore(database);
  const selection = new SqlDueSelection(database);
  const reports = new SqlMonthlyReportRepository(database);
  const reportSelection = new SqlReportSelection(database);
  const queued: Continuation[] = [];
  const queue: ContinuationQueue = {
    push: (continuation) => {
      queued.push(continuation);
      return Promise.resolve();
    },
  };
  const reportIssue = jira.seedIssue({ projectKey: 'SEC', issueType: 'Task', summary: 'Security exception register reports', reporterAccountId: PEOPLE.lead });
  const signer = signerOf(testSigningKey(7));
  const now = () => jira.clock.now().toISOString();
  let invocations = 0;

  const world: JobWorld = {
    jira,
    runtime,
    database,
    policy,
    fieldIds,
    gateways,
    register,
    approvals,
    attestations,
    ledger,
    runs,
    auditStore,
    reports,
    queued,
    reportIssueKey: reportIssue.key,
    calls,
    now,
    deps: (invocation = {}) => ({
      policy,
      now,
      register,
      selection,
      approvals,
      attestations,
      ledger,
      audit: { store: auditStore, signer, pauseBeforeRetry: () => Promise.resolve() },
      exceptions: new JiraExceptionReader(gateways.asApp, fieldIds, readIssueAsException(policy)),
      transitions: new JiraIssueTransitions(gateways.asApp),
      notifier: new JiraNotifier({ jira: gateways.asApp, issueUrl: (issueKey) => `https://acme.atlassian.net/browse/${issueKey}` }),
      runs,
      leases: new KvsLeaseStore(),
      remainingTimeMs: invocation.remainingTimeMs ?? (() => 600_000),
      invocationId: invocation.invocationId ?? `invocation-${(invocations += 1)}`,
      batchSize: options.batchSize ?? 10,
      reports,
      reportSelection,
      reportNoticeIssueKey: reportIssue.key,
      queue,
    }),
    renewalDeps: () => ({
      policy,
      now,
      register,
      ledger,
      audit: { store: auditStore, signer, pauseBeforeRetry: () => Promise.resolve() },
      leases: new KvsLeaseStore(),
      exceptions: new JiraExceptionReader(gateways.asApp, fieldIds, readIssueAsException(policy)),
      renewals: new JiraRenewalIssues({ jira: gateways.asUser, admin: gateways.asApp, fieldIds, requestedExpiryField: 'requestedExpiry' }),
      invocationId: `invocation-${(invocations += 1)}`,
    }),
    async reproject(issueKey) {
      const prior = await register.get(issueKey);
      const issue = await runtime.runAs(null, () => gateways.asApp.getIssue(issueKey, fieldIds));
      if (!issue.ok) throw new Error(issue.error.message);
      const reading = readExceptionIssue(issue.value, policy, prior);
      if (reading.kind !== 'exception') throw new Error(`${issueKey} cannot be projected: ${JSON.stringify(reading.problems)}`);
      const entry = registerEntryOf({
        projectKey: issue.value.project.key,
        exception: reading.exception,
        risk: reading.risk,
        jiraUpdatedAt: reading.jiraUpdatedAt,
        approvals: await approvals.forIssue(issueKey),
        attestedQuarters: new Set((await attestations.forIssue(issueKey)).map((attestation) => attestation.quarter)),
        policy,
        now: now(),
        prior,
      });
      if (prior === null) await register.project(entry);
      else await register.save(entry, prior.version);
      return world.entry(issueKey);
    },
    async transition(issueKey, name, accountId) {
      const offered = await call(jira, 'GET', `/rest/api/3/issue/${issueKey}/transitions`, undefined, accountId);
      const transitions = (JSON.parse(offered.body) as { transitions: { id: string; name: string }[] }).transitions;
      const chosen = transitions.find((candidate) => candidate.name === name);
      if (chosen === undefined) throw new Error(`${issueKey} offers no "${name}" to ${accountId} (offered: ${transitions.map((t) => t.name).join(', ')})`);
      jira.clock.advance({ minutes: 1 });
      const taken = await call(jira, 'POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id: chosen.id } }, accountId);
      if (taken.status !== 204) throw new Error(`"${name}" on ${issueKey} answered ${taken.status}: ${taken.body}`);
    },
    async seedException(spec = {}) {
      const { approvedBy = [], attestedQuarters = [], renewalCount = 0, ...overrides } = spec;
      const draft = anException({ requester: PEOPLE.requester, assetOwner: PEOPLE.owner, ...overrides });
      const risk = assessRisk(draft, policy);
      if (!risk.ok) throw new Error(risk.error.message);
      const status = draft.status;
      const seeded = jira.seedIssue({
        projectKey: 'SEC',
        issueType: 'Security Exception',
        summary: draft.title,
        reporterAccountId: draft.requester,
        status: STATUS_NAMES[status],
        created: new Date(draft.createdAt),
        updated: new Date(draft.statusChangedAt),
        values: {
          description: descriptionOf(draft),
          ...Object.fromEntries(Object.entries(fieldValuesOf(draft)).map(([name, value]) => [fieldIds[name as ExceptionFieldName], value])),
        },
      });
      const exception: SecurityException = { ...draft, key: seeded.key, tier: risk.value.tier };
      const contentHashNow = contentHash(exception);
      const recorded: Approval[] = approvedBy.map((approval) => ({
        levelId: approval.levelId,
        approver: approval.approver,
        decision: 'approved',
        contentHash: contentHashNow,
        decidedAt: approval.decidedAt ?? exception.submittedAt ?? exception.createdAt,
      }));
      for (const approval of recorded) await approvals.record(exception.key, approval);
      for (const quarter of attestedQuarters) {
        await attestations.attest({ issueKey: exception.key, quarter, reviewer: PEOPLE.lead, attestedAt: now(), outcome: 'still-required' });
      }
      const entry = registerEntryOf({
        projectKey: 'SEC',
        exception,
        risk: risk.value,
        jiraUpdatedAt: new Date(exception.statusChangedAt).toISOString(),
        approvals: recorded,
        attestedQuarters: new Set(attestedQuarters),
        policy,
        now: now(),
        prior: null,
      });
      await register.project({ ...entry, renewalCount, ...(exception.renewalOf === undefined ? {} : { renewalOf: exception.renewalOf }) });
      return exception;
    },
    async entry(issueKey) {
      const stored = await register.get(issueKey);
      if (stored === null) throw new Error(`${issueKey} is not in the register`);
      return stored;
    },
    statusOf(issueKey) {
      const issue = jira.issue(issueKey);
      return statusNamed(issue === undefined ? undefined : jira.state.statuses.get(issue.statusId)?.name);
    },
    async close() {
      runtime.uninstall();
      await database.destroy();
    },
  };
  return world;
};
