import { SETUP_NAMES } from '../../domain/provisioning/setup-names';
import type { GatewayResult, IssueSummary, ProjectSummary, ProvisioningGateway } from './provisioning-gateway';
import { done, failed, jiraFailed, type StepResult } from './setup-steps';

/**
 * Set-up can only finish on a company-managed project (scheme assignment is classic-only) whose workflow
 * scheme Jira will let it switch: through the API that is only possible while the project has no issues.
 * Both are checked before anything is created, so a project set-up cannot finish leaves the site untouched.
 */

const ISSUES_TO_NAME = 5;

const teamManaged = (project: ProjectSummary): string =>
  `${project.key} (${project.name}) is a team-managed project. Jira lets apps assign workflow, screen and issue type schemes ` +
  'only to company-managed projects, so set-up cannot prepare it and has changed nothing. Ask a Jira administrator to create a ' +
  'company-managed project for security exceptions (Projects > Create project, then choose "Company-managed"), and run set-up ' +
  'for that project. A team-managed project cannot be converted; its issues can be moved to the new project afterwards.';

const hasIssues = (project: ProjectSummary, issues: readonly IssueSummary[], schemeName: string): string => {
  const named = issues.slice(0, ISSUES_TO_NAME).map((issue) => `${issue.key} (${issue.issueType.name})`);
  const more = issues.length > ISSUES_TO_NAME ? ' and more' : '';
  return (
    `${project.key} already has issues, such as ${named.join(', ')}${more}, following the workflows of its current workflow ` +
    `scheme "${schemeName}". Jira switches a project to another workflow scheme through its API only while the project has no ` +
    'issues, so set-up has changed nothing. Run set-up for a new, empty company-managed project reserved for security ' +
    'exceptions, or first move these issues to another project (search for them, then Bulk change > Move) and run set-up again.'
  );
};

async function firstIssues(jira: ProvisioningGateway, projectId: string): Promise<GatewayResult<readonly IssueSummary[]>> {
  for await (const page of jira.searchIssues({ jql: `project = ${projectId} ORDER BY key ASC`, fieldIds: {}, pageSize: ISSUES_TO_NAME + 1 })) {
    return page.ok ? { ok: true, value: page.value.issues } : page;
  }
  return { ok: true, value: [] };
}

export async function checkProject(jira: ProvisioningGateway, projectKey: string): Promise<StepResult<ProjectSummary>> {
  const found = await jira.getProject(projectKey);
  if (!found.ok) {
    return found.error.code === 'JIRA.NOT_FOUND'
      ? failed(`Jira has no project with the key ${projectKey}, or the app may not see it. Check the key and that the app can browse the project, then run set-up again.`)
      : jiraFailed(`read the project ${projectKey}`, found.error);
  }
  const project = found.value;
  if (project.management === 'team-managed') return failed(teamManaged(project));

  const schemes = await jira.getWorkflowSchemesOfProjects([project.id]);
  if (!schemes.ok) return jiraFailed(`read the workflow scheme of ${project.key}`, schemes.error);
  const current = schemes.value.find((entry) => entry.projectIds.includes(project.id))?.scheme.name ?? 'Default Workflow Scheme';
  if (current === SETUP_NAMES.workflowScheme) {
    return done('already-present', `${project.key} (${project.name}) is company-managed and already uses the "${current}".`, project);
  }

  const issues = await firstIssues(jira, project.id);
  if (!issues.ok) return jiraFailed(`look for existing issues in ${project.key}`, issues.error);
  if (issues.value.length > 0) return failed(hasIssues(project, issues.value, current));
  return done('already-present', `${project.key} (${project.name}) is company-managed and has no issues yet, so its schemes can be assigned.`, project);
}
