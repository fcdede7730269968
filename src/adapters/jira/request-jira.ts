/**
 * The one capability the gateway needs from the platform: `asUser().requestJira` / `asApp().requestJira`
 * from @forge/api, reduced to what the gateway uses. Forge's own function takes a `Route`; the Forge adapter
 * wraps it with `assumeTrustedRoute`, which is sound because every path the gateway sends is built by
 * `jiraPath` (see jira-path.ts). A thrown error (consent needed, proxy failure) is the platform's and is left
 * to reach the runtime unchanged.
 */
export type JiraRequestInit = {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
};

export type JiraHttpResponse = {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
};

export type RequestJira = (path: string, init?: JiraRequestInit) => Promise<JiraHttpResponse>;
