import { SETUP_NAMES } from '../../domain/provisioning/setup-names';
import { sameName } from './find-by-name';
import { chooseHomeIssueType, JIRA_DEFAULTS, PREFERRED_HOME_ISSUE_TYPE } from './home-issue-type';
import type { AdfParagraphs, GatewayResult, IssueSummary, NamedItem, ProjectSummary, ProvisioningGateway } from './provisioning-gateway';
import { done, failed, jiraFailed, quoted, type StepResult } from './setup-steps';

/**
 * Jira e-mails only about an issue, so installation-wide notices (the monthly report) are sent about the
 * register's home issue. Set-up finds it by its label, so running set-up again never makes a second one, and
 * reads the site's address with it, which links in notices need.
 */

export const REGISTER_HOME_LABEL = 'exception-register-home';
export const REGISTER_HOME_SUMMARY = 'Security exception register';

export type RegisterHome = { readonly projectKey: string; readonly issueKey: string; readonly siteUrl: string };

/** Only the app labels an issue so; a page of them is more than a site ever holds. */
const LABELLED_PAGE = 50;

const DESCRIPTION: readonly string[] = [
  'This issue is the home of the Security Exception Register app on this site. Jira sends e-mails only about an issue, ' +
    'so the monthly security exception report is e-mailed to the review group about this one.',
  `Keep it, and keep its label "${REGISTER_HOME_LABEL}": the app's project set-up finds it by that label, and creates a new one ` +
    'when it finds none. Security exceptions are raised as issues of the Security Exception type, not here.',
];

const paragraphs = (texts: readonly string[]): AdfParagraphs => ({
  type: 'doc',
  version: 1,
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

async function findLabelled(jira: ProvisioningGateway, project: ProjectSummary): Promise<GatewayResult<IssueSummary | undefined>> {
  const jql = `project = ${project.id} AND labels = "${REGISTER_HOME_LABEL}" ORDER BY key ASC`;
  for await (const page of jira.searchIssues({ jql, fieldIds: {}, pageSize: LABELLED_PAGE })) {
    if (!page.ok) return page;
    return { ok: true, value: page.value.issues.find((issue) => !sameName(issue.issueType.name, SETUP_NAMES.issueType)) };
  }
  return { ok: true, value: undefined };
}

const noHomeType = (project: ProjectSummary, offered: readonly NamedItem[]): string =>
  `${project.key} offers no issue type for the register's home issue: it has ${offered.length === 0 ? 'none' : quoted(offered.map((type) => type.name))}, ` +
  `and the home issue is not a security exception, so it needs a standard type such as "${PREFERRED_HOME_ISSUE_TYPE}". Add ` +
  `"${PREFERRED_HOME_ISSUE_TYPE}" to the issue type scheme "${SETUP_NAMES.issueTypeScheme}" (Jira settings > Issues > Issue type schemes > Edit), ` +
  'then run set-up again. Until then monthly reports are stored but not e-mailed.';

const refusedLabel = (project: ProjectSummary, typeName: string): string =>
  `Jira sets the label only when the Labels field is on the create screen of "${typeName}" in ${project.key}. In the issue type screen ` +
  `scheme "${SETUP_NAMES.issueTypeScreenScheme}" (Jira settings > Issues > Issue type screen schemes > Configure), associate "${typeName}" ` +
  `with the "${JIRA_DEFAULTS.screenScheme}", then run set-up again.`;

const notAllowedToCreate = (project: ProjectSummary): string =>
  `Set-up acts as you, so you need the Create issues permission in ${project.key} (Project settings > Permissions); get it granted, then run set-up again.`;

async function createHome(jira: ProvisioningGateway, project: ProjectSummary): Promise<StepResult<{ readonly key: string; readonly typeName: string }>> {
  const offered = await jira.getProjectIssueTypes(project.id);
  if (!offered.ok) return jiraFailed(`read the issue types of ${project.key}`, offered.error);
  const type = chooseHomeIssueType(offered.value);
  if (type === undefined) return failed(noHomeType(project, offered.value));
  const created = await jira.createIssue({
    projectKey: project.key,
    issueTypeName: type.name,
    summary: REGISTER_HOME_SUMMARY,
    description: paragraphs(DESCRIPTION),
    fields: { labels: [REGISTER_HOME_LABEL] },
  });
  if (!created.ok) {
    const labelRefused = created.error.errors?.labels !== undefined;
    const advice = created.error.code === 'JIRA.FORBIDDEN' ? notAllowedToCreate(project) : labelRefused ? refusedLabel(project, type.name) : undefined;
    return jiraFailed(`create the register's home issue in ${project.key}`, created.error, advice);
  }
  return done(
    'created',
    `Created ${created.value.key} (${type.name}) "${REGISTER_HOME_SUMMARY}" as the register's home issue in ${project.key}: monthly reports are ` +
      `e-mailed about it, so keep it and its label "${REGISTER_HOME_LABEL}".`,
    { key: created.value.key, typeName: type.name },
  );
}

export async function ensureRegisterHome(jira: ProvisioningGateway, project: ProjectSummary): Promise<StepResult<RegisterHome>> {
  const site = await jira.getServerInfo();
  if (!site.ok) return jiraFailed("read the site's address (server info)", site.error);
  const home = (issueKey: string): RegisterHome => ({ projectKey: project.key, issueKey, siteUrl: site.value.baseUrl });

  const found = await findLabelled(jira, project);
  if (!found.ok) return jiraFailed(`look for the register's home issue in ${project.key}`, found.error);
  if (found.value !== undefined) {
    const { key, issueType } = found.value;
    return done('already-present', `Found ${key} (${issueType.name}), the register's home issue in ${project.key}, by its label "${REGISTER_HOME_LABEL}".`, home(key));
  }
  const created = await createHome(jira, project);
  return created.ok ? { ...created, value: home(created.value.key) } : created;
}
