import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBrowserScripts, isBrowserScript } from '../server/browser-scripts';
import { UI_ROOT } from '../server/ui-build';
import { appPageRoutes } from './app-page-routes';
import { answerFrameCall, FRAME_CALL } from './frame-calls';
import { createHostKit, respond, sessionOf, type HostDeps, type HostRequest, type HostResponse, type Route } from './host-kit';
import { html } from './html';
import { issueRoutes } from './issue-routes';
import { sandboxControlRoutes } from './sandbox-controls';

/**
 * The host page: Jira's UI around the app, served by the sandbox. Every page is rendered on the server from Jira's
 * REST answers for the signed-in person; the app's Custom UI pages are frames of the production build (served under
 * /app/) whose bridge calls come back here under the frame's id.
 */

const CSS = readFileSync(join(__dirname, 'host.css'), 'utf8');

const ASSET_ROUTES: readonly Route[] = [
  { method: 'GET', path: /^\/sandbox\/host\.css$/, handle: () => respond(200, CSS, 'text/css; charset=utf-8') },
  { method: 'GET', path: /^\/favicon\.ico$/, handle: () => respond(204, '', 'image/x-icon') },
];

export const createHostApp = (deps: HostDeps) => {
  const kit = createHostKit(deps);
  const scripts = createBrowserScripts();
  const routes = [...appPageRoutes(kit), ...issueRoutes(kit), ...sandboxControlRoutes(kit), ...ASSET_ROUTES];

  return {
    async handle(request: HostRequest): Promise<HostResponse> {
      const path = request.url.pathname;
      if (path.startsWith(UI_ROOT) && request.method === 'GET') {
        const served = deps.ui.serve(`${path}${request.url.search}`);
        return respond(served.status, served.body, served.contentType);
      }
      if (isBrowserScript(path) && request.method === 'GET') return respond(200, scripts(path), 'text/javascript; charset=utf-8');
      const frameCall = FRAME_CALL.exec(path);
      if (frameCall !== null) return answerFrameCall(kit, request, frameCall[1] ?? '', frameCall[2]);
      const session = sessionOf(request);
      for (const route of routes) {
        const match = route.path.exec(path);
        if (match !== null && route.method === request.method) return route.handle(session, request, match);
      }
      return kit.page(session, request, { title: 'Not found', section: 'register', main: html`<h1>Not found</h1><p>The sandbox has no page at ${path}.</p>`, status: 404 });
    },
  };
};
