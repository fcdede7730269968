import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isEditableFieldKey } from '../../contract/custom-fields';
import { findProject } from '../jira/jira-state';
import { CAST, PEOPLE, personById, type Person } from '../seed/cast';
import { createBrowserScripts, isBrowserScript } from '../server/browser-scripts';
import {
  adminPageExtension,
  customFieldEditExtension,
  forgeContextOf,
  issuePanelExtension,
  projectPageExtension,
  workflowValidatorExtension,
  type SiteFacts,
} from '../server/frame-context';
import type { ColorMode, Frame, FrameRegistry, UiPage } from '../server/frames';
import type { ManifestUiModule } from '../server/manifest-modules';
import type { SandboxWorld } from '../server/sandbox-world';
import { UI_ROOT, type UiBuild } from '../server/ui-build';
import { appFrame } from './app-frame';
import { EMPTY_FORM, exceptionForm, formValuesFromIssue, formValuesOf, jiraFieldsOf } from './exception-form';
import { html, toText, type Html } from './html';
import { issuePage } from './issue-page';
import { readIssueView, readTransitions } from './issue-view-model';
import { jiraRestAs } from './jira-rest';
import { banner, hostPage, type Chrome, type Section } from './layout';
import { notificationsPage, workflowRulesPage, type WorkflowRuleRow } from './other-pages';

/**
 * The host page: Jira's UI around the app, served by the sandbox. Every page is rendered on the server from Jira's
 * REST answers for the signed-in person; the app's Custom UI pages are frames of the production build whose bridge
 * calls come back here under the frame's id.
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

export const USER_COOKIE = 'sandbox-user';
export const THEME_COOKIE = 'sandbox-theme';
/** Whoever opens the sandbox first sees it as a security lead, who sees and may do the most. */
export const DEFAULT_USER = CAST.sam.accountId;

type Flash = { readonly kind: 'error' | 'success'; readonly message: string };
type Session = { readonly user: Person; readonly colorMode: ColorMode };

const HTML_TYPE = 'text/html; charset=utf-8';
const CSS = readFileSync(join(__dirname, 'host.css'), 'utf8');

const respond = (status: number, body: string | Buffer, contentType = HTML_TYPE, headers: Record<string, string> = {}): HostResponse => ({
  status,
  headers: { 'content-type': contentType, 'cache-control': 'no-store', ...headers },
  body,
});
const redirect = (location: string, headers: Record<string, string> = {}): HostResponse => ({ status: 303, headers: { location, ...headers }, body: '' });
const json = (status: number, value: unknown): HostResponse => respond(status, JSON.stringify(value ?? null), 'application/json');

/** A path on this host, so a form's `back` can never send the browser elsewhere. */
const localPath = (candidate: string | null, fallback: string): string =>
  candidate !== null && candidate.startsWith('/') && !candidate.startsWith('//') ? candidate : fallback;

const cookie = (name: string, value: string): string => `${name}=${encodeURIComponent(value)}; Path=/; SameSite=Lax; HttpOnly`;

const ISSUE_KEY = '([A-Z][A-Z0-9_]+-[1-9][0-9]*)';
const FRAME_ID = '([0-9a-f-]{36})';

const invokeSchema = z.object({ functionKey: z.string().min(1).max(200), payload: z.unknown() });
const submitSchema = z.object({ value: z.unknown() });
const permissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

