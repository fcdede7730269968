import { z } from 'zod';
import { badRequest, created, jiraError, noContent, notFound, ok, type RouteResult } from '../jira-http';
import type { IssueTypeScreenScheme, Screen, ScreenScheme } from '../jira-model';
import { DEFAULTS, findProject } from '../jira-state';
import type { RouteContext, RouteTable } from '../route-context';
import { EDITABLE_SYSTEM_FIELDS } from '../system-fields';
import { andThen, pageOf, parseBody, requireAdmin } from './route-helpers';

/**
 * Screens (with tabs and tab fields), screen schemes and issue type screen schemes: where the app's fields
 * become settable. A new screen comes with a "Field Tab", as in Jira.
 */

const screenSchema = z.object({ name: z.string().trim().min(1).max(255), description: z.string().optional() });
const tabSchema = z.object({ name: z.string().trim().min(1).max(255) });
const addFieldSchema = z.object({ fieldId: z.string().min(1) });
const screenSchemeSchema = z.object({
  name: z.string().trim().min(1).max(255),
  description: z.string().max(255).optional(),
  screens: z.object({ default: z.number().int(), create: z.number().int().optional(), edit: z.number().int().optional(), view: z.number().int().optional() }),
});
const itssSchema = z.object({
  name: z.string().trim().min(1).max(255),
  description: z.string().max(255).optional(),
  issueTypeMappings: z.array(z.object({ issueTypeId: z.string(), screenSchemeId: z.string() })),
});
const itssAssignSchema = z.object({ issueTypeScreenSchemeId: z.string().optional(), projectId: z.string().optional() });

const screenView = (screen: Screen): Record<string, unknown> => ({ id: screen.id, name: screen.name, description: screen.description });
const screenSchemeView = (scheme: ScreenScheme): Record<string, unknown> => ({ id: scheme.id, name: scheme.name, description: scheme.description, screens: { ...scheme.screens } });
const itssView = (scheme: IssueTypeScreenScheme): Record<string, unknown> => ({ id: scheme.id, name: scheme.name, description: scheme.description });

const nameTaken = (names: Iterable<{ name: string }>, name: string): boolean =>
  [...names].some((entry) => entry.name.toLowerCase() === name.toLowerCase());

const filtered = <T extends { id: number | string; name: string }>(ctx: RouteContext, items: Iterable<T>): T[] => {
  const ids = ctx.query.all('id');
  const wanted = ctx.query.get('queryString')?.toLowerCase();
  return [...items].filter((item) => (ids.length === 0 || ids.includes(String(item.id))) && (wanted === undefined || item.name.toLowerCase().includes(wanted)));
};

const withScreen = (ctx: RouteContext, then: (screen: Screen) => RouteResult): RouteResult => {
  const screen = ctx.services.state.screens.get(Number(ctx.params.screenId));
  return screen === undefined ? notFound(`The screen with id ${ctx.params.screenId ?? ''} was not found.`) : then(screen);
};

const withTab = (ctx: RouteContext, then: (screen: Screen, tab: Screen['tabs'][number]) => RouteResult): RouteResult =>
  withScreen(ctx, (screen) => {
    const tab = screen.tabs.find((candidate) => candidate.id === Number(ctx.params.tabId));
    return tab === undefined ? notFound(`The screen tab with id ${ctx.params.tabId ?? ''} was not found.`) : then(screen, tab);
  });

const isScreenable = (ctx: RouteContext, fieldId: string): boolean => {
  const field = ctx.services.state.fields.get(fieldId);
  return field !== undefined && (field.custom || EDITABLE_SYSTEM_FIELDS.has(field.id));
};

const addFieldToTab = (ctx: RouteContext, screen: Screen, tab: Screen['tabs'][number], fieldId: string): RouteResult => {
  const field = ctx.services.state.fields.get(fieldId);
  if (field === undefined) return notFound(`The field with id ${fieldId} was not found.`);
  if (!isScreenable(ctx, fieldId)) return badRequest(`The field ${fieldId} cannot be placed on a screen.`);
  if (screen.tabs.some((candidate) => candidate.fieldIds.includes(fieldId))) return badRequest(`The field ${fieldId} is already on the screen.`);
  tab.fieldIds.push(fieldId);
  return ok({ id: field.id, name: field.name });
};

