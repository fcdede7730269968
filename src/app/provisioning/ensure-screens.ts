import { missingFields, planScreens, type PlannedScreen, type ScreenKind } from '../../domain/provisioning/screen-plan';
import { findByName } from './find-by-name';
import type { ProvisioningGateway } from './provisioning-gateway';
import { combinedOutcome, done, jiraFailed, type ChangeOutcome, type StepResult } from './setup-steps';

/**
 * The create, edit and view screens carry the app's fields. A screen that exists is completed with the
 * fields it lacks (an admin may have removed one, or an earlier run may have stopped half-way), wherever on
 * its tabs the other fields sit; fields an admin added are left alone.
 */

export type FieldModuleKeys = { readonly editable: readonly string[]; readonly readOnly: readonly string[] };
export type ScreenIds = Readonly<Record<ScreenKind, number>>;

const DEFAULT_TAB = 'Field Tab';

type ScreenDone = { readonly outcome: ChangeOutcome; readonly id: number; readonly added: readonly string[] };

async function ensureScreen(
  jira: ProvisioningGateway,
  screen: PlannedScreen,
): Promise<{ readonly ok: true; readonly value: ScreenDone } | { readonly ok: false; readonly detail: string }> {
  const existing = await findByName(screen.name, (page) => jira.listScreens(screen.name, page));
  if (!existing.ok) return jiraFailed(`look for the screen "${screen.name}"`, existing.error);
  let found = existing.value;
  if (found === undefined) {
    const created = await jira.createScreen({ name: screen.name, description: screen.description });
    if (!created.ok) return jiraFailed(`create the screen "${screen.name}"`, created.error);
    found = created.value;
  }
  const listed = await jira.listScreenTabs(found.id);
  if (!listed.ok) return jiraFailed(`list the tabs of the screen "${screen.name}"`, listed.error);
  let tabs = listed.value;
  if (tabs.length === 0) {
    const tab = await jira.addScreenTab(found.id, DEFAULT_TAB);
    if (!tab.ok) return jiraFailed(`add a tab to the screen "${screen.name}"`, tab.error);
    tabs = [tab.value];
  }
  const present: string[] = [];
  for (const tab of tabs) {
    const fields = await jira.listScreenTabFields(found.id, tab.id);
    if (!fields.ok) return jiraFailed(`list the fields of the screen "${screen.name}"`, fields.error);
    present.push(...fields.value.map((field) => field.id));
  }
  const toAdd = missingFields(screen.fieldIds, present);
  for (const fieldId of toAdd) {
    const added = await jira.addScreenTabField(found.id, tabs[0]?.id ?? '', fieldId);
    if (!added.ok) return jiraFailed(`add the field ${fieldId} to the screen "${screen.name}"`, added.error);
  }
  const outcome: ChangeOutcome = existing.value === undefined ? 'created' : toAdd.length > 0 ? 'updated' : 'already-present';
  return { ok: true, value: { outcome, id: Number(found.id), added: toAdd } };
}

const told = (screen: PlannedScreen, result: ScreenDone): string => {
  if (result.outcome === 'created') return `Created "${screen.name}" with ${screen.fieldIds.length} fields.`;
  if (result.outcome === 'updated') return `Added ${result.added.join(', ')} to "${screen.name}".`;
  return `"${screen.name}" already has its fields.`;
};

export async function ensureScreens(jira: ProvisioningGateway, fieldModuleKeys: FieldModuleKeys): Promise<StepResult<ScreenIds>> {
  const keys = [...fieldModuleKeys.editable, ...fieldModuleKeys.readOnly];
  const resolved = await jira.resolveFieldIds(Object.fromEntries(keys.map((key) => [key, key])));
  if (!resolved.ok) return jiraFailed('find the app’s custom fields', resolved.error);
  const idsOf = (moduleKeys: readonly string[]): string[] => moduleKeys.flatMap((key) => resolved.value[key] ?? []);
  const screens = planScreens({ editable: idsOf(fieldModuleKeys.editable), readOnly: idsOf(fieldModuleKeys.readOnly) });

  const ids: Partial<Record<ScreenKind, number>> = {};
  const outcomes: ChangeOutcome[] = [];
  const sentences: string[] = [];
  for (const screen of screens) {
    const result = await ensureScreen(jira, screen);
    if (!result.ok) return result;
    ids[screen.kind] = result.value.id;
    outcomes.push(result.value.outcome);
    sentences.push(told(screen, result.value));
  }
  return done(combinedOutcome(outcomes), sentences.join(' '), ids as ScreenIds);
}
