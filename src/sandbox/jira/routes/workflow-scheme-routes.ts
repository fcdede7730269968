import { z } from 'zod';
import { badRequest, created, jiraError, noContent, ok, type RouteResult } from '../jira-http';
import type { WorkflowScheme } from '../jira-model';
import { DEFAULTS, findProject, findWorkflowByName } from '../jira-state';
import type { RouteContext, RouteTable } from '../route-context';
import { andThen, pageOf, parseBody, requireAdmin } from './route-helpers';

/**
 * Workflow schemes map issue types to workflows by workflow name. Assignment works only for company-managed
 * projects that have no issues yet; moving a populated project needs Jira's asynchronous scheme switch,
 * which the stand-in does not offer.
 */

const createSchemeSchema = z.object({
  name: z.string({ error: 'The workflow scheme name is required.' }).trim().min(1).max(255),
  description: z.string().optional(),
  defaultWorkflow: z.string().optional(),
  issueTypeMappings: z.record(z.string(), z.string()).default({}),
  updateDraftIfNeeded: z.boolean().optional(),
});

const assignSchema = z.object({ projectId: z.string(), workflowSchemeId: z.string().optional() });

const schemeView = (ctx: RouteContext, scheme: WorkflowScheme | undefined): Record<string, unknown> =>
  scheme === undefined
    ? { name: 'Default Workflow Scheme', description: 'Default Workflow Scheme', defaultWorkflow: DEFAULTS.workflowName, issueTypeMappings: {}, draft: false }
    : {
        id: scheme.id,
        name: scheme.name,
        description: scheme.description,
        defaultWorkflow: scheme.defaultWorkflow,
        issueTypeMappings: { ...scheme.issueTypeMappings },
        draft: false,
        self: `${ctx.services.baseUrl}/rest/api/3/workflowscheme/${scheme.id}`,
      };

const createScheme = (ctx: RouteContext, body: z.infer<typeof createSchemeSchema>): RouteResult => {
  const { state } = ctx.services;
  if ([...state.workflowSchemes.values()].some((scheme) => scheme.name.toLowerCase() === body.name.toLowerCase())) {
    return badRequest(`A workflow scheme with the name '${body.name}' already exists.`);
  }
  const defaultWorkflow = body.defaultWorkflow ?? DEFAULTS.workflowName;
  const unknownWorkflows = [defaultWorkflow, ...Object.values(body.issueTypeMappings)].filter((name) => findWorkflowByName(state, name) === undefined);
  if (unknownWorkflows.length > 0) return badRequest(`These workflows do not exist: ${[...new Set(unknownWorkflows)].join(', ')}`);
  const unknownTypes = Object.keys(body.issueTypeMappings).filter((id) => !state.issueTypes.has(id));
  if (unknownTypes.length > 0) return badRequest(`These issue types do not exist: ${unknownTypes.join(', ')}`);
  const scheme: WorkflowScheme = {
    id: state.nextId('workflowScheme'),
    name: body.name,
    description: body.description ?? '',
    defaultWorkflow,
    issueTypeMappings: body.issueTypeMappings,
  };
  state.workflowSchemes.set(scheme.id, scheme);
  return created(schemeView(ctx, scheme));
};

const assignScheme = (ctx: RouteContext, body: z.infer<typeof assignSchema>): RouteResult => {
  const { state } = ctx.services;
  const project = findProject(state, body.projectId);
  const scheme = body.workflowSchemeId === undefined ? undefined : state.workflowSchemes.get(Number(body.workflowSchemeId));
  if (project === undefined || (body.workflowSchemeId !== undefined && scheme === undefined)) {
    return jiraError(404, ['The workflow scheme or the project was not found.']);
  }
  if (project.style === 'team-managed') return jiraError(400, ['Workflow schemes can only be assigned to classic projects.']);
  if ([...state.issues.values()].some((issue) => issue.projectId === project.id)) {
    return jiraError(400, [`The project ${project.key} has issues; a workflow scheme can only be assigned to a project with no issues.`]);
  }
  if (scheme === undefined) delete project.workflowSchemeId;
  else project.workflowSchemeId = scheme.id;
  return noContent();
};

export const workflowSchemeRoutes: RouteTable = {
  'POST /rest/api/3/workflowscheme': {
    handle: (ctx) => andThen(requireAdmin(ctx), () => andThen(parseBody(createSchemeSchema, ctx.body), (body) => createScheme(ctx, body))),
  },
  'GET /rest/api/3/workflowscheme': {
    query: ['startAt', 'maxResults'],
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () =>
        ok(pageOf(ctx, [...ctx.services.state.workflowSchemes.values()], (scheme) => schemeView(ctx, scheme), '/rest/api/3/workflowscheme')),
      ),
  },
  'PUT /rest/api/3/workflowscheme/project': {
    handle: (ctx) => andThen(requireAdmin(ctx), () => andThen(parseBody(assignSchema, ctx.body), (body) => assignScheme(ctx, body))),
  },
  'GET /rest/api/3/workflowscheme/project': {
    query: ['projectId'],
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () => {
        const { state } = ctx.services;
        const groups = new Map<string, { scheme: WorkflowScheme | undefined; projectIds: string[] }>();
        for (const projectId of ctx.query.all('projectId')) {
          const project = state.projects.get(projectId);
          if (project === undefined || project.style === 'team-managed') continue;
          const scheme = project.workflowSchemeId === undefined ? undefined : state.workflowSchemes.get(project.workflowSchemeId);
          const key = String(scheme?.id ?? 'default');
          groups.set(key, { scheme, projectIds: [...(groups.get(key)?.projectIds ?? []), project.id] });
        }
        return ok({ values: [...groups.values()].map((group) => ({ projectIds: group.projectIds, workflowScheme: schemeView(ctx, group.scheme) })) });
      }),
  },
};
