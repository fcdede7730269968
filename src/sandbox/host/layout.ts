import type { Person } from '../seed/cast';
import type { ColorMode } from '../server/frames';
import { html, type Html } from './html';

/**
 * Jira's chrome around every host page: the top bar with the sandbox's own controls (the site clock and the days it
 * can skip, the colour mode, who is signed in) and the project sidebar.
 */

export type Section = 'register' | 'create' | 'issue' | 'notifications' | 'admin' | 'workflow-rules';

export type Chrome = {
  readonly user: Person;
  readonly people: readonly Person[];
  readonly colorMode: ColorMode;
  readonly now: Date;
  readonly projectKey: string;
  readonly projectName: string;
  /** Where the sandbox controls return to after acting. */
  readonly currentPath: string;
};

export const CLOCK_STEPS = [1, 7, 30] as const;

const current = (section: Section, active: Section): string | undefined => (section === active ? 'page' : undefined);

const link = (href: string, label: string, section: Section, active: Section): Html =>
  html`<a href="${href}" ${current(section, active) === undefined ? '' : html`aria-current="page"`}>${label}</a>`;

const userSwitcher = (chrome: Chrome): Html => html`
  <form method="post" action="/sandbox/user" data-testid="user-switcher">
    <input type="hidden" name="back" value="${chrome.currentPath}" />
    <label class="muted" for="sandbox-user">Signed in as</label>
    <select id="sandbox-user" name="accountId" onchange="this.form.requestSubmit()">
      ${chrome.people.map(
        (person) =>
          html`<option value="${person.accountId}" ${person.accountId === chrome.user.accountId ? html`selected` : ''}>${person.displayName}, ${person.title}</option>`,
      )}
    </select>
    <noscript><button type="submit">Switch</button></noscript>
  </form>`;

const clockControl = (chrome: Chrome): Html => html`
  <form method="post" action="/sandbox/clock" data-testid="clock">
    <input type="hidden" name="back" value="${chrome.currentPath}" />
    <span class="clock" title="The site's clock; scheduled jobs run for every day it skips">${chrome.now.toISOString().slice(0, 10)}</span>
    ${CLOCK_STEPS.map((days) => html`<button type="submit" name="days" value="${days}" title="Advance ${days} day(s) and run the scheduled jobs">+${days}d</button>`)}
  </form>`;

const themeToggle = (chrome: Chrome): Html => html`
  <form method="post" action="/sandbox/theme">
    <input type="hidden" name="back" value="${chrome.currentPath}" />
    <button type="submit" name="colorMode" value="${chrome.colorMode === 'dark' ? 'light' : 'dark'}" data-testid="theme-toggle">
      ${chrome.colorMode === 'dark' ? 'Light mode' : 'Dark mode'}
    </button>
  </form>`;

export type Flash = { readonly kind: 'error' | 'success'; readonly message: string };

/** A page of the host; `flash` is what the last action did (a clock step) or what Jira refused (a transition). */
export const hostPage = (
  chrome: Chrome,
  options: { readonly title: string; readonly section: Section; readonly main: Html; readonly flash: Flash | undefined },
): Html => {
  const { section } = options;
  const project = `/projects/${chrome.projectKey}`;
  return html`<!doctype html>
<html lang="en" data-theme="${chrome.colorMode}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title} - Jira sandbox</title>
    <link rel="stylesheet" href="/sandbox/host.css" />
    <script type="module" src="/sandbox/host-page.js"></script>
  </head>
  <body>
    <header class="top-bar">
      <a class="logo" href="${project}/register"><span class="logo-mark"></span>Jira <span class="sandbox-tag">sandbox</span></a>
      <nav aria-label="Product">
        ${link(`${project}/register`, 'Projects', 'register', section)}
        ${link('/admin', 'Apps', 'admin', section)}
      </nav>
      <span class="spacer"></span>
      <div class="controls">${clockControl(chrome)} ${themeToggle(chrome)} ${userSwitcher(chrome)}</div>
    </header>
    <div class="layout">
      <aside class="sidebar" aria-label="Project">
        <div class="project">
          <span class="project-avatar"></span>
          <div>${chrome.projectName}<small>Company-managed project</small></div>
        </div>
        ${link(`${project}/register`, 'Exception register', 'register', section)}
        ${link(`${project}/create`, 'Create exception', 'create', section)}
        ${link('/notifications', 'Notifications sent', 'notifications', section)}
        <h3>Apps</h3>
        ${link('/admin', 'Security Exception Register admin', 'admin', section)}
        ${link('/admin/workflow-rules', 'Workflow rules', 'workflow-rules', section)}
      </aside>
      <main>${banner(options.flash?.kind ?? 'success', options.flash?.message)}${options.main}</main>
    </div>
  </body>
</html>`;
};

export const banner = (kind: 'error' | 'success', message: string | undefined): Html =>
  message === undefined ? html`` : html`<div class="banner ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${message}</div>`;
