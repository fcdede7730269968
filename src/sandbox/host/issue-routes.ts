import { z } from 'zod';
import { EXCEPTION_FIELD_MODULE_KEYS, EXCEPTION_ISSUE_TYPE } from '../../app/projection/exception-issue';
import { isEditableFieldKey } from '../../contract/custom-fields';
import { customFieldEditExtension, issuePanelExtension } from '../server/frame-context';
import { appFrame } from './app-frame';
import { EMPTY_FORM, exceptionForm, formValuesFromIssue, formValuesOf, jiraFieldsOf, type ExceptionFormValues } from './exception-form';
import { ISSUE_KEY, redirect, type HostKit, type HostRequest, type HostResponse, type Route, type Session } from './host-kit';
import { html } from './html';
import { issuePage } from './issue-page';
import { readTransitions, type IssueViewModel } from './issue-view-model';
import { commentDocument } from './jira-rest';
import { banner } from './layout';

/**
 * Jira's issue screens for security exceptions: create, view (with the app's panel and the workflow's buttons), edit,
 * a transition, and the app's editor of one structured field. Every change is made through Jira's REST API as the
 * signed-in person, so Jira's permissions, screens and the app's workflow validators decide it.
 */

const permissionsSchema = z.looseObject({ permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })) });
const createdSchema = z.looseObject({ key: z.string() });

const issueRef = (issue: IssueViewModel) => ({ id: issue.id, key: issue.key, type: issue.type.name, typeId: issue.type.id });

