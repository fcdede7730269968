import type { SentNotification } from '../jira/jira-model';
import { html, type Html } from './html';

/** The sandbox's outbox: every notification Jira sent for the app, newest first, so reminders can be seen. */
export const notificationsPage = (notifications: readonly SentNotification[], nameOf: (accountId: string) => string): Html => html`
  <h1>Notifications sent</h1>
  <p class="muted">What Jira e-mailed on the app's behalf (reminders, escalations, expiries, reports). Nothing leaves the sandbox.</p>
  ${notifications.length === 0
    ? html`<p class="muted">None yet. Advance the clock to let the scheduled jobs run.</p>`
    : html`<table class="list" data-testid="notifications">
        <thead><tr><th>Sent</th><th>Issue</th><th>To</th><th>Subject</th></tr></thead>
        <tbody>${[...notifications]
          .reverse()
          .map(
            (notification) => html`<tr>
              <td>${notification.sentAt.toISOString().slice(0, 10)}</td>
              <td><a href="/browse/${notification.issueKey}">${notification.issueKey}</a></td>
              <td>${notification.recipientAccountIds.map(nameOf).join(', ')}</td>
              <td>${notification.subject}</td>
            </tr>`,
          )}</tbody>
      </table>`}`;

export type WorkflowRuleRow = {
  readonly id: string;
  readonly transitionName: string;
  readonly moduleKey: string;
  readonly config: string | undefined;
};

/** Jira's workflow editor, reduced to the app's validators and their configuration page. */
export const workflowRulesPage = (rows: readonly WorkflowRuleRow[], editor: Html): Html => html`
  <h1>Workflow rules</h1>
  <p class="muted">The app's validators on the Security Exception workflow, as set-up created them. Open one to see its configuration page.</p>
  ${rows.length === 0
    ? html`<p class="muted">The project is not set up yet.</p>`
    : html`<table class="list">
        <thead><tr><th>Transition</th><th>Validator</th><th>Configuration</th></tr></thead>
        <tbody>${rows.map(
          (row) => html`<tr>
            <td>${row.transitionName}</td>
            <td><a href="/admin/workflow-rules?rule=${encodeURIComponent(row.id)}">${row.moduleKey}</a></td>
            <td><code>${row.config ?? ''}</code></td>
          </tr>`,
        )}</tbody>
      </table>`}
  ${editor}`;
