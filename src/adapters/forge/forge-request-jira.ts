import api, { assumeTrustedRoute } from '@forge/api';
import type { RequestJira } from '../jira/request-jira';

/**
 * `requestJira` of @forge/api as the gateway's RequestJira. `assumeTrustedRoute` is sound here because every path
 * the gateway sends is built by `jiraPath`, which percent-encodes each caller-supplied segment.
 */
export const forgeRequestJira: { readonly asApp: RequestJira; readonly asUser: RequestJira } = {
  asApp: (path, init) => api.asApp().requestJira(assumeTrustedRoute(path), init),
  asUser: (path, init) => api.asUser().requestJira(assumeTrustedRoute(path), init),
};
