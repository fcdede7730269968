import { z } from 'zod';
import { planFieldEdits } from '../field-edits';
import { commitIssueChanges } from '../issue-changes';
import { emitIssueCreated, emitIssueDeleted } from '../issue-events';
import {
  parseExpand,
  parseFieldSelection,
  parsePropertyKeys,
  renderIssue,
  SUPPORTED_EXPANDS,
  type IssueViewOptions,
} from '../issue-view';
import { badRequest, created, unsupportedInStandIn, failure, fieldErrors, forbidden, jiraError, noContent, ok, success, type Outcome, type RouteResult } from '../jira-http';
import type { JiraIssue, JiraIssueType, JiraProject } from '../jira-model';
import { findIssue, findProject, projectOf } from '../jira-state';
import { booleanParam, type RouteContext, type RouteTable } from '../route-context';
import { fieldsOnScreen, initialTransitionOf, issueTypesOf, workflowFor } from '../workflow-resolution';
import { andThen, can, canGlobally, ISSUE_NOT_FOUND, parseBody, viewableIssue } from './route-helpers';

const propertiesSchema = z.array(z.object({ key: z.string().min(1).max(255), value: z.unknown() })).optional();

const issueUpdateSchema = z.object({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.unknown()).optional(),
  properties: propertiesSchema,
  historyMetadata: z.unknown().optional(),
  transition: z.unknown().optional(),
});

const refSchema = z.object({ id: z.string().optional(), key: z.string().optional(), name: z.string().optional() });

const bulkFetchSchema = z.object({
  issueIdsOrKeys: z.array(z.string()).min(1, 'At least one issue id or key is required').max(100, 'At most 100 issues can be fetched at once'),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  properties: z.array(z.string()).max(5, 'At most 5 issue properties can be requested').optional(),
  fieldsByKeys: z.boolean().optional(),
});

export const unsupportedExpand = (expand: ReadonlySet<string>): RouteResult | undefined => {
  const unsupported = [...expand].filter((value) => !SUPPORTED_EXPANDS.has(value));
  return unsupported.length === 0
    ? undefined
    : unsupportedInStandIn(`unsupported expand in the stand-in: ${unsupported.join(', ')} (supported: ${[...SUPPORTED_EXPANDS].join(', ')})`);
};

const resolveProject = (ctx: RouteContext, raw: unknown): JiraProject | undefined => {
  const ref = refSchema.safeParse(raw);
  if (!ref.success) return undefined;
  const project = findProject(ctx.services.state, ref.data.id ?? ref.data.key ?? '');
  return project !== undefined && can(ctx, project, 'BROWSE_PROJECTS') ? project : undefined;
};

const resolveIssueType = (ctx: RouteContext, project: JiraProject, raw: unknown): JiraIssueType | undefined => {
  const ref = refSchema.safeParse(raw);
  if (!ref.success) return undefined;
  return issueTypesOf(ctx.services.state, project).find((type) =>
    ref.data.id === undefined ? type.name === ref.data.name : type.id === ref.data.id,
  );
};

type CreateTarget = { readonly project: JiraProject; readonly issueType: JiraIssueType };

const createTarget = (ctx: RouteContext, fields: Readonly<Record<string, unknown>>): Outcome<CreateTarget> => {
  const project = resolveProject(ctx, fields.project);
  if (project === undefined) return failure(fieldErrors({ project: 'Specify a valid project ID or key' }));
  const issueType = resolveIssueType(ctx, project, fields.issuetype);
  if (issueType === undefined) return failure(fieldErrors({ issuetype: 'Specify a valid issue type' }));
  if (!can(ctx, project, 'CREATE_ISSUES')) return failure(forbidden('You do not have permission to create issues in this project.'));
  return success({ project, issueType });
};

const createIssue = (ctx: RouteContext, body: z.infer<typeof issueUpdateSchema>): RouteResult => {
  const fields = body.fields ?? {};
  const target = createTarget(ctx, fields);
  if (!target.ok) return target.response;
  const { project, issueType } = target.value;
  const { state, clock } = ctx.services;
  const onScreen = fieldsOnScreen(state, project, issueType.id, 'create');
  const planned = planFieldEdits(state, undefined, onScreen, body, { ignored: new Set(['project', 'issuetype']), required: ['summary'] });
  if (!planned.ok) return planned.response;
  const now = clock.now();
  const values = new Map<string, unknown>([['reporter', ctx.actor.accountId], ['labels', []]]);
  for (const [fieldId, value] of planned.value.values) values.set(fieldId, value);
  const issue: JiraIssue = {
    id: String(state.nextId('issue')),
    key: `${project.key}-${project.nextIssueNumber++}`,
    projectId: project.id,
    issueTypeId: issueType.id,
    statusId: initialTransitionOf(workflowFor(state, project, issueType.id)).toStatusId,
    values,
    creatorAccountId: ctx.actor.accountId,
    created: now,
    updated: now,
    statusCategoryChanged: now,
    changelog: [],
    comments: [],
    properties: new Map((body.properties ?? []).map((property) => [property.key, property.value])),
  };
  state.issues.set(issue.id, issue);
  commitIssueChanges({ services: ctx.services, issue, actor: ctx.actor, planned: { values: new Map(), comments: planned.value.comments }, cause: 'edit' });
  emitIssueCreated(ctx.services, issue, ctx.actor);
  return created({ id: issue.id, key: issue.key, self: `${ctx.services.baseUrl}/rest/api/3/issue/${issue.id}` });
};