export const createHostApp = (deps: HostDeps) => {
  const { world, frames, ui, site } = deps;
  const { jira, projectKey, manifest } = world;
  const scripts = createBrowserScripts();
  const flashes = new Map<string, Flash>();
  const projectPath = `/projects/${projectKey}`;

  const sessionOf = (request: HostRequest): Session => {
    const user = personById(request.cookies.get(USER_COOKIE) ?? DEFAULT_USER) ?? personById(DEFAULT_USER);
    if (user === undefined) throw new Error('the sandbox cast is empty');
    return { user, colorMode: request.cookies.get(THEME_COOKIE) === 'dark' ? 'dark' : 'light' };
  };

  const takeFlash = (session: Session): Flash | undefined => {
    const flash = flashes.get(session.user.accountId);
    flashes.delete(session.user.accountId);
    return flash;
  };

  const projectRef = () => {
    const project = findProject(jira.state, projectKey);
    if (project === undefined) throw new Error(`the sandbox site has no project ${projectKey}`);
    return { id: project.id, key: project.key, name: project.name };
  };

  const nameOf = (accountId: string): string => jira.state.users.get(accountId)?.displayName ?? accountId;

  const chrome = (session: Session, request: HostRequest): Chrome => ({
    user: session.user,
    people: PEOPLE,
    colorMode: session.colorMode,
    now: jira.clock.now(),
    projectKey,
    projectName: projectRef().name,
    currentPath: `${request.url.pathname}${request.url.search}`,
  });

  const page = (session: Session, request: HostRequest, title: string, section: Section, main: Html, status = 200): HostResponse =>
    respond(status, toText(hostPage(chrome(session, request), { title, section, main })));

  const moduleKeyOf = (type: ManifestUiModule['type']): string => {
    const module = manifest.uiModules.find((candidate) => candidate.type === type);
    if (module === undefined) throw new Error(`manifest.yml declares no ${type} module, so the sandbox has no page to show here`);
    return module.key;
  };

  const openFrame = (session: Session, page: UiPage, fields: Pick<Frame, 'moduleKey' | 'extension' | 'returnTo'> & { readonly search?: string }): Frame =>
    frames.open({
      page,
      accountId: session.user.accountId,
      colorMode: session.colorMode,
      moduleKey: fields.moduleKey,
      extension: fields.extension,
      location: { pathname: '/', search: fields.search ?? '' },
      returnTo: fields.returnTo,
    });

  const loadIssue = async (session: Session, issueKey: string) => {
    const rest = jiraRestAs(jira, session.user.accountId);
    const answer = await rest.get(`/rest/api/3/issue/${issueKey}?fields=*all`);
    return answer.ok ? { ok: true as const, issue: readIssueView(answer.body, manifest.customFields, world.fieldIds) } : answer;
  };

  // --- pages ------------------------------------------------------------------------------------------------------

  const registerPage = (session: Session, request: HostRequest): HostResponse => {
    const frame = openFrame(session, 'register', {
      moduleKey: moduleKeyOf('jira:projectPage'),
      extension: projectPageExtension(projectRef()),
      returnTo: `${projectPath}/register`,
      search: request.url.search,
    });
    const flash = takeFlash(session);
    const main = html`${banner(flash?.kind ?? 'success', flash?.message)}
      ${appFrame(frame, ui.pageUrl('register', frame.id), 'Exception register', { followsUrl: true })}`;
    return page(session, request, 'Exception register', 'register', main);
  };

  const issueView = async (session: Session, request: HostRequest, issueKey: string): Promise<HostResponse> => {
    const loaded = await loadIssue(session, issueKey);
    if (!loaded.ok) return page(session, request, issueKey, 'issue', html`<h1>${issueKey}</h1>${banner('error', loaded.message)}`, loaded.status);
    const { issue } = loaded;
    const rest = jiraRestAs(jira, session.user.accountId);
    const offered = await rest.get(`/rest/api/3/issue/${issueKey}/transitions`);
    const transitions = offered.ok ? readTransitions(offered.body) : [];
    const editable = await rest.get(`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=EDIT_ISSUES`);
    const canEdit = editable.ok && permissionsSchema.parse(editable.body).permissions.EDIT_ISSUES?.havePermission === true;
    const frame = openFrame(session, 'issue-panel', {
      moduleKey: moduleKeyOf('jira:issuePanel'),
      extension: issuePanelExtension(issue.project, { id: issue.id, key: issue.key, type: issue.type.name, typeId: issue.type.id }),
      returnTo: `/browse/${issueKey}`,
    });
    const flash = takeFlash(session);
    const main = issuePage({
      issue,
      transitions,
      appEditedFields: new Set(issue.fields.map((field) => field.moduleKey).filter(isEditableFieldKey)),
      canEdit,
      panel: appFrame(frame, ui.pageUrl('issue-panel', frame.id), `Security Exception Register panel for ${issueKey}`),
      notifications: jira.notifications().filter((notification) => notification.issueKey === issueKey),
      ...(flash === undefined ? {} : { flash }),
      nameOf,
    });
    return page(session, request, `${issueKey} ${issue.summary}`, 'issue', main);
  };

  const transition = async (session: Session, request: HostRequest, issueKey: string): Promise<HostResponse> => {
    const form = new URLSearchParams(request.body);
    const transitionId = form.get('transitionId') ?? '';
    const comment = form.get('comment')?.trim() ?? '';
    const rest = jiraRestAs(jira, session.user.accountId);
    const answer = await rest.send('POST', `/rest/api/3/issue/${issueKey}/transitions`, {
      transition: { id: transitionId },
      ...(comment === '' ? {} : { update: { comment: [{ add: { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: comment }] }] } } }] } }),
    });
    await jira.events.settle();
    if (!answer.ok) flashes.set(session.user.accountId, { kind: 'error', message: answer.message });
    return redirect(`/browse/${issueKey}`);
  };

  const createForm = (session: Session, request: HostRequest, values = EMPTY_FORM, error?: string): HostResponse =>
    page(
      session,
      request,
      'Create exception',
      'create',
      html`<h1>Create security exception</h1>
        <p class="muted">Creates a Security Exception in ${projectKey} as a draft. Its risk inputs, assets, compensating controls and remediation plan are edited next, with the app's field editors, which check the request as you type.</p>
        ${banner('error', error)}
        ${exceptionForm({ action: `${projectPath}/create`, values, submitLabel: 'Create' })}`,
      error === undefined ? 200 : 400,
    );

  const create = async (session: Session, request: HostRequest): Promise<HostResponse> => {
    const values = formValuesOf(new URLSearchParams(request.body));
    const fields = jiraFieldsOf(values, world.fieldIds);
    if (!fields.ok) return createForm(session, request, values, fields.message);
    const answer = await jiraRestAs(jira, session.user.accountId).send('POST', '/rest/api/3/issue', {
      fields: { project: { key: projectKey }, issuetype: { name: 'Security Exception' }, ...fields.value },
    });
    await jira.events.settle();
    if (!answer.ok) return createForm(session, request, values, answer.message);
    const { key } = z.object({ key: z.string() }).parse(answer.body);
    return redirect(`/browse/${key}`);
  };

  const editForm = async (session: Session, request: HostRequest, issueKey: string, submitted?: { values: ReturnType<typeof formValuesOf>; error: string }) => {
    const loaded = await loadIssue(session, issueKey);
    if (!loaded.ok) return page(session, request, issueKey, 'issue', banner('error', loaded.message), loaded.status);
    return page(
      session,
      request,
      `Edit ${issueKey}`,
      'issue',
      html`<div class="breadcrumbs"><a href="/browse/${issueKey}">${issueKey}</a> / Edit</div>
        <h1>Edit ${loaded.issue.summary}</h1>
        ${banner('error', submitted?.error)}
        ${exceptionForm({ action: `/browse/${issueKey}/edit`, values: submitted?.values ?? formValuesFromIssue(loaded.issue), submitLabel: 'Save' })}`,
      submitted === undefined ? 200 : 400,
    );
  };

  const edit = async (session: Session, request: HostRequest, issueKey: string): Promise<HostResponse> => {
    const values = formValuesOf(new URLSearchParams(request.body));
    const loaded = await loadIssue(session, issueKey);
    if (!loaded.ok) return page(session, request, issueKey, 'issue', banner('error', loaded.message), loaded.status);
    const storedFindings = loaded.issue.fields.find((field) => field.moduleKey === 'exception-findings')?.value;
    const fields = jiraFieldsOf(values, world.fieldIds, storedFindings);
    if (!fields.ok) return editForm(session, request, issueKey, { values, error: fields.message });
    const answer = await jiraRestAs(jira, session.user.accountId).send('PUT', `/rest/api/3/issue/${issueKey}`, { fields: fields.value });
    await jira.events.settle();
    if (!answer.ok) return editForm(session, request, issueKey, { values, error: answer.message });
    return redirect(`/browse/${issueKey}`);
  };

  const fieldEditor = async (session: Session, request: HostRequest, issueKey: string, moduleKey: string): Promise<HostResponse> => {
    const loaded = await loadIssue(session, issueKey);
    if (!loaded.ok) return page(session, request, issueKey, 'issue', banner('error', loaded.message), loaded.status);
    const { issue } = loaded;
    const field = issue.fields.find((candidate) => candidate.moduleKey === moduleKey);
    if (field === undefined || !isEditableFieldKey(moduleKey)) {
      return page(session, request, issueKey, 'issue', banner('error', `${moduleKey} is not a field the app edits.`), 404);
    }
    const frame = openFrame(session, 'intake', {
      moduleKey,
      extension: customFieldEditExtension(issue.project, { id: issue.id, key: issue.key, type: issue.type.name, typeId: issue.type.id }, {
        id: field.fieldId,
        type: field.type,
        value: field.value,
      }),
      returnTo: `/browse/${issueKey}`,
    });
    return page(
      session,
      request,
      `${field.name} of ${issueKey}`,
      'issue',
      html`<div class="breadcrumbs"><a href="/browse/${issueKey}">${issueKey}</a> / ${field.name}</div>
        <h1>${issue.summary}</h1>
        ${appFrame(frame, ui.pageUrl('intake', frame.id), `${field.name} editor`)}`,
    );
  };

  const adminPage = (session: Session, request: HostRequest): HostResponse => {
    const frame = openFrame(session, 'admin', { moduleKey: moduleKeyOf('jira:adminPage'), extension: adminPageExtension(), returnTo: '/admin' });
    return page(session, request, 'Security Exception Register', 'admin', appFrame(frame, ui.pageUrl('admin', frame.id), 'Security Exception Register administration'));
  };

  const workflowRules = (session: Session, request: HostRequest): HostResponse => {
    const rows = workflowRuleRows();
    const chosen = rows.find((row) => row.id === request.url.searchParams.get('rule'));
    const frame =
      chosen === undefined
        ? undefined
        : openFrame(session, 'rule-config', {
            moduleKey: chosen.moduleKey,
            extension: workflowValidatorExtension({ id: chosen.id, config: chosen.config }),
            returnTo: `/admin/workflow-rules?rule=${encodeURIComponent(chosen.id)}`,
          });
    const editor =
      frame === undefined || chosen === undefined
        ? html``
        : html`<h2>${chosen.transitionName}: ${chosen.moduleKey}</h2>
            ${appFrame(frame, ui.pageUrl('rule-config', frame.id), `Configuration of the validator on ${chosen.transitionName}`)}
            <div class="row"><button type="button" class="primary" data-configure-frame="${frame.id}">Update</button></div>
            <p class="muted">Jira would save this configuration for the rule:</p>
            <pre class="configuration" data-configuration-of="${frame.id}" hidden></pre>`;
    return page(session, request, 'Workflow rules', 'workflow-rules', workflowRulesPage(rows, editor));
  };

  const workflowRuleRows = (): WorkflowRuleRow[] => {
    const workflow = [...jira.state.workflows.values()].find((candidate) => candidate.name.startsWith('Security Exception'));
    if (workflow === undefined) return [];
    return workflow.transitions.flatMap((candidate) =>
      candidate.validators.flatMap((rule, index) => {
        const moduleKey = /\/static\/([^/]+)$/.exec(rule.parameters.key ?? '')?.[1];
        return moduleKey === undefined
          ? []
          : [{ id: `${candidate.id}:${index}`, transitionName: candidate.name, moduleKey, config: rule.parameters.config }];
      }),
    );
  };

  // --- sandbox controls and frame calls ---------------------------------------------------------------------------

  const switchUser = (request: HostRequest): HostResponse => {
    const form = new URLSearchParams(request.body);
    const person = personById(form.get('accountId') ?? '');
    if (person === undefined) return respond(400, 'Unknown person.', 'text/plain');
    return redirect(localPath(form.get('back'), `${projectPath}/register`), { 'set-cookie': cookie(USER_COOKIE, person.accountId) });
  };

  const switchTheme = (request: HostRequest): HostResponse => {
    const form = new URLSearchParams(request.body);
    const colorMode = form.get('colorMode') === 'dark' ? 'dark' : 'light';
    return redirect(localPath(form.get('back'), `${projectPath}/register`), { 'set-cookie': cookie(THEME_COOKIE, colorMode) });
  };

  const advanceClock = async (session: Session, request: HostRequest): Promise<HostResponse> => {
    const form = new URLSearchParams(request.body);
    const days = Number(form.get('days'));
    if (!Number.isInteger(days) || days < 1 || days > 366) return respond(400, 'Advance the clock by 1 to 366 days.', 'text/plain');
    const summary = await deps.app.advanceDays(days);
    flashes.set(session.user.accountId, { kind: 'success', message: summary });
    return redirect(localPath(form.get('back'), `${projectPath}/register`));
  };

  const frameCall = async (request: HostRequest, frameId: string, action: string | undefined): Promise<HostResponse> => {
    const frame = frames.get(frameId);
    if (frame === undefined) return json(404, { message: 'This frame is no longer open: reload the page.' });
    const context = forgeContextOf(frame, site);
    if (action === undefined && request.method === 'GET') return json(200, { context, location: frame.location });
    if (action === 'invoke' && request.method === 'POST') {
      const call = invokeSchema.parse(JSON.parse(request.body));
      return json(200, await deps.app.invoke(frame, context, call.functionKey, call.payload));
    }
    if (action === 'submit' && request.method === 'POST') return json(200, await submitField(frame, submitSchema.parse(JSON.parse(request.body)).value));
    return json(405, { message: `${request.method} ${action ?? ''} is not a frame call.` });
  };

  /** A custom field editor saves its value: Jira writes it as the person editing, with the field's own checks. */
  const submitField = async (frame: Frame, value: unknown) => {
    const issueKey = (frame.extension['issue'] as { key?: unknown } | undefined)?.key;
    const fieldId = frame.extension['fieldId'];
    if (frame.page !== 'intake' || typeof issueKey !== 'string' || typeof fieldId !== 'string') return { ok: false, message: 'This frame does not edit a field.' };
    const answer = await jiraRestAs(jira, frame.accountId).send('PUT', `/rest/api/3/issue/${issueKey}`, { fields: { [fieldId]: value } });
    await jira.events.settle();
    return answer.ok ? { ok: true } : { ok: false, message: answer.message };
  };

  // --- routing ----------------------------------------------------------------------------------------------------

  type Handler = (session: Session, request: HostRequest, match: RegExpExecArray) => HostResponse | Promise<HostResponse>;
  const routes: readonly (readonly [string, RegExp, Handler])[] = [
    ['GET', /^\/$/, () => redirect(`${projectPath}/register`)],
    ['GET', new RegExp(`^${projectPath}/register$`), registerPage],
    ['GET', new RegExp(`^${projectPath}/create$`), (session, request) => createForm(session, request)],
    ['POST', new RegExp(`^${projectPath}/create$`), create],
    ['GET', new RegExp(`^/browse/${ISSUE_KEY}$`), (session, request, match) => issueView(session, request, match[1] ?? '')],
    ['POST', new RegExp(`^/browse/${ISSUE_KEY}/transitions$`), (session, request, match) => transition(session, request, match[1] ?? '')],
    ['GET', new RegExp(`^/browse/${ISSUE_KEY}/edit$`), (session, request, match) => editForm(session, request, match[1] ?? '')],
    ['POST', new RegExp(`^/browse/${ISSUE_KEY}/edit$`), (session, request, match) => edit(session, request, match[1] ?? '')],
    ['GET', new RegExp(`^/browse/${ISSUE_KEY}/fields/([a-z0-9-]+)$`), (session, request, match) => fieldEditor(session, request, match[1] ?? '', match[2] ?? '')],
    ['GET', /^\/notifications$/, (session, request) => page(session, request, 'Notifications sent', 'notifications', notificationsPage(jira.notifications(), nameOf))],
    ['GET', /^\/admin$/, adminPage],
    ['GET', /^\/admin\/workflow-rules$/, workflowRules],
    ['POST', /^\/sandbox\/user$/, (_session, request) => switchUser(request)],
    ['POST', /^\/sandbox\/theme$/, (_session, request) => switchTheme(request)],
    ['POST', /^\/sandbox\/clock$/, advanceClock],
    ['GET', /^\/sandbox\/host\.css$/, () => respond(200, CSS, 'text/css; charset=utf-8')],
    ['GET', /^\/favicon\.ico$/, () => respond(204, '', 'image/x-icon')],
  ];

  return {
    async handle(request: HostRequest): Promise<HostResponse> {
      const path = request.url.pathname;
      if (path.startsWith(UI_ROOT) && request.method === 'GET') {
        const served = ui.serve(`${path}${request.url.search}`);
        return respond(served.status, served.body, served.contentType);
      }
      if (isBrowserScript(path) && request.method === 'GET') return respond(200, scripts(path), 'text/javascript; charset=utf-8');
      const frameRoute = new RegExp(`^/sandbox/frames/${FRAME_ID}(?:/(invoke|submit))?$`).exec(path);
      if (frameRoute !== null) return frameCall(request, frameRoute[1] ?? '', frameRoute[2]);
      const session = sessionOf(request);
      for (const [method, pattern, handler] of routes) {
        const match = pattern.exec(path);
        if (match !== null && method === request.method) return handler(session, request, match);
      }
      return page(session, request, 'Not found', 'register', html`<h1>Not found</h1><p>The sandbox has no page at ${path}.</p>`, 404);
    },
  };
};

export type HostApp = ReturnType<typeof createHostApp>;
