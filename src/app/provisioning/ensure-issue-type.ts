import { SETUP_DESCRIPTIONS, SETUP_NAMES } from '../../domain/provisioning/setup-names';
import { sameName } from './find-by-name';
import { chooseHomeIssueType, type RegisterIssueTypes } from './home-issue-type';
import type { ProvisioningGateway } from './provisioning-gateway';
import { done, jiraFailed, type StepResult } from './setup-steps';

/**
 * The one issue type every security exception has; found by name, created at the standard level when absent.
 * The same list names the site's type for the register's home issue, which the schemes then offer beside it.
 */
export async function ensureIssueType(jira: ProvisioningGateway): Promise<StepResult<RegisterIssueTypes>> {
  const name = SETUP_NAMES.issueType;
  const types = await jira.listIssueTypes();
  if (!types.ok) return jiraFailed('list the issue types', types.error);
  const home = chooseHomeIssueType(types.value);
  const existing = types.value.find((type) => sameName(type.name, name));
  if (existing !== undefined) {
    return done('already-present', `Found the issue type "${existing.name}" (id ${existing.id}).`, { exception: existing, home });
  }
  const created = await jira.createIssueType({ name, description: SETUP_DESCRIPTIONS.issueType, hierarchyLevel: 0 });
  if (!created.ok) return jiraFailed(`create the issue type "${name}"`, created.error);
  return done('created', `Created the issue type "${created.value.name}" (id ${created.value.id}).`, { exception: created.value, home });
}
