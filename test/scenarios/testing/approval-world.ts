import api, { assumeTrustedRoute, getAppContext } from '@forge/api';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createDatabase, type SqlDatabase } from '../../../src/adapters/sql/database';
import { runMigrations } from '../../../src/adapters/sql/migrate';
import type { Database } from '../../../src/adapters/sql/schema';
import { SqlApprovalRepository } from '../../../src/adapters/sql/sql-approval-repository';
import { SqlAuditStore } from '../../../src/adapters/sql/sql-audit-store';
import { SqlRegisterRepository } from '../../../src/adapters/sql/sql-register-repository';
import { createJiraGateway } from '../../../src/adapters/jira/jira-gateway';
import { EXCEPTION_FIELD_MODULE_KEYS, EXCEPTION_ISSUE_TYPE, type ExceptionFieldName } from '../../../src/app/projection/exception-issue';
import { descriptionOf, fieldValuesOf } from '../../../src/app/projection/testing/exception-issue-builder';
import { statusNamed } from '../../../src/app/projection/read-exception-issue';
import { setUpProject, type ProjectSetupReport } from '../../../src/app/provisioning/set-up-project';
import type { AuditEntry } from '../../../src/domain/audit/audit-entry';
import type { Approval } from '../../../src/domain/approval/approval';
import type { ExceptionRequest, ExceptionRequestInput, Status } from '../../../src/domain/exception/security-exception';
import { DEFAULT_POLICY } from '../../../src/domain/policy/default-policy';
import type { PolicyInput } from '../../../src/domain/policy/policy-config';
import { anExceptionRequest } from '../../../src/domain/testing/builders';
import { adfPlainText } from '../../../src/entry/composition/adf-text';
import { RECORDER_MODULE_KEY, VALIDATOR_MODULE_KEYS } from '../../../src/entry/composition/module-keys';
import type { Platform } from '../../../src/entry/composition/platform';
import { issueEventsHandler } from '../../../src/entry/issue-events.trigger';
import { recordDecisionHandler } from '../../../src/entry/post-functions/record-decision.post-function';
import { transitionValidatorHandler } from '../../../src/entry/validators/transition.validator';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../../src/sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore, type LocalKvsStore } from '../../../src/sandbox/forge-runtime/local-kvs-store';
import type { JiraHttpRequest } from '../../../src/sandbox/jira/jira-http';
import { createJiraStandIn, type JiraStandIn } from '../../../src/sandbox/jira/jira-stand-in';
import { jiraSpecValidator } from '../../../src/sandbox/jira/testing/jira-spec';
import { APP, call } from '../../../src/sandbox/jira/testing/stand-in-world';
import { registerExceptionFields } from '../../../src/sandbox/jira/testing/exception-fields';

/**
 * A Jira site set up the way an administrator sets up the app: project SEC provisioned by the real "Set up project"
 * use case (issue type, statuses, the workflow planned from the lifecycle table with the app's validators and its
 * decision recorder, screens, schemes), the app's exception fields deployed, and the app's real handlers registered
 * with the stand-in: every validator, the post function and the issue-event trigger, all running through the real
 * @forge/api and @forge/kvs against the local Forge runtime and an in-memory SQLite register. People act through
 * Jira's REST API as themselves.
 */

export const PEOPLE = {
  requester: 'acc-requester',
  owner: 'acc-owner',
  lead: 'acc-lead',
  risk: 'acc-risk',
  compliance: 'acc-compliance',
  ciso: 'acc-ciso',
  architect: 'acc-architect',
  outsider: 'acc-outsider',
  admin: 'acc-admin',
} as const;

/** Who approves each level of the default policy; the requester and the asset owner approve nothing. */
export const APPROVER_OF: Readonly<Record<string, string>> = {
  'security-lead': PEOPLE.lead,
  'risk-owner': PEOPLE.risk,
  'compliance-lead': PEOPLE.compliance,
  ciso: PEOPLE.ciso,
};

const GROUPS: Readonly<Record<string, readonly string[]>> = {
  'security-leads': [PEOPLE.lead],
  'risk-owners': [PEOPLE.risk],
  'compliance-leads': [PEOPLE.compliance],
  ciso: [PEOPLE.ciso],
  'security-architects': [PEOPLE.architect],
  'security-escalation': [],
};

export const START = new Date('2027-03-01T09:00:00.000Z');

export type JiraCall = { readonly method: string; readonly path: string; readonly status: number };

export type TransitionAnswer = { readonly status: number; readonly messages: readonly string[] };

