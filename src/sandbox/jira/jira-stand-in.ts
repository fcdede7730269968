import type { OpenApiValidator, SpecProblem } from '../openapi/openapi-validator';
import { createEventDispatcher, type EventDispatcher, type InvocationScope, type TriggerRegistration } from './event-dispatcher';
import { createFaultInjector, type FaultRule } from './fault-injection';
import { createStandInClock, type StandInClock } from './jira-clock';
import type { JiraHttpRequest, JiraHttpResponse, RouteResult } from './jira-http';
import type { FieldDefinition, JiraGroup, JiraIssue, JiraProject, JiraUser, SentNotification } from './jira-model';
import { createJiraState, findIssue, type JiraState } from './jira-state';
import type { Actor } from './permissions';
import { queryParamsOf, type InstalledApp, type Route, type RouteContext, type RouteTable, type StandInServices } from './route-context';
import { appFieldRoutes } from './routes/app-field-routes';
import { commentAndNotifyRoutes } from './routes/comment-and-notify-routes';
import { fieldAndProjectRoutes } from './routes/field-and-project-routes';
import { issueLinkRoutes } from './routes/issue-link-routes';
import { issueRoutes } from './routes/issue-routes';
import { issueTypeRoutes } from './routes/issue-type-routes';
import { propertyRoutes } from './routes/property-routes';
import { screenRoutes } from './routes/screen-routes';
import { searchRoutes } from './routes/search-routes';
import { serverInfoRoutes } from './routes/server-info-routes';
import { statusRoutes } from './routes/status-routes';
import { transitionRoutes } from './routes/transition-routes';
import { userAndPermissionRoutes } from './routes/user-and-permission-routes';
import { workflowRoutes } from './routes/workflow-routes';
import { workflowSchemeRoutes } from './routes/workflow-scheme-routes';
import {
  assignTeamManagedWorkflow,
  registerForgeField,
  seedGroup,
  seedIssue,
  seedProject,
  seedUser,
  type SeedForgeField,
  type SeedIssue,
  type SeedProject,
  type SeedUser,
} from './seeding';
import { POST_FUNCTION_EVENT } from './workflow-post-functions';
import type { WorkflowValidatorHandler } from './workflow-validators';

/**
 * A local, HTTP-level stand-in for one Jira Cloud site with one Forge app installed. Every request is checked
 * against Jira's OpenAPI spec before it is served (a request Jira would refuse is a 400 naming the spec
 * problem) and every response it produces is checked after (a response Jira could not send is a bug here and
 * throws). Injected faults and the stand-in's own refusals of things it does not implement are answered
 * before the spec check of the response, as they are not Jira's answers.
 */

export type JiraStandInOptions = {
  readonly validator: OpenApiValidator;
  readonly app: {
    readonly appId: string;
    readonly environmentId: string;
    readonly cloudId?: string;
    readonly accountId?: string;
    readonly name?: string;
  };
  readonly start?: Date;
  readonly baseUrl?: string;
  readonly siteTimeZone?: string;
  /** Groups whose members hold *Administer Jira*; created empty when absent. */
  readonly adminGroups?: readonly string[];
};

export type JiraStandIn = {
  handle(request: JiraHttpRequest): Promise<JiraHttpResponse>;
  readonly app: InstalledApp;
  readonly clock: StandInClock;
  /** The site's data, for assertions and the sandbox's viewers; change it through the methods below. */
  readonly state: JiraState;
  seedUser(input: SeedUser): JiraUser;
  seedGroup(name: string, members?: readonly string[]): JiraGroup;
  seedProject(input: SeedProject): JiraProject;
  assignTeamManagedWorkflow(projectKey: string, issueTypeName: string, workflowName: string): void;
  /** Jira creates a Forge app's `jira:customField` on deploy; this is that deploy. */
  registerForgeCustomField(input: SeedForgeField): FieldDefinition;
  seedIssue(input: SeedIssue): JiraIssue;
  issue(idOrKey: string): JiraIssue | undefined;
  notifications(): readonly SentNotification[];
  registerWorkflowValidator(
    moduleKey: string,
    handler: WorkflowValidatorHandler,
    options?: { readonly errorMessage?: string; readonly name?: string },
  ): void;
  /** A `jira:workflowPostFunction` function module: Jira sends it the post-function event of every transition it is on. */
  registerWorkflowPostFunction(moduleKey: string, handler: TriggerRegistration['handler'], options?: { readonly name?: string }): void;
  registerTrigger(trigger: TriggerRegistration): void;
  readonly events: Pick<EventDispatcher, 'configure' | 'deliverPending' | 'settle' | 'deliveries' | 'pendingCount'>;
  /** How handlers are invoked as Forge functions; the local Forge runtime installs its own. */
  useInvocationScope(scope: InvocationScope): void;
  injectFault(rule: FaultRule): void;
  clearFaults(): void;
};

