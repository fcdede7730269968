import { createDatabase, type SqlDatabase } from '../../adapters/sql/database';
import {
  COMPUTED_FIELD_MODULE_KEYS,
  EXCEPTION_ISSUE_TYPE,
  type ComputedFieldName,
  type ExceptionFieldName,
} from '../../app/projection/exception-issue';
import { descriptionOf, fieldValuesOf } from '../../app/projection/testing/exception-issue-builder';
import type { ExceptionRequest } from '../../domain/exception/security-exception';
import type { ForgeFieldValueType } from '../../sandbox/jira/jira-model';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore, type LocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { findProject } from '../../sandbox/jira/jira-state';
import { assignExceptionSchemes, expectStatus } from '../../sandbox/jira/testing/provision-exception-workflow';
import { call, createStandInWorld, PEOPLE, type StandInWorld } from '../../sandbox/jira/testing/stand-in-world';
import type { Platform } from '../composition/platform';
import { issueEventsHandler } from '../issue-events.trigger';
import { registerExceptionFields } from '../../sandbox/jira/testing/exception-fields';

/**
 * A Jira site with a Security Exception workflow whose transitions carry no validators (as if an administrator had
 * removed them), the app's exception fields, the local Forge runtime and an in-memory SQLite register: the entry
 * handlers run here exactly as under Forge, against the real @forge/api and @forge/kvs.
 */

const STATUSES = [
  ['draft', 'Draft', 'TODO'],
  ['submitted', 'Submitted', 'IN_PROGRESS'],
  ['risk-review', 'Risk Review', 'IN_PROGRESS'],
  ['awaiting-approval', 'Awaiting Approval', 'IN_PROGRESS'],
  ['active', 'Active', 'DONE'],
  ['rejected', 'Rejected', 'DONE'],
] as const;

const TRANSITIONS = [
  { name: 'Submit', from: ['draft'], to: 'submitted' },
  { name: 'Start review', from: ['submitted'], to: 'risk-review' },
  { name: 'Complete review', from: ['risk-review'], to: 'awaiting-approval' },
  { name: 'Activate', from: ['awaiting-approval'], to: 'active' },
  { name: 'Reject', from: ['submitted', 'risk-review', 'awaiting-approval'], to: 'rejected' },
] as const;

export type TransitionName = (typeof TRANSITIONS)[number]['name'];

export type RegisterWorld = {
  readonly world: StandInWorld;
  readonly runtime: LocalForgeRuntime;
  readonly kvs: LocalKvsStore;
  readonly database: SqlDatabase;
  readonly platform: Platform;
  readonly fieldIds: Readonly<Record<ExceptionFieldName, string>>;
  /** The read-only fields the app computes, deployed with the others as manifest.yml declares them. */
  readonly computedFieldIds: Readonly<Record<ComputedFieldName, string>>;
  /** The computed fields' values as Jira stores them, absent where it holds none. */
  computedValues(issueKey: string): Partial<Record<ComputedFieldName, unknown>>;
  /** Every request the app sent to Jira, in order, path without its query. */
  readonly jiraRequests: { readonly method: string; readonly path: string; readonly status: number }[];
  /** What the handlers are told their invocation has left, in milliseconds; a throw stands for the invocation being killed. */
  timeLeft: () => number;
  createException(request: ExceptionRequest, summary?: string): Promise<string>;
  /** An exception already in Jira before the app saw it: seeding fires no event. */
  seedException(request: ExceptionRequest, status: string, summary?: string): string;
  editFields(issueKey: string, values: Partial<Record<ExceptionFieldName, unknown>>, asUser?: string | null): Promise<void>;
  transition(issueKey: string, name: TransitionName, asUser?: string | null): Promise<void>;
  deleteIssue(issueKey: string, asUser?: string): Promise<void>;
  settle(): Promise<void>;
  close(): Promise<void>;
};

const provisionWorkflow = async (world: StandInWorld, fieldIds: readonly string[]): Promise<void> => {
  const { jira } = world;
  const issueType = (await expectStatus(call(jira, 'POST', '/rest/api/3/issuetype', { name: EXCEPTION_ISSUE_TYPE, hierarchyLevel: 0 }), 201)) as { id: string };
  await expectStatus(
    call(jira, 'POST', '/rest/api/3/workflows/create', {
      scope: { type: 'GLOBAL' },
      statuses: STATUSES.map(([statusReference, name, statusCategory]) => ({ statusReference, name, statusCategory })),
      workflows: [
        {
          name: 'Security Exception Workflow',
          statuses: STATUSES.map(([statusReference]) => ({ statusReference, properties: {} })),
          transitions: [
            { name: 'Create', type: 'INITIAL', toStatusReference: 'draft', links: [] },
            ...TRANSITIONS.map((transition) => ({
              name: transition.name,
              type: 'DIRECTED',
              toStatusReference: transition.to,
              links: transition.from.map((fromStatusReference) => ({ fromStatusReference })),
            })),
          ],
        },
      ],
    }),
    200,
  );
  await assignExceptionSchemes(jira, issueType.id, fieldIds);
};

const COMPUTED_FIELD_TYPES: Readonly<Record<ComputedFieldName, ForgeFieldValueType>> = {
  riskScore: 'number',
  riskTier: 'string',
  approvalState: 'object',
};

