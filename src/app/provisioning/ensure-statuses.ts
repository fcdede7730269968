import type { Status } from '../../domain/exception/security-exception';
import { plannedStatuses, type PlannedStatus, type StatusCategory } from '../../domain/provisioning/status-categories';
import { sameName } from './find-by-name';
import type { JiraStatus, ProvisioningGateway } from './provisioning-gateway';
import { done, failed, jiraFailed, quoted, type StepResult } from './setup-steps';

/**
 * Jira's status names are shared by every workflow of the site, so a lifecycle status that already exists
 * (an "Active" another team uses) is reused rather than duplicated; a category that differs from the one
 * set-up would give is reported, not changed, as other workflows depend on it.
 */

export type StatusIds = Readonly<Record<Status, string>>;

const CATEGORY_NAMES: Readonly<Record<StatusCategory, string>> = { TODO: 'To do', IN_PROGRESS: 'In progress', DONE: 'Done' };

const matching = (statuses: readonly JiraStatus[], planned: PlannedStatus): JiraStatus | undefined =>
  statuses.find((status) => sameName(status.name, planned.name));

const categoryNotes = (planned: readonly PlannedStatus[], existing: readonly JiraStatus[]): string[] =>
  planned.flatMap((status) => {
    const found = matching(existing, status);
    return found?.statusCategory === undefined || found.statusCategory === status.category
      ? []
      : [`"${found.name}" keeps its category ${CATEGORY_NAMES[found.statusCategory]} (set-up would use ${CATEGORY_NAMES[status.category]})`];
  });

export async function ensureStatuses(jira: ProvisioningGateway): Promise<StepResult<StatusIds>> {
  const planned = plannedStatuses();
  const existing = await jira.findStatusesByName(planned.map((status) => status.name));
  if (!existing.ok) return jiraFailed('look up the lifecycle statuses', existing.error);
  const missing = planned.filter((status) => matching(existing.value, status) === undefined);
  let createdStatuses: readonly JiraStatus[] = [];
  if (missing.length > 0) {
    const created = await jira.createStatuses(
      { type: 'GLOBAL' },
      missing.map((status) => ({ name: status.name, statusCategory: status.category })),
    );
    if (!created.ok) return jiraFailed(`create the statuses ${quoted(missing.map((status) => status.name))}`, created.error);
    createdStatuses = created.value;
  }
  const all = [...existing.value, ...createdStatuses];
  const ids: Partial<Record<Status, string>> = {};
  for (const status of planned) {
    const found = matching(all, status);
    if (found === undefined) return failed(`Jira did not return the status "${status.name}" after creating it; run set-up again.`);
    ids[status.status] = found.id;
  }
  const notes = categoryNotes(planned, existing.value);
  const reused = planned.length - missing.length;
  const found =
    missing.length === 0
      ? `Found all ${planned.length} statuses.`
      : `Created ${quoted(missing.map((status) => status.name))}${reused > 0 ? `; reused the ${reused} that already existed` : ''}.`;
  const detail = notes.length === 0 ? found : `${found} ${notes.join('; ')}.`;
  return done(missing.length > 0 ? 'created' : 'already-present', detail, ids as StatusIds);
}
