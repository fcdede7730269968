import { z } from 'zod';
import { badRequest, failure, notFound, success, type Outcome, type RouteResult } from '../jira-http';
import type { GlobalPermission, JiraIssue, JiraProject, ProjectPermission } from '../jira-model';
import { findIssue, findProject, projectOf } from '../jira-state';
import { hasGlobalPermission, hasProjectPermission } from '../permissions';
import type { RouteContext } from '../route-context';

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** Jira answers 404 both for a missing issue and for one the caller may not browse, so nothing leaks. */
export const viewableIssue = (ctx: RouteContext, idOrKey: string): Outcome<JiraIssue> => {
  const issue = findIssue(ctx.services.state, idOrKey);
  if (issue === undefined || !can(ctx, projectOf(ctx.services.state, issue), 'BROWSE_PROJECTS')) {
    return failure(notFound(ISSUE_NOT_FOUND));
  }
  return success(issue);
};

export const viewableProject = (ctx: RouteContext, idOrKey: string): Outcome<JiraProject> => {
  const project = findProject(ctx.services.state, idOrKey);
  return project === undefined || !can(ctx, project, 'BROWSE_PROJECTS')
    ? failure(notFound(`No project could be found with key '${idOrKey}'.`))
    : success(project);
};

export const can = (ctx: RouteContext, project: JiraProject, permission: ProjectPermission): boolean =>
  hasProjectPermission(ctx.services.state, ctx.services.permissions, ctx.actor, project, permission);

export const canGlobally = (ctx: RouteContext, permission: GlobalPermission): boolean =>
  hasGlobalPermission(ctx.services.state, ctx.services.permissions, ctx.actor, permission);

/** Administration endpoints answer 403 (or 401 where the spec says so) to callers without *Administer Jira*. */
export const requireAdmin = (ctx: RouteContext, status: 401 | 403 = 403): Outcome<true> =>
  canGlobally(ctx, 'ADMINISTER')
    ? success(true)
    : failure({ status, body: { errorMessages: ['You are not authorized to perform this action. Administrator privileges are required.'], errors: {} } });

/**
 * The stand-in's own parse of a body the spec already accepted: it narrows the type and enforces the rules
 * Jira applies beyond the spec's shapes.
 */
export const parseBody = <T>(schema: z.ZodType<T>, body: unknown): Outcome<T> => {
  const parsed = schema.safeParse(body);
  return parsed.success ? success(parsed.data) : failure(badRequest(z.prettifyError(parsed.error)));
};

/** Runs `next` with the value of a successful step, or answers with the step's error. */
export const andThen = async <T>(
  outcome: Outcome<T>,
  next: (value: T) => RouteResult | Promise<RouteResult>,
): Promise<RouteResult> => (outcome.ok ? next(outcome.value) : outcome.response);

/** A page of `items` in Jira's PageBean shape. */
export const pageOf = <T>(
  ctx: RouteContext,
  items: readonly T[],
  render: (item: T) => unknown,
  path: string,
  defaultMaxResults = 50,
): Record<string, unknown> => {
  const startAt = Math.max(0, Number.parseInt(ctx.query.get('startAt') ?? '0', 10));
  const maxResults = Math.max(1, Number.parseInt(ctx.query.get('maxResults') ?? String(defaultMaxResults), 10));
  const slice = items.slice(startAt, startAt + maxResults);
  const isLast = startAt + slice.length >= items.length;
  const self = `${ctx.services.baseUrl}${path}?startAt=${startAt}&maxResults=${maxResults}`;
  return {
    self,
    ...(isLast ? {} : { nextPage: `${ctx.services.baseUrl}${path}?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: items.length,
    isLast,
    values: slice.map(render),
  };
};
