import { z } from 'zod';
import { badRequest, created, jiraError, noContent, ok, type RouteResult } from '../jira-http';
import type { IssueTypeScheme, JiraIssueType } from '../jira-model';
import { DEFAULTS, findProject } from '../jira-state';
import { issueTypeView } from '../jira-views';
import type { RouteContext, RouteTable } from '../route-context';
import { andThen, can, pageOf, parseBody, requireAdmin } from './route-helpers';

/** Issue types and issue type schemes (company-managed projects only for scheme assignment). */

const MAX_ISSUE_TYPE_NAME = 60;

const createIssueTypeSchema = z.object({
  name: z.string().trim().min(1, 'The issue type name is required.'),
  description: z.string().optional(),
  hierarchyLevel: z.number().int().optional(),
  type: z.enum(['subtask', 'standard']).optional(),
});

const createSchemeSchema = z.object({
  name: z.string().trim().min(1).max(255),
  description: z.string().max(4000).optional(),
  issueTypeIds: z.array(z.string()).min(1),
  defaultIssueTypeId: z.string().optional(),
});

const assignSchemeSchema = z.object({ issueTypeSchemeId: z.string(), projectId: z.string() });

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const createIssueType = (ctx: RouteContext, body: z.infer<typeof createIssueTypeSchema>): RouteResult => {
  const { state } = ctx.services;
  if (body.name.length > MAX_ISSUE_TYPE_NAME) return badRequest(`The issue type name can't be longer than ${MAX_ISSUE_TYPE_NAME} characters.`);
  const hierarchyLevel = body.hierarchyLevel ?? (body.type === 'subtask' ? -1 : 0);
  if (hierarchyLevel !== 0 && hierarchyLevel !== -1) return badRequest('Only issue types at hierarchy level 0 or -1 can be created.');
  if ([...state.issueTypes.values()].some((type) => type.projectId === undefined && sameName(type.name, body.name))) {
    return jiraError(409, [`An issue type with the name '${body.name}' already exists.`]);
  }
  const type: JiraIssueType = {
    id: String(state.nextId('issueType')),
    name: body.name,
    description: body.description ?? '',
    hierarchyLevel,
    avatarId: 10318,
  };
  state.issueTypes.set(type.id, type);
  const defaultScheme = state.issueTypeSchemes.get(DEFAULTS.issueTypeSchemeId);
  if (defaultScheme === undefined) throw new Error('the default issue type scheme is missing');
  state.issueTypeSchemes.set(defaultScheme.id, { ...defaultScheme, issueTypeIds: [...defaultScheme.issueTypeIds, type.id] });
  return created(issueTypeView(ctx.view, type));
};

const createScheme = (ctx: RouteContext, body: z.infer<typeof createSchemeSchema>): RouteResult => {
  const { state } = ctx.services;
  const types = body.issueTypeIds.map((id) => state.issueTypes.get(id));
  const missing = body.issueTypeIds.filter((_, index) => types[index] === undefined || types[index]?.projectId !== undefined);
  if (missing.length > 0) return badRequest(`These issue types do not exist or are not global: ${missing.join(', ')}`);
  if (!types.some((type) => type?.hierarchyLevel === 0)) return badRequest('At least one standard issue type is required.');
  if (body.defaultIssueTypeId !== undefined && !body.issueTypeIds.includes(body.defaultIssueTypeId)) {
    return badRequest('The default issue type must be one of the issue types of the scheme.');
  }
  if ([...state.issueTypeSchemes.values()].some((scheme) => sameName(scheme.name, body.name))) {
    return jiraError(409, [`An issue type scheme with the name '${body.name}' already exists.`]);
  }
  const scheme: IssueTypeScheme = {
    id: String(state.nextId('issueTypeScheme')),
    name: body.name,
    description: body.description ?? '',
    issueTypeIds: [...new Set(body.issueTypeIds)],
    ...(body.defaultIssueTypeId === undefined ? {} : { defaultIssueTypeId: body.defaultIssueTypeId }),
    isDefault: false,
  };
  state.issueTypeSchemes.set(scheme.id, scheme);
  return created({ issueTypeSchemeId: scheme.id });
};