const createScreenScheme = (ctx: RouteContext, body: z.infer<typeof screenSchemeSchema>): RouteResult => {
  const { state } = ctx.services;
  const missing = Object.values(body.screens).filter((id) => !state.screens.has(id));
  if (missing.length > 0) return jiraError(404, [`These screens were not found: ${missing.join(', ')}`]);
  if (nameTaken(state.screenSchemes.values(), body.name)) return jiraError(400, [`A screen scheme with the name '${body.name}' already exists.`]);
  const scheme: ScreenScheme = { id: state.nextId('screenScheme'), name: body.name, description: body.description ?? '', screens: body.screens };
  state.screenSchemes.set(scheme.id, scheme);
  return created({ id: scheme.id });
};

const createIssueTypeScreenScheme = (ctx: RouteContext, body: z.infer<typeof itssSchema>): RouteResult => {
  const { state } = ctx.services;
  if (!body.issueTypeMappings.some((mapping) => mapping.issueTypeId === 'default')) {
    return jiraError(400, ['A default mapping (issueTypeId "default") is required.']);
  }
  const typeIds = body.issueTypeMappings.map((mapping) => mapping.issueTypeId);
  if (new Set(typeIds).size !== typeIds.length) return jiraError(400, ['Each issue type can be mapped only once.']);
  const unknownTypes = typeIds.filter((id) => id !== 'default' && !state.issueTypes.has(id));
  if (unknownTypes.length > 0) return jiraError(404, [`These issue types were not found: ${unknownTypes.join(', ')}`]);
  const unknownSchemes = body.issueTypeMappings.filter((mapping) => !state.screenSchemes.has(Number(mapping.screenSchemeId)));
  if (unknownSchemes.length > 0) return jiraError(404, [`These screen schemes were not found: ${unknownSchemes.map((m) => m.screenSchemeId).join(', ')}`]);
  if (nameTaken(state.issueTypeScreenSchemes.values(), body.name)) {
    return jiraError(409, [`An issue type screen scheme with the name '${body.name}' already exists.`]);
  }
  const scheme: IssueTypeScreenScheme = {
    id: String(state.nextId('issueTypeScreenScheme')),
    name: body.name,
    description: body.description ?? '',
    mappings: new Map(body.issueTypeMappings.map((mapping) => [mapping.issueTypeId, mapping.screenSchemeId])),
  };
  state.issueTypeScreenSchemes.set(scheme.id, scheme);
  return created({ id: scheme.id });
};

const assignIssueTypeScreenScheme = (ctx: RouteContext, body: z.infer<typeof itssAssignSchema>): RouteResult => {
  const { state } = ctx.services;
  const project = findProject(state, body.projectId ?? '');
  if (project === undefined) return jiraError(400, ['The project was not found.']);
  const scheme = state.issueTypeScreenSchemes.get(body.issueTypeScreenSchemeId ?? '');
  if (scheme === undefined) return jiraError(400, ['The issue type screen scheme was not found.']);
  if (project.style === 'team-managed') return jiraError(400, ['Issue type screen schemes can only be assigned to classic projects.']);
  project.issueTypeScreenSchemeId = scheme.id;
  return noContent();
};