export type ApprovalWorld = {
  readonly jira: JiraStandIn;
  readonly runtime: LocalForgeRuntime;
  readonly kvs: LocalKvsStore;
  readonly database: SqlDatabase;
  readonly platform: Platform;
  readonly setup: ProjectSetupReport;
  readonly fieldIds: Readonly<Record<ExceptionFieldName, string>>;
  readonly register: SqlRegisterRepository;
  /** Every request the app sent to Jira, in order. */
  readonly jiraCalls: JiraCall[];
  /** Every SQL statement the app ran, in order. */
  readonly sqlQueries: string[];
  /** Raises an exception as `asUser` (the requester by default) and returns its key. */
  raise(request: ExceptionRequest, asUser?: string): Promise<string>;
  /** Makes the named transition as `asUser`, with a comment when given, and waits for the events it caused. */
  transition(issueKey: string, name: string, asUser: string, options?: { readonly comment?: string }): Promise<TransitionAnswer>;
  /** Edits exception fields as `asUser` and waits for the events it caused. */
  edit(issueKey: string, values: Partial<Record<ExceptionFieldName, unknown>>, asUser?: string): Promise<void>;
  statusOf(issueKey: string): Status | undefined;
  approvalsOf(issueKey: string): Promise<Approval[]>;
  auditOf(issueKey: string): Promise<AuditEntry[]>;
  commentsOf(issueKey: string): string[];
  setPolicy(policy: PolicyInput | Record<string, unknown>): void;
  /** While on, every SQL statement the app runs fails as a database without the app's tables would make it fail. */
  breakSql(broken: boolean): void;
  settle(): Promise<void>;
  close(): Promise<void>;
};

/** A request rated at each tier by the default policy: matrix cells 1x1, 3x3, 4x4 and 5x5 less one monitoring control. */
const TIER_CELLS = { low: [1, 1], medium: [3, 3], high: [4, 4], critical: [5, 5] } as const;

export const requestRatedAt = (tier: keyof typeof TIER_CELLS, overrides: Partial<ExceptionRequestInput> = {}): ExceptionRequest => {
  const [likelihood, impact] = TIER_CELLS[tier];
  return anExceptionRequest({
    requester: PEOPLE.requester,
    assetOwner: PEOPLE.owner,
    riskInputs: { method: 'matrix', likelihood, impact },
    compensatingControls: [
      {
        id: 'ctl-1',
        type: 'enhanced-monitoring',
        description: 'SIEM alert on any access to the appliance outside the change window',
        status: 'implemented',
        evidence: ['SIEM rule SR-201'],
      },
    ],
    requestedExpiry: '2027-03-21',
    remediationPlan: { summary: 'Replace the appliance in the spring hardware refresh', targetDate: '2027-03-20', ticket: 'OPS-88' },
    ...overrides,
  });
};

/** A Kysely over in-memory SQLite whose log hook records every statement the app runs. */
const countingDatabase = (queries: string[]): SqlDatabase => {
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }),
    log: (event) => {
      if (event.level === 'query') queries.push(event.query.sql);
    },
  });
  return { dialect: 'sqlite', db, migrate: () => runMigrations(db), destroy: () => db.destroy() };
};

const expectOk = async (response: Promise<{ status: number; body: string }>): Promise<unknown> => {
  const answered = await response;
  if (answered.status >= 300) throw new Error(`Jira answered ${answered.status}: ${answered.body}`);
  return answered.body === '' ? undefined : (JSON.parse(answered.body) as unknown);
};

const messagesOf = (body: string): string[] => {
  if (body === '') return [];
  const parsed = JSON.parse(body) as { errorMessages?: string[]; errors?: Record<string, string> };
  return [...(parsed.errorMessages ?? []), ...Object.values(parsed.errors ?? {})];
};

