import { findProject } from '../jira/jira-state';
import { CAST, PEOPLE, personById, type Person } from '../seed/cast';
import type { SiteFacts } from '../server/frame-context';
import type { ColorMode, Frame, FrameRegistry, UiPage } from '../server/frames';
import type { ManifestUiModule } from '../server/manifest-modules';
import type { SandboxWorld } from '../server/sandbox-world';
import type { UiBuild } from '../server/ui-build';
import { toText, type Html } from './html';
import { readIssueView, type IssueViewModel } from './issue-view-model';
import { jiraRestAs, type JiraRest } from './jira-rest';
import { hostPage, type Flash, type Section } from './layout';

/**
 * What every page of the host shares: who is signed in (a cookie, as the user switcher sets it), the Jira chrome
 * around each page with what the last action did, frames opened for the signed-in person, and Jira's REST API as them.
 */

export type SandboxApp = {
  /** Runs one resolver call from a frame, as Jira's frame host does. */
  invoke(frame: Frame, context: Readonly<Record<string, unknown>>, functionKey: string, payload: unknown): Promise<unknown>;
  /** Moves the site clock forward day by day, running the scheduled jobs of each day; says what they did. */
  advanceDays(days: number): Promise<string>;
};

export type HostDeps = {
  readonly world: SandboxWorld;
  readonly app: SandboxApp;
  readonly ui: UiBuild;
  readonly frames: FrameRegistry;
  readonly site: SiteFacts;
};

export type HostRequest = { readonly method: string; readonly url: URL; readonly cookies: ReadonlyMap<string, string>; readonly body: string };
export type HostResponse = { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string | Buffer };

export type Session = { readonly user: Person; readonly colorMode: ColorMode };

export type Route = {
  readonly method: 'GET' | 'POST';
  readonly path: RegExp;
  readonly handle: (session: Session, request: HostRequest, match: RegExpExecArray) => HostResponse | Promise<HostResponse>;
};

export const USER_COOKIE = 'sandbox-user';
export const THEME_COOKIE = 'sandbox-theme';
/** Whoever opens the sandbox first sees it as a security lead, who sees and may do the most. */
export const DEFAULT_USER = CAST.sam.accountId;
export const ISSUE_KEY = '([A-Z][A-Z0-9_]+-[1-9][0-9]*)';

const HTML_TYPE = 'text/html; charset=utf-8';

export const respond = (status: number, body: string | Buffer, contentType = HTML_TYPE, headers: Record<string, string> = {}): HostResponse => ({
  status,
  headers: { 'content-type': contentType, 'cache-control': 'no-store', ...headers },
  body,
});

export const redirect = (location: string, headers: Record<string, string> = {}): HostResponse => ({ status: 303, headers: { location, ...headers }, body: '' });

export const json = (status: number, value: unknown): HostResponse => respond(status, JSON.stringify(value ?? null), 'application/json');

/** A path on this host, so a form's `back` can never send the browser elsewhere. */
export const localPath = (candidate: string | null, fallback: string): string =>
  candidate !== null && candidate.startsWith('/') && !candidate.startsWith('//') ? candidate : fallback;

export const cookie = (name: string, value: string): string => `${name}=${encodeURIComponent(value)}; Path=/; SameSite=Lax; HttpOnly`;

export const sessionOf = (request: HostRequest): Session => {
  const user = personById(request.cookies.get(USER_COOKIE) ?? DEFAULT_USER) ?? personById(DEFAULT_USER);
  if (user === undefined) throw new Error('the sandbox cast is empty');
  return { user, colorMode: request.cookies.get(THEME_COOKIE) === 'dark' ? 'dark' : 'light' };
};

export type FrameFields = Pick<Frame, 'moduleKey' | 'extension' | 'returnTo'> & { readonly search?: string };

export type LoadedIssue = { readonly ok: true; readonly issue: IssueViewModel } | { readonly ok: false; readonly status: number; readonly message: string };

export const createHostKit = (deps: HostDeps) => {
  const { world, frames } = deps;
  const { jira, projectKey, manifest } = world;
  const flashes = new Map<string, Flash>();

  const project = () => {
    const found = findProject(jira.state, projectKey);
    if (found === undefined) throw new Error(`the sandbox site has no project ${projectKey}`);
    return { id: found.id, key: found.key, name: found.name };
  };

  const takeFlash = (session: Session): Flash | undefined => {
    const flash = flashes.get(session.user.accountId);
    flashes.delete(session.user.accountId);
    return flash;
  };

  return {
    deps,
    jira,
    projectKey,
    projectPath: `/projects/${projectKey}`,
    project,
    nameOf: (accountId: string): string => jira.state.users.get(accountId)?.displayName ?? accountId,
    jiraAs: (session: Session): JiraRest => jiraRestAs(jira, session.user.accountId),
    /** What the next page shown to this person says on top. */
    flash: (session: Session, flash: Flash): void => void flashes.set(session.user.accountId, flash),

    page(session: Session, request: HostRequest, options: { readonly title: string; readonly section: Section; readonly main: Html; readonly status?: number }): HostResponse {
      const chrome = {
        user: session.user,
        people: PEOPLE,
        colorMode: session.colorMode,
        now: jira.clock.now(),
        projectKey,
        projectName: project().name,
        currentPath: `${request.url.pathname}${request.url.search}`,
      };
      return respond(options.status ?? 200, toText(hostPage(chrome, { ...options, flash: takeFlash(session) })));
    },

    moduleKeyOf(type: ManifestUiModule['type']): string {
      const module = manifest.uiModules.find((candidate) => candidate.type === type);
      if (module === undefined) throw new Error(`manifest.yml declares no ${type} module, so the sandbox has no page to show here`);
      return module.key;
    },

    openFrame: (session: Session, page: UiPage, fields: FrameFields): Frame =>
      frames.open({
        page,
        accountId: session.user.accountId,
        colorMode: session.colorMode,
        moduleKey: fields.moduleKey,
        extension: fields.extension,
        location: { pathname: '/', search: fields.search ?? '' },
        returnTo: fields.returnTo,
      }),

    async loadIssue(session: Session, issueKey: string): Promise<LoadedIssue> {
      const answer = await jiraRestAs(jira, session.user.accountId).get(`/rest/api/3/issue/${issueKey}?fields=*all`);
      return answer.ok ? { ok: true, issue: readIssueView(answer.body, manifest.customFields, world.fieldIds) } : answer;
    },
  };
};

export type HostKit = ReturnType<typeof createHostKit>;
