import type { SentNotification } from '../jira/jira-model';
import { displayField } from './field-display';
import { html, type Html } from './html';
import type { IssueViewModel } from './issue-view-model';

/**
 * Jira's issue view for a Security Exception: its workflow buttons (a validator's refusal shows above the page), the
 * request itself with an edit link per field, the app's issue panel, the comments, and what Jira e-mailed about it.
 */

export type IssuePageInput = {
  readonly issue: IssueViewModel;
  readonly transitions: readonly { readonly id: string; readonly name: string }[];
  /** Fields whose edit opens the app's field editor; the others are on the edit screen. */
  readonly appEditedFields: ReadonlySet<string>;
  readonly canEdit: boolean;
  readonly panel: Html;
  readonly notifications: readonly SentNotification[];
  readonly nameOf: (accountId: string) => string;
};

export const statusLozenge = (status: { readonly name: string; readonly category: string }): Html =>
  html`<span class="lozenge ${status.category}" data-testid="issue-status">${status.name}</span>`;

/** One form for all transitions, so a comment (a rejection's reason, say) goes with whichever is taken. */
const transitionForm = (key: string, transitions: IssuePageInput['transitions']): Html =>
  transitions.length === 0
    ? html`<span class="muted">No workflow transitions for you here.</span>`
    : html`<form method="post" action="/browse/${key}/transitions" class="transition-form" aria-label="Transitions">
        <div class="row">${transitions.map((transition) => html`<button type="submit" name="transitionId" value="${transition.id}">${transition.name}</button>`)}</div>
        <label class="muted">Comment for the transition <input name="comment" placeholder="Reason, e.g. why it is rejected" /></label>
      </form>`;

/** "Exception risk inputs" reads as "Risk inputs" under the "Security exception" heading. */
const shortName = (name: string): string => {
  const short = name.replace(/^Exception /, '');
  return `${short.charAt(0).toUpperCase()}${short.slice(1)}`;
};

const fieldRows = (input: IssuePageInput): Html => {
  const { issue } = input;
  return html`${issue.fields.map((field) => {
    const editLink = !input.canEdit
      ? ''
      : input.appEditedFields.has(field.moduleKey)
        ? html` <a href="/browse/${issue.key}/fields/${field.moduleKey}" aria-label="Edit ${field.name}">Edit</a>`
        : '';
    return html`<dt>${shortName(field.name)}</dt><dd data-field="${field.moduleKey}">${displayField(field.moduleKey, field.value, input.nameOf)}${editLink}</dd>`;
  })}`;
};

const notificationList = (notifications: readonly SentNotification[], nameOf: (accountId: string) => string): Html =>
  notifications.length === 0
    ? html`<p class="muted">Jira has sent no notification about this issue.</p>`
    : html`<table class="list" data-testid="issue-notifications">
        <thead><tr><th>Sent</th><th>To</th><th>Subject</th></tr></thead>
        <tbody>${notifications.map(
          (notification) =>
            html`<tr><td>${notification.sentAt.toISOString().slice(0, 10)}</td><td>${notification.recipientAccountIds.map(nameOf).join(', ')}</td><td>${notification.subject}</td></tr>`,
        )}</tbody>
      </table>`;

export const issuePage = (input: IssuePageInput): Html => {
  const { issue } = input;
  return html`
  <div class="breadcrumbs"><a href="/projects/${issue.project.key}/register">${issue.project.name}</a> / ${issue.key}</div>
  <h1>${issue.summary}</h1>
  <div class="issue-actions" aria-label="Workflow">
    ${statusLozenge(issue.status)}
    ${transitionForm(issue.key, input.transitions)}
    ${input.canEdit ? html`<a class="button" href="/browse/${issue.key}/edit">Edit details</a>` : ''}
  </div>
  <div class="issue">
    <div>
      <section class="panel">
        <h2>Description</h2>
        <p>${issue.justification ?? html`<span class="muted">No justification yet.</span>`}</p>
        <h2>Business impact</h2>
        <p>${issue.businessImpact ?? html`<span class="muted">Not stated.</span>`}</p>
      </section>
      <section class="panel">
        <h2>Security exception</h2>
        <dl class="fields">${fieldRows(input)}</dl>
      </section>
      <section class="panel">
        <h2>Security Exception Register</h2>
        ${input.panel}
      </section>
      <section class="panel">
        <h2>Comments</h2>
        ${issue.comments.length === 0
          ? html`<p class="muted">No comments.</p>`
          : issue.comments.map((comment) => html`<div class="comment"><strong>${comment.author}</strong> <span class="muted">${comment.created.slice(0, 10)}</span><p>${comment.text}</p></div>`)}
      </section>
      <section class="panel">
        <h2>Notifications sent</h2>
        ${notificationList(input.notifications, input.nameOf)}
      </section>
    </div>
    <aside>
      <section class="panel">
        <h2>Details</h2>
        <dl class="fields">
          <dt>Type</dt><dd>${issue.type.name}</dd>
          <dt>Status</dt><dd>${statusLozenge(issue.status)}</dd>
          <dt>Reporter</dt><dd>${issue.reporter}</dd>
          <dt>Created</dt><dd>${issue.created.slice(0, 10)}</dd>
          <dt>Updated</dt><dd>${issue.updated.slice(0, 10)}</dd>
        </dl>
      </section>
    </aside>
  </div>`;
};
