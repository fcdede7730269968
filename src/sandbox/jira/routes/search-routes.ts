import { z } from 'zod';
import { parseExpand, parseFieldSelection, parsePropertyKeys, renderIssue, type IssueViewOptions } from '../issue-view';
import { badRequest, jiraError, ok, unsupportedInStandIn, type RouteResult } from '../jira-http';
import { projectOf } from '../jira-state';
import { compileJql } from '../jql/jql-query';
import { parseJql } from '../jql/jql-parser';
import type { RouteContext, RouteTable } from '../route-context';
import { unsupportedExpand } from './issue-routes';
import { can, parseBody } from './route-helpers';

/**
 * `/search/jql` (GET and POST) with `nextPageToken` paging. Only `id` comes back unless fields are asked for;
 * JQL must be bounded; unsupported JQL is a 400 naming what the stand-in does not understand.
 */

const DEFAULT_MAX_RESULTS = 50;
const MAX_RESULTS_WITH_FIELDS = 100;
const MAX_RESULTS_IDS_ONLY = 5000;
const MAX_SORT_FIELDS = 7;

type SearchRequest = {
  readonly jql: string;
  readonly nextPageToken?: string;
  readonly maxResults?: number;
  readonly fields: readonly string[];
  readonly expand: readonly string[];
  readonly properties: readonly string[];
};

const searchBodySchema = z.object({
  jql: z.string().default(''),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).default([]),
  expand: z.string().optional(),
  properties: z.array(z.string()).max(5, 'At most 5 issue properties can be requested').default([]),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).max(50).optional(),
});

const pageTokenSchema = z.object({ offset: z.number().int().nonnegative(), jql: z.string() });

const encodeToken = (offset: number, jql: string): string => Buffer.from(JSON.stringify({ offset, jql }), 'utf8').toString('base64url');

const decodeToken = (token: string, jql: string): number | undefined => {
  try {
    const parsed = pageTokenSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success && parsed.data.jql === jql ? parsed.data.offset : undefined;
  } catch {
    return undefined;
  }
};

const pageSize = (requested: number | undefined, options: IssueViewOptions): number => {
  const idsOnly =
    options.fields.kind === 'ids-only' ||
    (options.fields.base === 'none' && [...options.fields.include].every((field) => field === 'id' || field === 'key'));
  return Math.max(1, Math.min(requested ?? DEFAULT_MAX_RESULTS, idsOnly ? MAX_RESULTS_IDS_ONLY : MAX_RESULTS_WITH_FIELDS));
};

function search(ctx: RouteContext, request: SearchRequest): RouteResult {
  const parsed = parseJql(request.jql);
  if (!parsed.ok) return unsupportedInStandIn(`unsupported JQL in the stand-in: ${parsed.problem} (query: ${request.jql})`);
  if (parsed.query.clauses.length === 0) {
    return badRequest('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
  if (parsed.query.orderBy.length > MAX_SORT_FIELDS) return badRequest(`The ORDER BY clause can contain at most ${MAX_SORT_FIELDS} fields.`);
  const timeZone = ctx.view.timeZone;
  const compiled = compileJql(ctx.services.state, parsed.query, timeZone);
  if (!compiled.ok) return jiraError(400, compiled.messages);

  const options: IssueViewOptions = {
    fields: parseFieldSelection(request.fields, 'ids-only'),
    properties: request.properties,
    expand: parseExpand(request.expand),
  };
  const refused = unsupportedExpand(options.expand);
  if (refused !== undefined) return refused;
  const offset = request.nextPageToken === undefined ? 0 : decodeToken(request.nextPageToken, request.jql);
  if (offset === undefined) return badRequest('The nextPageToken is invalid or belongs to a different query.');

  const { state } = ctx.services;
  const matching = [...state.issues.values()]
    .filter((issue) => can(ctx, projectOf(state, issue), 'BROWSE_PROJECTS') && compiled.compiled.matches(issue))
    .sort(compiled.compiled.compare);
  const size = pageSize(request.maxResults, options);
  const page = matching.slice(offset, offset + size);
  const isLast = offset + page.length >= matching.length;
  return ok({
    issues: page.map((issue) => renderIssue(ctx.view, issue, options)),
    ...(isLast ? {} : { nextPageToken: encodeToken(offset + size, request.jql) }),
    isLast,
  });
}

const SEARCH_QUERY = ['jql', 'nextPageToken', 'maxResults', 'fields', 'expand', 'properties', 'fieldsByKeys', 'failFast', 'reconcileIssues'];

export const searchRoutes: RouteTable = {
  'GET /rest/api/3/search/jql': {
    query: SEARCH_QUERY,
    handle: (ctx) => {
      const maxResults = ctx.query.get('maxResults');
      return search(ctx, {
        jql: ctx.query.get('jql') ?? '',
        ...(ctx.query.get('nextPageToken') === undefined ? {} : { nextPageToken: ctx.query.get('nextPageToken') }),
        ...(maxResults === undefined ? {} : { maxResults: Number.parseInt(maxResults, 10) }),
        fields: ctx.query.all('fields'),
        expand: ctx.query.all('expand'),
        properties: parsePropertyKeys(ctx.query.all('properties')),
      });
    },
  },

  'POST /rest/api/3/search/jql': {
    handle: (ctx) => {
      const parsed = parseBody(searchBodySchema, ctx.body);
      if (!parsed.ok) return parsed.response;
      const body = parsed.value;
      return search(ctx, {
        jql: body.jql,
        ...(body.nextPageToken === undefined ? {} : { nextPageToken: body.nextPageToken }),
        ...(body.maxResults === undefined ? {} : { maxResults: body.maxResults }),
        fields: body.fields,
        expand: body.expand === undefined ? [] : [body.expand],
        properties: body.properties,
      });
    },
  },
};