export async function createApprovalWorld(options: { readonly policy?: PolicyInput } = {}): Promise<ApprovalWorld> {
  const jira = createJiraStandIn({ validator: jiraSpecValidator(), app: { ...APP, name: 'Security Exception Register' }, start: START });
  for (const accountId of Object.values(PEOPLE)) jira.seedUser({ accountId, displayName: accountId });
  jira.seedGroup('jira-admins', [PEOPLE.admin]);
  for (const [name, members] of Object.entries(GROUPS)) jira.seedGroup(name, members);
  jira.seedProject({ key: 'SEC', name: 'Security Exceptions', leadAccountId: PEOPLE.lead });
  const fieldIds = registerExceptionFields(jira);

  const jiraCalls: JiraCall[] = [];
  const sqlQueries: string[] = [];
  const kvs = createLocalKvsStore({ now: () => jira.clock.now() });
  const runtime = installLocalForgeRuntime({
    jira: {
      app: jira.app,
      useInvocationScope: (scope) => jira.useInvocationScope(scope),
      handle: async (request: JiraHttpRequest) => {
        const response = await jira.handle(request);
        jiraCalls.push({ method: request.method, path: request.path.split('?')[0] ?? request.path, status: response.status });
        return response;
      },
    },
    kvs,
  });
  const database = countingDatabase(sqlQueries);
  await database.migrate();
  const unmigrated = createDatabase({ dialect: 'sqlite', filename: ':memory:' });
  let sqlBroken = false;
  const platform: Platform = {
    database: () => (sqlBroken ? unmigrated : database),
    now: () => jira.clock.now(),
    remainingMs: () => 600_000,
    sleep: () => Promise.resolve(),
  };

  const validator = transitionValidatorHandler(platform);
  const names = { intake: 'Security exception request', peerReview: 'Security exception peer review', approval: 'Security exception approval', activation: 'Security exception activation' };
  for (const [role, moduleKey] of Object.entries(VALIDATOR_MODULE_KEYS)) {
    jira.registerWorkflowValidator(moduleKey, validator, { name: names[role as keyof typeof names] });
  }
  jira.registerWorkflowPostFunction(RECORDER_MODULE_KEY, recordDecisionHandler(platform), { name: 'Security exception decision recorder' });
  jira.registerTrigger({
    key: 'issue-events',
    events: ['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue'],
    handler: issueEventsHandler(platform),
    ignoreSelf: true,
  });

  const setPolicy = (policy: PolicyInput | Record<string, unknown>): void => void kvs.set('values', 'policy:active', policy, {});
  if (options.policy !== undefined) setPolicy(options.policy);

  const gateway = createJiraGateway({
    request: (path, init) => api.asApp().requestJira(assumeTrustedRoute(path), init),
    sleep: () => Promise.resolve(),
    random: () => 0,
    now: () => jira.clock.now(),
  });
  const setup = await runtime.runAs(PEOPLE.admin, () => {
    const context = getAppContext();
    return setUpProject(
      { jira: gateway },
      {
        projectKey: 'SEC',
        app: { appId: context.appAri.appId, environmentId: context.environmentAri.environmentId },
        validatorModuleKeys: VALIDATOR_MODULE_KEYS,
        recorderModuleKey: RECORDER_MODULE_KEY,
        approvalLevels: options.policy?.levels ?? DEFAULT_POLICY.levels,
        fieldModuleKeys: { editable: Object.values(EXCEPTION_FIELD_MODULE_KEYS), readOnly: [] },
      },
    );
  });
  if (setup.result === 'stopped') throw new Error(`set-up stopped: ${JSON.stringify(setup.steps)}`);
  jiraCalls.length = 0;
  sqlQueries.length = 0;

  const approvals = new SqlApprovalRepository(database);
  const auditStore = new SqlAuditStore(database);
  const fieldsOf = (values: Partial<Record<ExceptionFieldName, unknown>>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [fieldIds[name as ExceptionFieldName], value]));
  const settle = () => jira.events.settle();

  return {
    jira,
    runtime,
    kvs,
    database,
    platform,
    setup,
    fieldIds,
    register: new SqlRegisterRepository(database),
    jiraCalls,
    sqlQueries,
    async raise(request, asUser = PEOPLE.requester) {
      const created = (await expectOk(
        call(
          jira,
          'POST',
          '/rest/api/3/issue',
          {
            fields: {
              project: { key: 'SEC' },
              issuetype: { name: EXCEPTION_ISSUE_TYPE },
              summary: request.title ?? 'Security exception',
              description: descriptionOf(request),
              ...fieldsOf(fieldValuesOf(request)),
            },
          },
          asUser,
        ),
      )) as { key: string };
      await settle();
      return created.key;
    },
    async transition(issueKey, name, asUser, transitionOptions = {}) {
      const offered = (await expectOk(call(jira, 'GET', `/rest/api/3/issue/${issueKey}/transitions`, undefined, asUser))) as {
        transitions: { id: string; name: string }[];
      };
      const transition = offered.transitions.find((candidate) => candidate.name === name);
      if (transition === undefined) throw new Error(`${issueKey} offers ${asUser} no "${name}" transition (offered: ${offered.transitions.map((t) => t.name).join(', ')})`);
      const comment = transitionOptions.comment;
      const answered = await call(
        jira,
        'POST',
        `/rest/api/3/issue/${issueKey}/transitions`,
        {
          transition: { id: transition.id },
          ...(comment === undefined ? {} : { update: { comment: [{ add: { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: comment }] }] } } }] } }),
        },
        asUser,
      );
      await settle();
      return { status: answered.status, messages: messagesOf(answered.body) };
    },
    async edit(issueKey, values, asUser = PEOPLE.requester) {
      await expectOk(call(jira, 'PUT', `/rest/api/3/issue/${issueKey}`, { fields: fieldsOf(values) }, asUser));
      await settle();
    },
    statusOf(issueKey) {
      const issue = jira.issue(issueKey);
      return statusNamed(issue === undefined ? undefined : jira.state.statuses.get(issue.statusId)?.name);
    },
    approvalsOf: (issueKey) => approvals.forIssue(issueKey),
    auditOf: (issueKey) => auditStore.forIssue(issueKey, 0, 1000),
    commentsOf: (issueKey) => (jira.issue(issueKey)?.comments ?? []).map((comment) => adfPlainText(comment.body)),
    setPolicy,
    breakSql: (broken) => {
      sqlBroken = broken;
    },
    settle,
    async close() {
      runtime.uninstall();
      await database.destroy();
      await unmigrated.destroy();
    },
  };
}