/** Forge apps may override screen security only when acting for a user with *Administer Jira*. */
const mayOverrideScreens = (ctx: RouteContext): boolean => ctx.actor.kind === 'user' && canGlobally(ctx, 'ADMINISTER');

const editIssue = (ctx: RouteContext, issue: JiraIssue, body: z.infer<typeof issueUpdateSchema>): RouteResult => {
  const { state } = ctx.services;
  const project = projectOf(state, issue);
  const overrideScreens = booleanParam(ctx.query, 'overrideScreenSecurity', false);
  if ((overrideScreens || booleanParam(ctx.query, 'overrideEditableFlag', false)) && !mayOverrideScreens(ctx)) {
    return forbidden('Overriding screen security or the editable flag requires Administer Jira permission.');
  }
  if (!can(ctx, project, 'EDIT_ISSUES')) return badRequest('You do not have permission to edit issues in this project.');
  const onScreen = overrideScreens ? new Set(state.fields.keys()) : fieldsOnScreen(state, project, issue.issueTypeId, 'edit');
  const planned = planFieldEdits(state, issue, onScreen, body);
  if (!planned.ok) return planned.response;
  commitIssueChanges({
    services: ctx.services,
    issue,
    actor: ctx.actor,
    planned: planned.value,
    properties: body.properties ?? [],
    cause: 'edit',
  });
  return booleanParam(ctx.query, 'returnIssue', false) ? ok(renderIssue(ctx.view, issue, viewOptions(ctx, 'all'))) : noContent();
};

const viewOptions = (ctx: RouteContext, defaultFields: 'all' | 'navigable'): IssueViewOptions => ({
  fields: parseFieldSelection(ctx.query.all('fields'), defaultFields),
  properties: parsePropertyKeys(ctx.query.all('properties')),
  expand: parseExpand(ctx.query.all('expand')),
});

const bulkFetch = (ctx: RouteContext, body: z.infer<typeof bulkFetchSchema>): RouteResult => {
  const expand = new Set(body.expand ?? []);
  const refused = unsupportedExpand(expand);
  if (refused !== undefined) return refused;
  const options: IssueViewOptions = {
    fields: parseFieldSelection(body.fields ?? [], 'navigable'),
    properties: body.properties ?? [],
    expand,
  };
  const found: JiraIssue[] = [];
  const issueErrors: { id: string; errorMessage: string }[] = [];
  for (const idOrKey of body.issueIdsOrKeys) {
    const issue = findIssue(ctx.services.state, idOrKey);
    if (issue !== undefined && can(ctx, projectOf(ctx.services.state, issue), 'BROWSE_PROJECTS')) found.push(issue);
    else issueErrors.push({ id: idOrKey, errorMessage: ISSUE_NOT_FOUND });
  }
  const unique = [...new Map(found.map((issue) => [issue.id, issue])).values()].sort((a, b) => Number(a.id) - Number(b.id));
  return ok({ issues: unique.map((issue) => renderIssue(ctx.view, issue, options)), issueErrors });
};

export const issueRoutes: RouteTable = {
  'GET /rest/api/3/issue/{issueIdOrKey}': {
    query: ['fields', 'fieldsByKeys', 'expand', 'properties', 'updateHistory', 'failFast'],
    handle: (ctx) =>
      andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) => {
        const options = viewOptions(ctx, 'all');
        return unsupportedExpand(options.expand) ?? ok(renderIssue(ctx.view, issue, options));
      }),
  },

  'POST /rest/api/3/issue': {
    query: ['updateHistory'],
    handle: (ctx) => andThen(parseBody(issueUpdateSchema, ctx.body), (body) => createIssue(ctx, body)),
  },

  'PUT /rest/api/3/issue/{issueIdOrKey}': {
    query: ['notifyUsers', 'overrideScreenSecurity', 'overrideEditableFlag', 'returnIssue', 'expand'],
    handle: (ctx) =>
      andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) =>
        andThen(parseBody(issueUpdateSchema, ctx.body), (body) => editIssue(ctx, issue, body)),
      ),
  },

  'DELETE /rest/api/3/issue/{issueIdOrKey}': {
    query: ['deleteSubtasks'],
    handle: (ctx) =>
      andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) => {
        if (!can(ctx, projectOf(ctx.services.state, issue), 'DELETE_ISSUES')) {
          return jiraError(403, ['You do not have permission to delete issues in this project.']);
        }
        ctx.services.state.issues.delete(issue.id);
        emitIssueDeleted(ctx.services, issue, ctx.actor);
        return noContent();
      }),
  },

  'POST /rest/api/3/issue/bulkfetch': {
    handle: (ctx) => andThen(parseBody(bulkFetchSchema, ctx.body), (body) => bulkFetch(ctx, body)),
  },
};