const registerComputedFields = (world: StandInWorld): Record<ComputedFieldName, string> =>
  Object.fromEntries(
    (Object.keys(COMPUTED_FIELD_MODULE_KEYS) as ComputedFieldName[]).map((field) => [
      field,
      world.jira.registerForgeCustomField({
        moduleKey: COMPUTED_FIELD_MODULE_KEYS[field],
        name: `Exception ${field}`,
        type: COMPUTED_FIELD_TYPES[field],
        readOnly: true,
      }).id,
    ]),
  ) as Record<ComputedFieldName, string>;

/** The admin may do anything in SEC, as a Jira administrator working around the workflow would. */
const grantAdmin = (world: StandInWorld): void => {
  const project = findProject(world.jira.state, 'SEC');
  if (project === undefined) throw new Error('the stand-in world has no SEC project');
  for (const permission of ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'TRANSITION_ISSUES', 'DELETE_ISSUES', 'CREATE_ISSUES'] as const) {
    const grant = project.permissions.get(permission) ?? { anyoneWithSiteAccess: false, groups: [], accountIds: [] };
    project.permissions.set(permission, { ...grant, accountIds: [...grant.accountIds, PEOPLE.admin] });
  }
};

export async function createRegisterWorld(): Promise<RegisterWorld> {
  const world = createStandInWorld();
  world.jira.seedUser({ accountId: 'acc-owner', displayName: 'Owen Owner' });
  world.jira.seedGroup('security-architects', [PEOPLE.lead]);
  grantAdmin(world);
  const fieldIds = registerExceptionFields(world.jira);
  const computedFieldIds = registerComputedFields(world);
  await provisionWorkflow(world, Object.values(fieldIds));

  const kvs = createLocalKvsStore({ now: () => world.jira.clock.now() });
  const jiraRequests: RegisterWorld['jiraRequests'] = [];
  const runtime = installLocalForgeRuntime({
    jira: {
      app: world.jira.app,
      useInvocationScope: (scope) => world.jira.useInvocationScope(scope),
      handle: async (request) => {
        const response = await world.jira.handle(request);
        jiraRequests.push({ method: request.method, path: request.path.split('?')[0] ?? request.path, status: response.status });
        return response;
      },
    },
    kvs,
  });
  const database = createDatabase({ dialect: 'sqlite', filename: ':memory:' });
  await database.migrate();

  const fieldsOf = (values: Partial<Record<ExceptionFieldName, unknown>>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [fieldIds[name as ExceptionFieldName], value]));

  const registerWorld: RegisterWorld = {
    world,
    runtime,
    kvs,
    database,
    fieldIds,
    computedFieldIds,
    jiraRequests,
    computedValues(issueKey) {
      const issue = world.jira.issue(issueKey);
      if (issue === undefined) throw new Error(`the stand-in has no issue ${issueKey}`);
      return Object.fromEntries(
        (Object.keys(computedFieldIds) as ComputedFieldName[]).flatMap((field) => {
          const value = issue.values.get(computedFieldIds[field]);
          return value === undefined || value === null ? [] : [[field, value]];
        }),
      );
    },
    timeLeft: () => 600_000,
    platform: {
      database: () => database,
      now: () => world.jira.clock.now(),
      remainingMs: () => registerWorld.timeLeft(),
      sleep: () => Promise.resolve(),
    },
    async createException(request, summary) {
      const created = (await expectStatus(
        call(
          world.jira,
          'POST',
          '/rest/api/3/issue',
          {
            fields: {
              project: { key: 'SEC' },
              issuetype: { name: EXCEPTION_ISSUE_TYPE },
              summary: summary ?? request.title ?? 'Security exception',
              description: descriptionOf(request),
              ...fieldsOf(fieldValuesOf(request)),
            },
          },
          PEOPLE.requester,
        ),
        201,
      )) as { key: string };
      return created.key;
    },
    seedException(request, status, summary) {
      return world.jira.seedIssue({
        projectKey: 'SEC',
        issueType: EXCEPTION_ISSUE_TYPE,
        summary: summary ?? request.title ?? 'Security exception',
        reporterAccountId: PEOPLE.requester,
        status,
        values: { description: descriptionOf(request), ...fieldsOf(fieldValuesOf(request)) },
      }).key;
    },
    async editFields(issueKey, values, asUser = PEOPLE.requester) {
      await expectStatus(call(world.jira, 'PUT', `/rest/api/3/issue/${issueKey}`, { fields: fieldsOf(values) }, asUser), 204);
    },
    async transition(issueKey, name, asUser = PEOPLE.lead) {
      const offered = (await expectStatus(call(world.jira, 'GET', `/rest/api/3/issue/${issueKey}/transitions`, undefined, asUser), 200)) as {
        transitions: { id: string; name: string }[];
      };
      const transition = offered.transitions.find((candidate) => candidate.name === name);
      if (transition === undefined) throw new Error(`${issueKey} offers no "${name}" transition now`);
      await expectStatus(call(world.jira, 'POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id: transition.id } }, asUser), 204);
    },
    async deleteIssue(issueKey, asUser = PEOPLE.admin) {
      await expectStatus(call(world.jira, 'DELETE', `/rest/api/3/issue/${issueKey}`, undefined, asUser), 204);
    },
    settle: () => world.jira.events.settle(),
    async close() {
      runtime.uninstall();
      await database.destroy();
    },
  };
  world.jira.registerTrigger({
    key: 'issue-events',
    events: ['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue'],
    handler: issueEventsHandler(registerWorld.platform),
    ignoreSelf: true,
  });
  return registerWorld;
}
