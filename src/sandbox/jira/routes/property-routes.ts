import { created, jiraError, noContent, notFound, ok, badRequest, type RouteResult } from '../jira-http';
import type { RouteContext, RouteTable } from '../route-context';
import { projectOf } from '../jira-state';
import { andThen, can, viewableIssue, viewableProject } from './route-helpers';

/**
 * Entity properties on issues and projects: any JSON value up to 32 768 characters under a key of at most
 * 255 characters. Setting answers 201 when the property is new and 200 when it replaced a value.
 */

const MAX_VALUE_CHARS = 32_768;
const MAX_KEY_CHARS = 255;

const propertyProblem = (key: string, value: unknown): string | undefined => {
  if (key.length > MAX_KEY_CHARS) return `The property key cannot be longer than ${MAX_KEY_CHARS} characters.`;
  if (value === undefined) return 'The property value must be valid JSON.';
  const length = JSON.stringify(value).length;
  return length > MAX_VALUE_CHARS ? `The property value cannot be longer than ${MAX_VALUE_CHARS} characters.` : undefined;
};

const setProperty = (properties: Map<string, unknown>, key: string, value: unknown): RouteResult => {
  const problem = propertyProblem(key, value);
  if (problem !== undefined) return badRequest(problem);
  const existed = properties.has(key);
  properties.set(key, value);
  return existed ? ok(undefined) : created(undefined);
};

const getProperty = (properties: Map<string, unknown>, key: string, owner: string): RouteResult =>
  properties.has(key) ? ok({ key, value: properties.get(key) }) : notFound(`The property '${key}' does not exist on ${owner}.`);

const deleteProperty = (properties: Map<string, unknown>, key: string, owner: string): RouteResult =>
  properties.delete(key) ? noContent() : notFound(`The property '${key}' does not exist on ${owner}.`);

const propertyKey = (ctx: RouteContext): string => ctx.params.propertyKey ?? '';

/** The spec documents 403 for setting but only 404 for deleting without *Edit issues*. */
const editableIssue = (
  ctx: RouteContext,
  deniedStatus: 403 | 404,
  then: (properties: Map<string, unknown>, owner: string) => RouteResult,
): Promise<RouteResult> =>
  andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) =>
    can(ctx, projectOf(ctx.services.state, issue), 'EDIT_ISSUES')
      ? then(issue.properties, `issue ${issue.key}`)
      : jiraError(deniedStatus, ['You do not have permission to edit this issue.']),
  );

const administrableProject = (ctx: RouteContext, then: (properties: Map<string, unknown>, owner: string) => RouteResult): Promise<RouteResult> =>
  andThen(viewableProject(ctx, ctx.params.projectIdOrKey ?? ''), (project) =>
    can(ctx, project, 'ADMINISTER_PROJECTS')
      ? then(project.properties, `project ${project.key}`)
      : jiraError(403, ['You do not have permission to administer this project.']),
  );

export const propertyRoutes: RouteTable = {
  'GET /rest/api/3/issue/{issueIdOrKey}/properties': {
    handle: (ctx) =>
      andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) =>
        ok({
          keys: [...issue.properties.keys()].map((key) => ({
            key,
            self: `${ctx.services.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
          })),
        }),
      ),
  },
  'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': {
    handle: (ctx) =>
      andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) => getProperty(issue.properties, propertyKey(ctx), `issue ${issue.key}`)),
  },
  'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': {
    handle: (ctx) => editableIssue(ctx, 403, (properties) => setProperty(properties, propertyKey(ctx), ctx.body)),
  },
  'DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': {
    handle: (ctx) => editableIssue(ctx, 404, (properties, owner) => deleteProperty(properties, propertyKey(ctx), owner)),
  },
  'GET /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}': {
    handle: (ctx) =>
      andThen(viewableProject(ctx, ctx.params.projectIdOrKey ?? ''), (project) =>
        getProperty(project.properties, propertyKey(ctx), `project ${project.key}`),
      ),
  },
  'PUT /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}': {
    handle: (ctx) => administrableProject(ctx, (properties) => setProperty(properties, propertyKey(ctx), ctx.body)),
  },
  'DELETE /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}': {
    handle: (ctx) => administrableProject(ctx, (properties, owner) => deleteProperty(properties, propertyKey(ctx), owner)),
  },
};
