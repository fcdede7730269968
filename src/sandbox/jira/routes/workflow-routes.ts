import { z } from 'zod';
import { badRequest, failure, jiraError, ok, success, unsupportedInStandIn, type Outcome, type RouteResult } from '../jira-http';
import type { JiraProject, JiraStatus, JiraWorkflow, WorkflowRule, WorkflowTransition } from '../jira-model';
import { findProject, findWorkflowByName } from '../jira-state';
import { dateTime } from '../jira-views';
import type { RouteContext, RouteTable } from '../route-context';
import { FORGE_POST_FUNCTION_RULE_KEY } from '../workflow-post-functions';
import { extensionAri, isForgeRule, parseExtensionAri } from '../workflow-validators';
import { andThen, can, canGlobally, parseBody } from './route-helpers';
import { jiraStatusView } from './status-routes';

/**
 * The new workflows API (`/workflows/create`, `/workflows/search`). A create request names statuses by
 * `statusReference`: one with an `id` refers to an existing status, one without creates it. The stand-in
 * stores references resolved to status ids, so a workflow read back refers to statuses by id.
 */

const ruleSchema = z.object({
  id: z.string().nullable().optional(),
  ruleKey: z.string().min(1),
  parameters: z.record(z.string(), z.string()).default({}),
});

const transitionSchema = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1, 'Every transition needs a name'),
  description: z.string().optional(),
  type: z.enum(['INITIAL', 'GLOBAL', 'DIRECTED']).default('DIRECTED'),
  toStatusReference: z.string(),
  links: z.array(z.object({ fromStatusReference: z.string().nullable().optional(), fromPort: z.number().nullable().optional(), toPort: z.number().nullable().optional() })).default([]),
  validators: z.array(ruleSchema).default([]),
  actions: z.array(ruleSchema).default([]),
  conditions: z.unknown().optional(),
  triggers: z.array(z.unknown()).default([]),
  properties: z.record(z.string(), z.string()).default({}),
  transitionScreen: ruleSchema.optional(),
  customIssueEventId: z.string().optional(),
});

const createRequestSchema = z.object({
  scope: z.object({ type: z.enum(['PROJECT', 'GLOBAL']).default('GLOBAL'), project: z.object({ id: z.string() }).optional() }).default({ type: 'GLOBAL' }),
  statuses: z
    .array(
      z.object({
        id: z.string().optional(),
        name: z.string(),
        statusCategory: z.enum(['TODO', 'IN_PROGRESS', 'DONE']),
        statusReference: z.string(),
        description: z.string().optional(),
      }),
    )
    .default([]),
  workflows: z
    .array(
      z.object({
        name: z.string().trim().min(1),
        description: z.string().optional(),
        statuses: z.array(z.object({ statusReference: z.string(), properties: z.record(z.string(), z.string()), layout: z.unknown().optional() })),
        transitions: z.array(transitionSchema),
        startPointLayout: z.unknown().optional(),
        loopedTransitionContainerLayout: z.unknown().optional(),
      }),
    )
    .default([]),
});

type CreateRequest = z.infer<typeof createRequestSchema>;
type StatusPlan = { readonly references: Map<string, string>; readonly toCreate: JiraStatus[] };

const planStatuses = (ctx: RouteContext, request: CreateRequest, projectId: string | undefined): Outcome<StatusPlan> => {
  const { state } = ctx.services;
  const references = new Map<string, string>();
  const toCreate: JiraStatus[] = [];
  for (const status of request.statuses) {
    if (status.id !== undefined) {
      const existing = state.statuses.get(status.id);
      if (existing === undefined) return failure(badRequest(`The status with id '${status.id}' does not exist.`));
      references.set(status.statusReference, existing.id);
      continue;
    }
    const clash = [...state.statuses.values(), ...toCreate].find(
      (candidate) => candidate.projectId === projectId && candidate.name.toLowerCase() === status.name.toLowerCase(),
    );
    if (clash !== undefined) {
      return failure(badRequest(`A status named '${status.name}' already exists (id ${clash.id}); reference it by id.`));
    }
    const created: JiraStatus = {
      id: String(state.nextId('status')),
      name: status.name,
      description: status.description ?? '',
      category: status.statusCategory,
      ...(projectId === undefined ? {} : { projectId }),
    };
    toCreate.push(created);
    references.set(status.statusReference, created.id);
  }
  return success({ references, toCreate });
};

const ruleOf = (ctx: RouteContext, rule: z.infer<typeof ruleSchema>): WorkflowRule => ({
  id: rule.id ?? ctx.services.state.nextUuid(),
  ruleKey: rule.ruleKey,
  parameters: rule.parameters,
});