const DEFAULT_BASE_URL = 'https://jira-stand-in.invalid';
const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };

const ROUTES: RouteTable = {
  ...fieldAndProjectRoutes,
  ...issueRoutes,
  ...searchRoutes,
  ...transitionRoutes,
  ...commentAndNotifyRoutes,
  ...propertyRoutes,
  ...appFieldRoutes,
  ...userAndPermissionRoutes,
  ...issueTypeRoutes,
  ...statusRoutes,
  ...workflowRoutes,
  ...workflowSchemeRoutes,
  ...screenRoutes,
  ...issueLinkRoutes,
  ...serverInfoRoutes,
};

const directScope: InvocationScope = (_accountId, fn) => fn();

const platformAnswer = (status: number, messages: readonly string[], headers: Record<string, string> = {}): JiraHttpResponse => ({
  status,
  headers: { ...JSON_HEADERS, ...headers },
  body: JSON.stringify({ errorMessages: messages, errors: {} }),
});

const describeProblems = (problems: readonly SpecProblem[]): string[] =>
  problems.map((problem) => `Request does not match the Jira REST API spec (${problem.where}): ${problem.message}`);

const parseJsonBody = (body: string | undefined): { ok: true; value: unknown } | { ok: false; message: string } => {
  if (body === undefined || body.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, message: `The request body is not valid JSON: ${(error as Error).message}` };
  }
};

const hasBody = (request: JiraHttpRequest): boolean => request.body !== undefined && request.body.trim() !== '';

/** Jira refuses a body that does not declare itself JSON, which code forgetting the header meets only in production. */
const sendsJson = (request: JiraHttpRequest): boolean =>
  Object.entries(request.headers ?? {}).some(
    ([name, value]) => name.toLowerCase() === 'content-type' && value.toLowerCase().startsWith('application/json'),
  );

/** Documented query parameters the route does not honour are refused, never silently ignored. */
const unsupportedQuery = (route: Route, search: URLSearchParams): string[] =>
  [...new Set(search.keys())].filter((name) => !(route.query ?? []).includes(name));