export const issueRoutes = (kit: HostKit): Route[] => {
  const { jira, projectKey, projectPath } = kit;
  const { ui, world } = kit.deps;

  const notFound = (session: Session, request: HostRequest, issueKey: string, loaded: { status: number; message: string }): HostResponse =>
    kit.page(session, request, { title: issueKey, section: 'issue', main: html`<h1>${issueKey}</h1>${banner('error', loaded.message)}`, status: loaded.status });

  const view = async (session: Session, request: HostRequest, issueKey: string): Promise<HostResponse> => {
    const loaded = await kit.loadIssue(session, issueKey);
    if (!loaded.ok) return notFound(session, request, issueKey, loaded);
    const { issue } = loaded;
    const rest = kit.jiraAs(session);
    const offered = await rest.get(`/rest/api/3/issue/${issueKey}/transitions`);
    const editable = await rest.get(`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=EDIT_ISSUES`);
    const frame = kit.openFrame(session, 'issue-panel', {
      moduleKey: kit.moduleKeyOf('jira:issuePanel'),
      extension: issuePanelExtension(issue.project, issueRef(issue)),
      returnTo: `/browse/${issueKey}`,
    });
    const main = issuePage({
      issue,
      transitions: offered.ok ? readTransitions(offered.body) : [],
      appEditedFields: new Set(issue.fields.map((field) => field.moduleKey).filter(isEditableFieldKey)),
      canEdit: editable.ok && permissionsSchema.parse(editable.body).permissions['EDIT_ISSUES']?.havePermission === true,
      panel: appFrame(frame, ui.pageUrl('issue-panel', frame.id), `Security Exception Register panel for ${issueKey}`),
      notifications: jira.notifications().filter((notification) => notification.issueKey === issueKey),
      nameOf: kit.nameOf,
    });
    return kit.page(session, request, { title: `${issueKey} ${issue.summary}`, section: 'issue', main });
  };

  const transition = async (session: Session, request: HostRequest, issueKey: string): Promise<HostResponse> => {
    const form = new URLSearchParams(request.body);
    const comment = form.get('comment')?.trim() ?? '';
    const answer = await kit.jiraAs(session).send('POST', `/rest/api/3/issue/${issueKey}/transitions`, {
      transition: { id: form.get('transitionId') ?? '' },
      ...(comment === '' ? {} : { update: { comment: [{ add: { body: commentDocument(comment) } }] } }),
    });
    await jira.events.settle();
    if (!answer.ok) kit.flash(session, { kind: 'error', message: answer.message });
    return redirect(`/browse/${issueKey}`);
  };

  const createForm = (session: Session, request: HostRequest, values: ExceptionFormValues = EMPTY_FORM, error?: string): HostResponse =>
    kit.page(session, request, {
      title: 'Create exception',
      section: 'create',
      main: html`<h1>Create security exception</h1>
        <p class="muted">Creates a Security Exception in ${projectKey} as a draft. Its risk inputs, assets, compensating controls and remediation plan are edited next, with the app's field editors, which check the request as you type.</p>
        ${banner('error', error)}
        ${exceptionForm({ action: `${projectPath}/create`, values, submitLabel: 'Create' })}`,
      status: error === undefined ? 200 : 400,
    });

  const create = async (session: Session, request: HostRequest): Promise<HostResponse> => {
    const values = formValuesOf(new URLSearchParams(request.body));
    const fields = jiraFieldsOf(values, world.fieldIds);
    if (!fields.ok) return createForm(session, request, values, fields.message);
    const answer = await kit.jiraAs(session).send('POST', '/rest/api/3/issue', {
      fields: { project: { key: projectKey }, issuetype: { name: EXCEPTION_ISSUE_TYPE }, ...fields.value },
    });
    await jira.events.settle();
    if (!answer.ok) return createForm(session, request, values, answer.message);
    return redirect(`/browse/${createdSchema.parse(answer.body).key}`);
  };

  const editForm = async (session: Session, request: HostRequest, issueKey: string, submitted?: { values: ExceptionFormValues; error: string }) => {
    const loaded = await kit.loadIssue(session, issueKey);
    if (!loaded.ok) return notFound(session, request, issueKey, loaded);
    return kit.page(session, request, {
      title: `Edit ${issueKey}`,
      section: 'issue',
      main: html`<div class="breadcrumbs"><a href="/browse/${issueKey}">${issueKey}</a> / Edit</div>
        <h1>Edit ${loaded.issue.summary}</h1>
        ${banner('error', submitted?.error)}
        ${exceptionForm({ action: `/browse/${issueKey}/edit`, values: submitted?.values ?? formValuesFromIssue(loaded.issue), submitLabel: 'Save' })}`,
      status: submitted === undefined ? 200 : 400,
    });
  };

  const edit = async (session: Session, request: HostRequest, issueKey: string): Promise<HostResponse> => {
    const values = formValuesOf(new URLSearchParams(request.body));
    const loaded = await kit.loadIssue(session, issueKey);
    if (!loaded.ok) return notFound(session, request, issueKey, loaded);
    const storedFindings = loaded.issue.fields.find((field) => field.moduleKey === EXCEPTION_FIELD_MODULE_KEYS.findings)?.value;
    const fields = jiraFieldsOf(values, world.fieldIds, storedFindings);
    if (!fields.ok) return editForm(session, request, issueKey, { values, error: fields.message });
    const answer = await kit.jiraAs(session).send('PUT', `/rest/api/3/issue/${issueKey}`, { fields: fields.value });
    await jira.events.settle();
    if (!answer.ok) return editForm(session, request, issueKey, { values, error: answer.message });
    return redirect(`/browse/${issueKey}`);
  };

  const fieldEditor = async (session: Session, request: HostRequest, issueKey: string, moduleKey: string): Promise<HostResponse> => {
    const loaded = await kit.loadIssue(session, issueKey);
    if (!loaded.ok) return notFound(session, request, issueKey, loaded);
    const { issue } = loaded;
    const field = issue.fields.find((candidate) => candidate.moduleKey === moduleKey);
    if (field === undefined || !isEditableFieldKey(moduleKey)) {
      return notFound(session, request, issueKey, { status: 404, message: `${moduleKey} is not a field the app edits.` });
    }
    const frame = kit.openFrame(session, 'intake', {
      moduleKey,
      extension: customFieldEditExtension(issue.project, issueRef(issue), { id: field.fieldId, type: field.type, value: field.value }),
      returnTo: `/browse/${issueKey}`,
    });
    return kit.page(session, request, {
      title: `${field.name} of ${issueKey}`,
      section: 'issue',
      main: html`<div class="breadcrumbs"><a href="/browse/${issueKey}">${issueKey}</a> / ${field.name}</div>
        <h1>${issue.summary}</h1>
        ${appFrame(frame, ui.pageUrl('intake', frame.id), `${field.name} editor`)}`,
    });
  };

  const key = (match: RegExpExecArray): string => match[1] ?? '';
  return [
    { method: 'GET', path: new RegExp(`^${projectPath}/create$`), handle: (session, request) => createForm(session, request) },
    { method: 'POST', path: new RegExp(`^${projectPath}/create$`), handle: create },
    { method: 'GET', path: new RegExp(`^/browse/${ISSUE_KEY}$`), handle: (session, request, match) => view(session, request, key(match)) },
    { method: 'POST', path: new RegExp(`^/browse/${ISSUE_KEY}/transitions$`), handle: (session, request, match) => transition(session, request, key(match)) },
    { method: 'GET', path: new RegExp(`^/browse/${ISSUE_KEY}/edit$`), handle: (session, request, match) => editForm(session, request, key(match)) },
    { method: 'POST', path: new RegExp(`^/browse/${ISSUE_KEY}/edit$`), handle: (session, request, match) => edit(session, request, key(match)) },
    {
      method: 'GET',
      path: new RegExp(`^/browse/${ISSUE_KEY}/fields/([a-z0-9-]+)$`),
      handle: (session, request, match) => fieldEditor(session, request, key(match), match[2] ?? ''),
    },
  ];
};
