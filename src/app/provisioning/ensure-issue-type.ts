import { SETUP_DESCRIPTIONS, SETUP_NAMES } from '../../domain/provisioning/setup-names';
import { sameName } from './find-by-name';
import type { NamedItem, ProvisioningGateway } from './provisioning-gateway';
import { done, jiraFailed, type StepResult } from './setup-steps';

/** The one issue type every security exception has; found by name, created at the standard level when absent. */
export async function ensureIssueType(jira: ProvisioningGateway): Promise<StepResult<NamedItem>> {
  const name = SETUP_NAMES.issueType;
  const types = await jira.listIssueTypes();
  if (!types.ok) return jiraFailed('list the issue types', types.error);
  const existing = types.value.find((type) => sameName(type.name, name));
  if (existing !== undefined) return done('already-present', `Found the issue type "${existing.name}" (id ${existing.id}).`, existing);
  const created = await jira.createIssueType({ name, description: SETUP_DESCRIPTIONS.issueType, hierarchyLevel: 0 });
  if (!created.ok) return jiraFailed(`create the issue type "${name}"`, created.error);
  return done('created', `Created the issue type "${created.value.name}" (id ${created.value.id}).`, created.value);
}