const ruleProblem = (rule: z.infer<typeof ruleSchema>): string | undefined => {
  if (!isForgeRule(rule.ruleKey)) return undefined;
  const key = rule.parameters.key;
  return key !== undefined && parseExtensionAri(key) !== undefined
    ? undefined
    : `The Forge rule ${rule.ruleKey} needs parameters.key set to an extension ARI (ari:cloud:ecosystem::extension/{appId}/{environmentId}/static/{moduleKey}).`;
};

const buildTransition = (
  ctx: RouteContext,
  input: z.infer<typeof transitionSchema>,
  references: ReadonlyMap<string, string>,
  onWorkflow: ReadonlySet<string>,
  nextId: () => string,
): Outcome<WorkflowTransition> => {
  const toStatusId = references.get(input.toStatusReference);
  if (toStatusId === undefined || !onWorkflow.has(toStatusId)) {
    return failure(badRequest(`Transition '${input.name}' leads to '${input.toStatusReference}', which is not a status of the workflow.`));
  }
  const fromStatusIds: string[] = [];
  for (const link of input.links) {
    if (link.fromStatusReference === null || link.fromStatusReference === undefined) continue;
    const fromId = references.get(link.fromStatusReference);
    if (fromId === undefined || !onWorkflow.has(fromId)) {
      return failure(badRequest(`Transition '${input.name}' starts from '${link.fromStatusReference}', which is not a status of the workflow.`));
    }
    fromStatusIds.push(fromId);
  }
  if (input.type === 'DIRECTED' && fromStatusIds.length === 0) return failure(badRequest(`Directed transition '${input.name}' has no status to start from.`));
  const problem = [...input.validators, ...input.actions].map(ruleProblem).find((message) => message !== undefined);
  if (problem !== undefined) return failure(badRequest(problem));
  const screenId = input.transitionScreen?.parameters.screenId;
  if (screenId !== undefined && !ctx.services.state.screens.has(Number(screenId))) {
    return failure(badRequest(`Transition '${input.name}' uses screen ${screenId}, which does not exist.`));
  }
  return success({
    id: input.id ?? nextId(),
    name: input.name,
    description: input.description ?? '',
    type: input.type,
    toStatusId,
    fromStatusIds: input.type === 'DIRECTED' ? fromStatusIds : [],
    validators: input.validators.map((rule) => ruleOf(ctx, rule)),
    actions: input.actions.map((rule) => ruleOf(ctx, rule)),
    ...(input.conditions === undefined ? {} : { conditions: input.conditions }),
    triggers: input.triggers,
    properties: input.properties,
    ...(screenId === undefined ? {} : { screenId: Number(screenId) }),
    links: input.links,
  });
};

const buildWorkflow = (
  ctx: RouteContext,
  input: CreateRequest['workflows'][number],
  references: ReadonlyMap<string, string>,
  projectId: string | undefined,
): Outcome<JiraWorkflow> => {
  const { state, clock } = ctx.services;
  if (findWorkflowByName(state, input.name) !== undefined) return failure(badRequest(`A workflow with the name '${input.name}' already exists.`));
  const statuses = [];
  for (const layout of input.statuses) {
    const statusId = references.get(layout.statusReference);
    if (statusId === undefined) return failure(badRequest(`The status reference '${layout.statusReference}' is not among the request's statuses.`));
    statuses.push({ statusId, properties: layout.properties, ...(layout.layout === undefined ? {} : { layout: layout.layout }) });
  }
  const onWorkflow = new Set(statuses.map((status) => status.statusId));
  if (input.transitions.filter((transition) => transition.type === 'INITIAL').length !== 1) {
    return failure(badRequest(`Workflow '${input.name}' must have exactly one INITIAL transition.`));
  }
  let counter = 1;
  const nextId = (): string => String(counter === 1 ? counter++ : (counter++ - 1) * 10 + 1);
  const transitions: WorkflowTransition[] = [];
  for (const transitionInput of [...input.transitions].sort((a, b) => (a.type === 'INITIAL' ? -1 : b.type === 'INITIAL' ? 1 : 0))) {
    const transition = buildTransition(ctx, transitionInput, references, onWorkflow, nextId);
    if (!transition.ok) return transition;
    transitions.push(transition.value);
  }
  const now = clock.now();
  return success({
    id: state.nextUuid(),
    name: input.name,
    description: input.description ?? '',
    ...(projectId === undefined ? {} : { projectId }),
    statuses,
    transitions,
    versionNumber: 1,
    created: now,
    updated: now,
  });
};

const ruleView = (rule: WorkflowRule): Record<string, unknown> => ({ id: rule.id, ruleKey: rule.ruleKey, parameters: { ...rule.parameters } });

