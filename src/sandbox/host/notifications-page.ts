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