export const screenRoutes: RouteTable = {
  'GET /rest/api/3/screens': {
    query: ['startAt', 'maxResults', 'id', 'queryString'],
    handle: (ctx) => andThen(requireAdmin(ctx), () => ok(pageOf(ctx, filtered(ctx, ctx.services.state.screens.values()), screenView, '/rest/api/3/screens'))),
  },
  'POST /rest/api/3/screens': {
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () =>
        andThen(parseBody(screenSchema, ctx.body), (body) => {
          const { state } = ctx.services;
          if (nameTaken(state.screens.values(), body.name)) return jiraError(400, [`A screen with the name '${body.name}' already exists.`]);
          const screen: Screen = {
            id: state.nextId('screen'),
            name: body.name,
            description: body.description ?? '',
            tabs: [{ id: state.nextId('screenTab'), name: 'Field Tab', fieldIds: [] }],
          };
          state.screens.set(screen.id, screen);
          return created(screenView(screen));
        }),
      ),
  },
  'GET /rest/api/3/screens/{screenId}/tabs': {
    query: ['projectKey'],
    handle: (ctx) => andThen(requireAdmin(ctx), () => withScreen(ctx, (screen) => ok(screen.tabs.map((tab) => ({ id: tab.id, name: tab.name }))))),
  },
  'POST /rest/api/3/screens/{screenId}/tabs': {
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () =>
        andThen(parseBody(tabSchema, ctx.body), (body) =>
          withScreen(ctx, (screen) => {
            if (nameTaken(screen.tabs, body.name)) return badRequest(`A tab with the name '${body.name}' already exists on the screen.`);
            const tab = { id: ctx.services.state.nextId('screenTab'), name: body.name, fieldIds: [] };
            screen.tabs.push(tab);
            return ok({ id: tab.id, name: tab.name });
          }),
        ),
      ),
  },
  'GET /rest/api/3/screens/{screenId}/tabs/{tabId}/fields': {
    query: ['projectKey'],
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () =>
        withTab(ctx, (_screen, tab) =>
          ok(tab.fieldIds.map((id) => ({ id, name: ctx.services.state.fields.get(id)?.name ?? id }))),
        ),
      ),
  },
  'POST /rest/api/3/screens/{screenId}/tabs/{tabId}/fields': {
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () =>
        andThen(parseBody(addFieldSchema, ctx.body), (body) => withTab(ctx, (screen, tab) => addFieldToTab(ctx, screen, tab, body.fieldId))),
      ),
  },
  'GET /rest/api/3/screenscheme': {
    query: ['startAt', 'maxResults', 'id', 'queryString'],
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () => ok(pageOf(ctx, filtered(ctx, ctx.services.state.screenSchemes.values()), screenSchemeView, '/rest/api/3/screenscheme'))),
  },
  'POST /rest/api/3/screenscheme': {
    handle: (ctx) => andThen(requireAdmin(ctx), () => andThen(parseBody(screenSchemeSchema, ctx.body), (body) => createScreenScheme(ctx, body))),
  },
  'GET /rest/api/3/issuetypescreenscheme': {
    query: ['startAt', 'maxResults', 'id', 'queryString'],
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () =>
        ok(pageOf(ctx, filtered(ctx, ctx.services.state.issueTypeScreenSchemes.values()), itssView, '/rest/api/3/issuetypescreenscheme')),
      ),
  },
  'POST /rest/api/3/issuetypescreenscheme': {
    handle: (ctx) => andThen(requireAdmin(ctx), () => andThen(parseBody(itssSchema, ctx.body), (body) => createIssueTypeScreenScheme(ctx, body))),
  },
  'PUT /rest/api/3/issuetypescreenscheme/project': {
    handle: (ctx) => andThen(requireAdmin(ctx), () => andThen(parseBody(itssAssignSchema, ctx.body), (body) => assignIssueTypeScreenScheme(ctx, body))),
  },
  'GET /rest/api/3/issuetypescreenscheme/project': {
    query: ['startAt', 'maxResults', 'projectId'],
    handle: (ctx) =>
      andThen(requireAdmin(ctx), () => {
        const { state } = ctx.services;
        const groups = new Map<string, string[]>();
        for (const projectId of ctx.query.all('projectId')) {
          const project = state.projects.get(projectId);
          if (project === undefined || project.style === 'team-managed') continue;
          const schemeId = project.issueTypeScreenSchemeId ?? DEFAULTS.issueTypeScreenSchemeId;
          groups.set(schemeId, [...(groups.get(schemeId) ?? []), project.id]);
        }
        const entries = [...groups].map(([schemeId, projectIds]) => {
          const scheme = state.issueTypeScreenSchemes.get(schemeId);
          if (scheme === undefined) throw new Error(`project uses missing issue type screen scheme ${schemeId}`);
          return { issueTypeScreenScheme: itssView(scheme), projectIds };
        });
        return ok(pageOf(ctx, entries, (entry) => entry, '/rest/api/3/issuetypescreenscheme/project'));
      }),
  },
};
