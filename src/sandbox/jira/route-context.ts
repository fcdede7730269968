import type { EventDispatcher, InvocationScope } from './event-dispatcher';
import type { StandInClock } from './jira-clock';
import type { RouteResult } from './jira-http';
import type { JiraState } from './jira-state';
import type { ViewContext } from './jira-views';
import type { Actor, PermissionPolicy } from './permissions';
import type { PostFunctionRegistry } from './workflow-post-functions';
import type { ValidatorRegistry } from './workflow-validators';

/** The installed Forge app as Jira knows it: its ids, its app user, the site it is installed on. */
export type InstalledApp = {
  readonly appId: string;
  readonly environmentId: string;
  readonly accountId: string;
  readonly cloudId: string;
};

export type StandInServices = {
  readonly state: JiraState;
  readonly clock: StandInClock;
  readonly app: InstalledApp;
  readonly baseUrl: string;
  readonly siteTimeZone: string;
  readonly permissions: PermissionPolicy;
  readonly events: EventDispatcher;
  readonly validators: ValidatorRegistry;
  readonly postFunctions: PostFunctionRegistry;
  readonly scope: () => InvocationScope;
};

export type QueryParams = {
  get(name: string): string | undefined;
  all(name: string): string[];
  has(name: string): boolean;
  names(): string[];
};

export const queryParamsOf = (search: URLSearchParams): QueryParams => ({
  get: (name) => search.get(name) ?? undefined,
  all: (name) => search.getAll(name),
  has: (name) => search.has(name),
  names: () => [...new Set(search.keys())],
});

export type RouteContext = {
  readonly services: StandInServices;
  readonly actor: Actor;
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryParams;
  readonly body: unknown;
  readonly view: ViewContext;
};

/**
 * One implemented operation. `query` lists the query parameters the stand-in honours; any other parameter
 * the spec documents is refused with a 400 rather than silently ignored, so code that relies on it fails here
 * instead of in production.
 */
export type Route = {
  readonly query?: readonly string[];
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
};

/** Routes keyed by `METHOD /path/template` exactly as the OpenAPI spec writes the template. */
export type RouteTable = Readonly<Record<string, Route>>;

export const booleanParam = (query: QueryParams, name: string, fallback: boolean): boolean => {
  const value = query.get(name);
  return value === undefined ? fallback : value === 'true';
};