export const workflowView = (ctx: RouteContext, workflow: JiraWorkflow, withTransitions: boolean): Record<string, unknown> => ({
  id: workflow.id,
  name: workflow.name,
  description: workflow.description,
  scope: workflow.projectId === undefined ? { type: 'GLOBAL' } : { type: 'PROJECT', project: { id: workflow.projectId } },
  statuses: workflow.statuses.map((status) => ({
    statusReference: status.statusId,
    properties: { ...status.properties },
    deprecated: false,
    ...(status.layout === undefined ? {} : { layout: status.layout }),
  })),
  ...(withTransitions
    ? {
        transitions: workflow.transitions.map((transition) => ({
          id: transition.id,
          name: transition.name,
          description: transition.description,
          type: transition.type,
          toStatusReference: transition.toStatusId,
          links: transition.fromStatusIds.map((fromStatusReference) => ({ fromStatusReference })),
          validators: transition.validators.map(ruleView),
          actions: transition.actions.map(ruleView),
          ...(transition.conditions === undefined ? {} : { conditions: transition.conditions }),
          triggers: transition.triggers,
          properties: { ...transition.properties },
          ...(transition.screenId === undefined
            ? {}
            : { transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: String(transition.screenId) } } }),
        })),
      }
    : {}),
  version: { id: workflow.id, versionNumber: workflow.versionNumber },
  isEditable: true,
  created: dateTime(ctx.view, workflow.created),
  updated: dateTime(ctx.view, workflow.updated),
});

const workflowStatusView = (status: JiraStatus): Record<string, unknown> => ({ ...jiraStatusView(status), statusReference: status.id });

const scopeProject = (ctx: RouteContext, request: CreateRequest): Outcome<JiraProject | undefined> => {
  if (request.scope.type === 'GLOBAL') {
    return canGlobally(ctx, 'ADMINISTER') ? success(undefined) : failure(jiraError(401, ['You need Administer Jira permission to create global workflows.']));
  }
  const project = findProject(ctx.services.state, request.scope.project?.id ?? '');
  if (project === undefined || project.style !== 'team-managed') return failure(badRequest('A PROJECT scope needs the id of a team-managed project.'));
  return can(ctx, project, 'ADMINISTER_PROJECTS') ? success(project) : failure(jiraError(401, ['You need Administer projects permission.']));
};

const createWorkflows = (ctx: RouteContext, request: CreateRequest): RouteResult => {
  const scope = scopeProject(ctx, request);
  if (!scope.ok) return scope.response;
  const projectId = scope.value?.id;
  const plan = planStatuses(ctx, request, projectId);
  if (!plan.ok) return plan.response;
  const names = request.workflows.map((workflow) => workflow.name);
  if (new Set(names).size !== names.length) return badRequest('Workflow names in one request must be unique.');
  const { state } = ctx.services;
  // Statuses must exist before the workflows are built so transition references resolve; a failed build
  // rolls them back, as Jira's create is all-or-nothing.
  for (const status of plan.value.toCreate) state.statuses.set(status.id, status);
  const built: JiraWorkflow[] = [];
  for (const input of request.workflows) {
    const workflow = buildWorkflow(ctx, input, plan.value.references, projectId);
    if (!workflow.ok) {
      for (const status of plan.value.toCreate) state.statuses.delete(status.id);
      return workflow.response;
    }
    built.push(workflow.value);
  }
  for (const workflow of built) state.workflows.set(workflow.id, workflow);
  const referenced = new Set(built.flatMap((workflow) => workflow.statuses.map((status) => status.statusId)));
  return ok({
    statuses: [...referenced].flatMap((id) => {
      const status = state.statuses.get(id);
      return status === undefined ? [] : [workflowStatusView(status)];
    }),
    workflows: built.map((workflow) => workflowView(ctx, workflow, true)),
  });
};

const ORDERINGS: Readonly<Record<string, (a: JiraWorkflow, b: JiraWorkflow) => number>> = {
  name: (a, b) => a.name.localeCompare(b.name),
  created: (a, b) => a.created.getTime() - b.created.getTime(),
  updated: (a, b) => a.updated.getTime() - b.updated.getTime(),
};

const isActive = (ctx: RouteContext, workflow: JiraWorkflow): boolean => {
  const { state } = ctx.services;
  return [...state.projects.values()].some((project) => {
    if (project.style === 'team-managed') return [...project.teamManagedWorkflows.values()].includes(workflow.id);
    const scheme = project.workflowSchemeId === undefined ? undefined : state.workflowSchemes.get(project.workflowSchemeId);
    const names = scheme === undefined ? ['jira'] : [scheme.defaultWorkflow, ...Object.values(scheme.issueTypeMappings)];
    return names.includes(workflow.name);
  });
};

