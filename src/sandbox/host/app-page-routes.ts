import { SETUP_NAMES } from '../../domain/provisioning/setup-names';
import { findWorkflowByName } from '../jira/jira-state';
import { parseExtensionAri } from '../jira/workflow-validators';
import { adminPageExtension, projectPageExtension, workflowValidatorExtension } from '../server/frame-context';
import { appFrame } from './app-frame';
import { redirect, type HostKit, type HostRequest, type HostResponse, type Route, type Session } from './host-kit';
import { html } from './html';
import { notificationsPage } from './notifications-page';
import { workflowRulesPage, type WorkflowRuleRow } from './workflow-rules-page';

/**
 * The pages where Jira shows the app's own UI whole: the register (the project page, its view kept in the page URL),
 * the app's admin page, and the workflow editor's configuration page of the app's validators; and Jira's outbox.
 */
export const appPageRoutes = (kit: HostKit): Route[] => {
  const { jira, projectPath } = kit;
  const { ui } = kit.deps;

  const register = (session: Session, request: HostRequest): HostResponse => {
    const frame = kit.openFrame(session, 'register', {
      moduleKey: kit.moduleKeyOf('jira:projectPage'),
      extension: projectPageExtension(kit.project()),
      returnTo: `${projectPath}/register`,
      search: request.url.search,
    });
    return kit.page(session, request, {
      title: 'Exception register',
      section: 'register',
      main: appFrame(frame, ui.pageUrl('register', frame.id), 'Exception register', { followsUrl: true }),
    });
  };

  const admin = (session: Session, request: HostRequest): HostResponse => {
    const frame = kit.openFrame(session, 'admin', { moduleKey: kit.moduleKeyOf('jira:adminPage'), extension: adminPageExtension(), returnTo: '/admin' });
    return kit.page(session, request, {
      title: 'Security Exception Register',
      section: 'admin',
      main: appFrame(frame, ui.pageUrl('admin', frame.id), 'Security Exception Register administration'),
    });
  };

  /** The app's validators on the workflow set-up created, with the configuration each transition gives them. */
  const ruleRows = (): WorkflowRuleRow[] => {
    const workflow = findWorkflowByName(jira.state, SETUP_NAMES.workflow);
    return (workflow?.transitions ?? []).flatMap((transition) =>
      transition.validators.flatMap((rule, index) => {
        const moduleKey = parseExtensionAri(rule.parameters.key ?? '')?.moduleKey;
        return moduleKey === undefined ? [] : [{ id: `${transition.id}:${index}`, transitionName: transition.name, moduleKey, config: rule.parameters.config }];
      }),
    );
  };

  const workflowRules = (session: Session, request: HostRequest): HostResponse => {
    const rows = ruleRows();
    const chosen = rows.find((row) => row.id === request.url.searchParams.get('rule'));
    const frame =
      chosen === undefined
        ? undefined
        : kit.openFrame(session, 'rule-config', {
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
    return kit.page(session, request, { title: 'Workflow rules', section: 'workflow-rules', main: workflowRulesPage(rows, editor) });
  };

  return [
    { method: 'GET', path: /^\/$/, handle: () => redirect(`${projectPath}/register`) },
    { method: 'GET', path: new RegExp(`^${projectPath}/register$`), handle: register },
    { method: 'GET', path: /^\/admin$/, handle: admin },
    { method: 'GET', path: /^\/admin\/workflow-rules$/, handle: workflowRules },
    {
      method: 'GET',
      path: /^\/notifications$/,
      handle: (session, request) =>
        kit.page(session, request, { title: 'Notifications sent', section: 'notifications', main: notificationsPage(jira.notifications(), kit.nameOf) }),
    },
  ];
};