export function createJiraStandIn(options: JiraStandInOptions): JiraStandIn {
  const clock = createStandInClock(options.start ?? new Date());
  const state = createJiraState(clock.now());
  const app: InstalledApp = {
    appId: options.app.appId,
    environmentId: options.app.environmentId,
    cloudId: options.app.cloudId ?? state.nextUuid(),
    accountId: options.app.accountId ?? `app:${options.app.appId}`,
  };
  let scope: InvocationScope = directScope;
  const events = createEventDispatcher({ context: { installContext: `ari:cloud:jira::site/${app.cloudId}` }, scope: () => scope });
  const faults = createFaultInjector();
  const services: StandInServices = {
    state,
    clock,
    app,
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    siteTimeZone: options.siteTimeZone ?? 'UTC',
    permissions: { adminGroups: options.adminGroups ?? ['jira-admins'] },
    events,
    validators: new Map(),
    postFunctions: new Map(),
    scope: () => scope,
  };
  state.users.set(app.accountId, {
    accountId: app.accountId,
    displayName: options.app.name ?? 'Forge app',
    active: true,
    accountType: 'app',
    timeZone: services.siteTimeZone,
  });
  for (const name of services.permissions.adminGroups) seedGroup(services, name);

  const actorFor = (asUser: string | null | undefined): Actor | undefined => {
    if (asUser === null || asUser === undefined) return { kind: 'app', accountId: app.accountId };
    return state.users.get(asUser)?.active === true ? { kind: 'user', accountId: asUser } : undefined;
  };

  const serve = async (request: JiraHttpRequest): Promise<JiraHttpResponse> => {
    const method = request.method.toUpperCase();
    const url = new URL(request.path, services.baseUrl);
    const path = `${url.pathname}${url.search}`;
    const actor = actorFor(request.asUser);
    if (actor === undefined) return platformAnswer(401, [`The account ${request.asUser ?? ''} cannot be authenticated.`]);
    const injected = faults.take(method, path);
    if (injected !== undefined) return injected;

    if (hasBody(request) && !sendsJson(request)) {
      return platformAnswer(415, ['Unsupported Media Type: send request bodies with Content-Type: application/json.']);
    }
    const parsed = parseJsonBody(request.body);
    if (!parsed.ok) return platformAnswer(400, [parsed.message]);
    const problems = options.validator.validateRequest({ method, path, body: parsed.value });
    if (problems.length > 0) return platformAnswer(400, describeProblems(problems));

    const operation = options.validator.findOperation(method, path);
    const route = operation === null ? undefined : ROUTES[`${method} ${operation.pathTemplate}`];
    if (operation === null || route === undefined) {
      return platformAnswer(501, [`${method} ${operation?.pathTemplate ?? url.pathname} is not implemented by the Jira stand-in.`]);
    }
    const refused = unsupportedQuery(route, url.searchParams);
    if (refused.length > 0) return platformAnswer(400, [`unsupported query parameter in the stand-in: ${refused.join(', ')}`]);

    const user = actor.kind === 'user' ? state.users.get(actor.accountId) : undefined;
    const ctx: RouteContext = {
      services,
      actor,
      params: operation.pathParams,
      query: queryParamsOf(url.searchParams),
      body: parsed.value,
      view: { state, baseUrl: services.baseUrl, timeZone: user?.timeZone ?? services.siteTimeZone },
    };
    const result: RouteResult = await route.handle(ctx);
    if (result.standInLimitation === true) return platformAnswer(result.status, (result.body as { errorMessages: string[] }).errorMessages);
    const responseProblems = options.validator.validateResponse({ method, path, status: result.status, body: result.body });
    if (responseProblems.length > 0) {
      throw new Error(
        `Jira stand-in produced a response the spec does not allow for ${method} ${operation.pathTemplate} (${result.status}): ` +
          responseProblems.map((problem) => problem.message).join('; '),
      );
    }
    return {
      status: result.status,
      headers: { ...(result.body === undefined ? {} : JSON_HEADERS), ...result.headers },
      body: result.body === undefined ? '' : JSON.stringify(result.body),
    };
  };

  return {
    handle: serve,
    app,
    clock,
    state,
    seedUser: (input) => seedUser(services, input),
    seedGroup: (name, members) => seedGroup(services, name, members),
    seedProject: (input) => seedProject(services, input),
    assignTeamManagedWorkflow: (projectKey, issueTypeName, workflowName) =>
      assignTeamManagedWorkflow(services, projectKey, issueTypeName, workflowName),
    registerForgeCustomField: (input) => registerForgeField(services, input),
    seedIssue: (input) => seedIssue(services, input),
    issue: (idOrKey) => findIssue(state, idOrKey),
    notifications: () => state.notifications,
    registerWorkflowValidator: (moduleKey, handler, validatorOptions) =>
      void services.validators.set(moduleKey, {
        handler,
        ...(validatorOptions?.errorMessage === undefined ? {} : { errorMessage: validatorOptions.errorMessage }),
        ...(validatorOptions?.name === undefined ? {} : { name: validatorOptions.name }),
      }),
    registerWorkflowPostFunction: (moduleKey, handler, postFunctionOptions) => {
      services.postFunctions.set(moduleKey, postFunctionOptions?.name === undefined ? {} : { name: postFunctionOptions.name });
      events.register({ key: moduleKey, events: [POST_FUNCTION_EVENT], handler });
    },
    registerTrigger: (trigger) => events.register(trigger),
    events,
    useInvocationScope: (next) => {
      scope = next;
    },
    injectFault: (rule) => faults.inject(rule),
    clearFaults: () => faults.clear(),
  };
}
