/**
 * The stand-in's HTTP surface: one request in, one response out, bodies as strings exactly as they travel
 * between Forge's proxy and Jira. `asUser` names the acting account; `null` or absent means the app itself.
 */

export type JiraHttpRequest = {
  readonly method: string;
  /** Path with its query string, e.g. `/rest/api/3/search/jql?jql=...`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly asUser?: string | null;
};

export type JiraHttpResponse = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};

/** What a route returns before serialisation; `body: undefined` means an empty body (204 and friends). */
export type RouteResult = {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Set when the stand-in refuses something Jira supports but the stand-in does not model: not Jira's answer. */
  readonly standInLimitation?: true;
};

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const created = (body?: unknown): RouteResult => ({ status: 201, body });
export const noContent = (): RouteResult => ({ status: 204 });

/** Jira's ErrorCollection: general messages plus messages keyed by field id. */
export const jiraError = (
  status: number,
  errorMessages: readonly string[],
  errors: Readonly<Record<string, string>> = {},
): RouteResult => ({ status, body: { errorMessages: [...errorMessages], errors: { ...errors } } });

export const badRequest = (message: string): RouteResult => jiraError(400, [message]);

/** A 400 for valid requests the stand-in does not model, so code relying on them fails here, not in Jira. */
export const unsupportedInStandIn = (message: string): RouteResult => ({ ...jiraError(400, [message]), standInLimitation: true });
export const fieldErrors = (errors: Readonly<Record<string, string>>): RouteResult => jiraError(400, [], errors);
export const notFound = (message: string): RouteResult => jiraError(404, [message]);
export const forbidden = (message: string): RouteResult => jiraError(403, [message]);

/** A step that either yields a value or has already decided the HTTP answer (a Jira error). */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly response: RouteResult };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = (response: RouteResult): Outcome<never> => ({ ok: false, response });