const assignScheme = (ctx: RouteContext, body: z.infer<typeof assignSchemeSchema>): RouteResult => {
  const { state } = ctx.services;
  const project = findProject(state, body.projectId);
  const scheme = state.issueTypeSchemes.get(body.issueTypeSchemeId);
  if (project === undefined || scheme === undefined) return jiraError(404, ['The issue type scheme or the project was not found.']);
  if (project.style === 'team-managed') return jiraError(400, ['Issue type schemes can only be assigned to classic projects.']);
  const stranded = [...state.issues.values()].filter((issue) => issue.projectId === project.id && !scheme.issueTypeIds.includes(issue.issueTypeId));
  if (stranded.length > 0) {
    return jiraError(400, [`Issues in the project use issue types that are not in the scheme: ${stranded.map((issue) => issue.key).join(', ')}`]);
  }
  project.issueTypeSchemeId = scheme.id;
  return noContent();
};

const schemeView = (scheme: IssueTypeScheme): Record<string, unknown> => ({
  id: scheme.id,
  name: scheme.name,
  description: scheme.description,
  ...(scheme.defaultIssueTypeId === undefined ? {} : { defaultIssueTypeId: scheme.defaultIssueTypeId }),
  isDefault: scheme.isDefault,
});

const idFilter = (ctx: RouteContext): ((id: string) => boolean) => {
  const ids = ctx.query.all('id');
  return (id) => ids.length === 0 || ids.includes(id);
};

const nameFilter = (ctx: RouteContext): ((name: string) => boolean) => {
  const wanted = ctx.query.get('queryString')?.toLowerCase();
  return (name) => wanted === undefined || name.toLowerCase().includes(wanted);
};

export const issueTypeRoutes: RouteTable = {
  'GET /rest/api/3/issuetype': {
    handle: (ctx) => {
      const { state } = ctx.services;
      const visible = [...state.issueTypes.values()].filter((type) => {
        if (type.projectId === undefined) return true;
        const project = state.projects.get(type.projectId);
        return project !== undefined && can(ctx, project, 'BROWSE_PROJECTS');
      });
      return ok(visible.map((type) => issueTypeView(ctx.view, type)));
    },
  },

  'POST /rest/api/3/issuetype': {
    handle: (ctx) => andThen(requireAdmin(ctx), () => andThen(parseBody(createIssueTypeSchema, ctx.body), (body) => createIssueType(ctx, body))),
  },

  'GET /rest/api/3/issuetypescheme': {
    query: ['startAt', 'maxResults', 'id', 'queryString'],
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () => {
        const matchesId = idFilter(ctx);
        const matchesName = nameFilter(ctx);
        const schemes = [...ctx.services.state.issueTypeSchemes.values()].filter((scheme) => matchesId(scheme.id) && matchesName(scheme.name));
        return ok(pageOf(ctx, schemes, schemeView, '/rest/api/3/issuetypescheme'));
      }),
  },

  'POST /rest/api/3/issuetypescheme': {
    handle: (ctx) => andThen(requireAdmin(ctx), () => andThen(parseBody(createSchemeSchema, ctx.body), (body) => createScheme(ctx, body))),
  },

  'PUT /rest/api/3/issuetypescheme/project': {
    handle: (ctx) => andThen(requireAdmin(ctx), () => andThen(parseBody(assignSchemeSchema, ctx.body), (body) => assignScheme(ctx, body))),
  },

  'GET /rest/api/3/issuetypescheme/project': {
    query: ['startAt', 'maxResults', 'projectId'],
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () => {
        const { state } = ctx.services;
        const bySchemeId = new Map<string, string[]>();
        for (const projectId of ctx.query.all('projectId')) {
          const project = state.projects.get(projectId);
          if (project === undefined || project.style === 'team-managed') continue;
          const schemeId = project.issueTypeSchemeId ?? DEFAULTS.issueTypeSchemeId;
          bySchemeId.set(schemeId, [...(bySchemeId.get(schemeId) ?? []), project.id]);
        }
        const entries = [...bySchemeId].map(([schemeId, projectIds]) => {
          const scheme = state.issueTypeSchemes.get(schemeId);
          if (scheme === undefined) throw new Error(`project uses missing issue type scheme ${schemeId}`);
          return { issueTypeScheme: schemeView(scheme), projectIds };
        });
        return ok(pageOf(ctx, entries, (entry) => entry, '/rest/api/3/issuetypescheme/project'));
      }),
  },
};
