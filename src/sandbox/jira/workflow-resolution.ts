import type { JiraIssueType, JiraProject, JiraWorkflow, WorkflowTransition } from './jira-model';
import { DEFAULTS, findWorkflowByName, type JiraState } from './jira-state';

/**
 * Which configuration applies to an issue, resolved the way Jira does: company-managed projects through their
 * schemes (Jira's defaults when none is assigned), team-managed projects through their own issue types.
 */

const requireWorkflow = (state: JiraState, name: string): JiraWorkflow => {
  const workflow = findWorkflowByName(state, name);
  if (workflow === undefined) throw new Error(`workflow "${name}" referenced by a scheme does not exist`);
  return workflow;
};

export const workflowFor = (state: JiraState, project: JiraProject, issueTypeId: string): JiraWorkflow => {
  if (project.style === 'team-managed') {
    const workflowId = project.teamManagedWorkflows.get(issueTypeId);
    const workflow = workflowId === undefined ? undefined : state.workflows.get(workflowId);
    return workflow ?? requireWorkflow(state, DEFAULTS.workflowName);
  }
  const scheme = project.workflowSchemeId === undefined ? undefined : state.workflowSchemes.get(project.workflowSchemeId);
  return requireWorkflow(state, scheme?.issueTypeMappings[issueTypeId] ?? scheme?.defaultWorkflow ?? DEFAULTS.workflowName);
};

export const initialTransitionOf = (workflow: JiraWorkflow): WorkflowTransition => {
  const initial = workflow.transitions.find((transition) => transition.type === 'INITIAL');
  if (initial === undefined) throw new Error(`workflow "${workflow.name}" has no initial transition`);
  return initial;
};

/** Transitions offered from `statusId`: directed ones leaving it, and global ones leading elsewhere. */
export const transitionsFrom = (workflow: JiraWorkflow, statusId: string): WorkflowTransition[] =>
  workflow.transitions.filter(
    (transition) =>
      (transition.type === 'DIRECTED' && transition.fromStatusIds.includes(statusId)) ||
      (transition.type === 'GLOBAL' && transition.toStatusId !== statusId),
  );

export const issueTypesOf = (state: JiraState, project: JiraProject): JiraIssueType[] => {
  if (project.style === 'team-managed') return [...state.issueTypes.values()].filter((type) => type.projectId === project.id);
  const schemeId = project.issueTypeSchemeId ?? DEFAULTS.issueTypeSchemeId;
  const scheme = state.issueTypeSchemes.get(schemeId);
  if (scheme === undefined) throw new Error(`project ${project.key} uses unknown issue type scheme ${schemeId}`);
  return scheme.issueTypeIds.flatMap((id) => {
    const type = state.issueTypes.get(id);
    return type === undefined ? [] : [type];
  });
};

export type ScreenOperation = 'create' | 'edit' | 'view';

/**
 * Field ids a person may set in `operation`. Team-managed projects have no screens in the API: every field
 * the project's issue type uses is editable, which the stand-in models as every known field.
 */
export const fieldsOnScreen = (
  state: JiraState,
  project: JiraProject,
  issueTypeId: string,
  operation: ScreenOperation,
): ReadonlySet<string> => {
  if (project.style === 'team-managed') return new Set(state.fields.keys());
  const itssId = project.issueTypeScreenSchemeId ?? DEFAULTS.issueTypeScreenSchemeId;
  const itss = state.issueTypeScreenSchemes.get(itssId);
  const screenSchemeId = itss?.mappings.get(issueTypeId) ?? itss?.mappings.get('default');
  const screenScheme = screenSchemeId === undefined ? undefined : state.screenSchemes.get(Number(screenSchemeId));
  if (screenScheme === undefined) throw new Error(`project ${project.key} has no screen scheme for issue type ${issueTypeId}`);
  return fieldsOfScreen(state, screenScheme.screens[operation] ?? screenScheme.screens.default);
};

export const fieldsOfScreen = (state: JiraState, screenId: number): ReadonlySet<string> => {
  const screen = state.screens.get(screenId);
  if (screen === undefined) throw new Error(`screen ${screenId} does not exist`);
  return new Set(screen.tabs.flatMap((tab) => tab.fieldIds));
};
