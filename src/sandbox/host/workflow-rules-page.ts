import { html, type Html } from './html';

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