const searchWorkflows = (ctx: RouteContext): RouteResult => {
  const expand = (ctx.query.get('expand') ?? '').split(',').filter((token) => token !== '');
  const unsupported = expand.filter((token) => token !== 'values.transitions');
  if (unsupported.length > 0) return unsupportedInStandIn(`unsupported expand in the stand-in: ${unsupported.join(', ')}`);
  const orderBy = ctx.query.get('orderBy') ?? 'name';
  const descending = orderBy.startsWith('-');
  const ordering = ORDERINGS[orderBy.replace(/^[+-]/, '')];
  if (ordering === undefined) return unsupportedInStandIn(`unsupported orderBy in the stand-in: ${orderBy}`);
  const wanted = ctx.query.get('queryString')?.toLowerCase();
  const scope = ctx.query.get('scope')?.toUpperCase();
  const active = ctx.query.get('isActive');
  const { state } = ctx.services;
  const workflows = [...state.workflows.values()]
    .filter((workflow) => wanted === undefined || workflow.name.toLowerCase().includes(wanted))
    .filter((workflow) => scope === undefined || (scope === 'GLOBAL') === (workflow.projectId === undefined))
    .filter((workflow) => active === undefined || String(isActive(ctx, workflow)) === active)
    .filter((workflow) => {
      if (canGlobally(ctx, 'ADMINISTER')) return true;
      const project = workflow.projectId === undefined ? undefined : state.projects.get(workflow.projectId);
      return project !== undefined && can(ctx, project, 'ADMINISTER_PROJECTS');
    })
    .sort((a, b) => (descending ? -ordering(a, b) : ordering(a, b)));
  const startAt = Number.parseInt(ctx.query.get('startAt') ?? '0', 10);
  const maxResults = Number.parseInt(ctx.query.get('maxResults') ?? '50', 10);
  const page = workflows.slice(startAt, startAt + maxResults);
  const statusIds = new Set(page.flatMap((workflow) => workflow.statuses.map((status) => status.statusId)));
  return ok({
    startAt,
    maxResults,
    total: workflows.length,
    isLast: startAt + page.length >= workflows.length,
    values: page.map((workflow) => workflowView(ctx, workflow, expand.includes('values.transitions'))),
    statuses: [...statusIds].flatMap((id) => {
      const status = state.statuses.get(id);
      return status === undefined ? [] : [workflowStatusView(status)];
    }),
  });
};

/**
 * The rules an editor may add: the installed app's registered validators and post functions as Forge rules
 * (referenced by extension ARI). System and Connect rules are not modelled, so their lists are left out rather than
 * reported empty.
 */
const capabilities = (ctx: RouteContext): RouteResult => {
  const { state, app, validators, postFunctions } = ctx.services;
  const projectId = ctx.query.get('projectId');
  const issueTypeId = ctx.query.get('issueTypeId');
  const workflowId = ctx.query.get('workflowId');
  const project = projectId === undefined ? undefined : findProject(state, projectId);
  if ((projectId !== undefined && project === undefined) || (issueTypeId !== undefined && !state.issueTypes.has(issueTypeId))) {
    return badRequest('The project or issue type does not exist.');
  }
  const workflow = workflowId === undefined ? undefined : state.workflows.get(workflowId);
  if (workflowId !== undefined && workflow === undefined) return badRequest(`The workflow ${workflowId} does not exist.`);
  const projectScoped = project?.style === 'team-managed' || workflow?.projectId !== undefined;
  const forgeRule =
    (ruleKey: string, ruleType: string) =>
    ([moduleKey, registered]: readonly [string, { readonly name?: string }]) => ({
      id: extensionAri({ appId: app.appId, environmentId: app.environmentId, moduleKey }),
      ruleKey,
      ruleType,
      name: registered.name ?? moduleKey,
      description: registered.name ?? moduleKey,
    });
  return ok({
    editorScope: projectScoped ? 'PROJECT' : 'GLOBAL',
    projectTypes: ['software'],
    forgeRules: [
      ...[...validators].map(forgeRule('forge:expression-validator', 'Validator')),
      ...[...postFunctions].map(forgeRule(FORGE_POST_FUNCTION_RULE_KEY, 'Function')),
    ],
  });
};

export const workflowRoutes: RouteTable = {
  'GET /rest/api/3/workflows/capabilities': {
    query: ['workflowId', 'projectId', 'issueTypeId'],
    handle: (ctx) => andThen(canGlobally(ctx, 'ADMINISTER') ? success(true) : failure(jiraError(401, ['You need Administer Jira permission.'])), () => capabilities(ctx)),
  },
  'POST /rest/api/3/workflows/create': {
    handle: (ctx) => {
      const body = parseBody(createRequestSchema, ctx.body);
      return body.ok ? createWorkflows(ctx, body.value) : body.response;
    },
  },
  'GET /rest/api/3/workflows/search': {
    query: ['startAt', 'maxResults', 'expand', 'queryString', 'orderBy', 'scope', 'isActive'],
    handle: searchWorkflows,
  },
};
