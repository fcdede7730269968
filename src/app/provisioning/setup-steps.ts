import type { GatewayFailure } from './provisioning-gateway';

/**
 * The steps of project set-up, in the order they run, and how each one reports. A step either brings its
 * piece of configuration into place (saying whether it created, completed or merely found it) or fails with
 * what the admin should do; set-up stops at the first failure and reports the remaining steps as skipped.
 */

export const SETUP_STEPS = [
  { step: 'project', name: 'Company-managed project without conflicting issues' },
  { step: 'issue-type', name: 'Security Exception issue type' },
  { step: 'statuses', name: 'Lifecycle statuses' },
  { step: 'workflow', name: 'Workflow with the app’s validators' },
  { step: 'screens', name: 'Create, edit and view screens with the app’s fields' },
  { step: 'screen-scheme', name: 'Screen scheme' },
  { step: 'issue-type-screen-scheme', name: 'Issue type screen scheme assigned to the project' },
  { step: 'workflow-scheme', name: 'Workflow scheme assigned to the project' },
  { step: 'issue-type-scheme', name: 'Issue type scheme assigned to the project' },
  { step: 'register-home', name: 'Register home issue, which monthly reports are e-mailed about' },
] as const;
export type SetupStepId = (typeof SETUP_STEPS)[number]['step'];

export type ChangeOutcome = 'created' | 'already-present' | 'updated';
export type StepOutcome = ChangeOutcome | 'failed' | 'skipped';

export type StepReport = { readonly step: SetupStepId; readonly name: string; readonly outcome: StepOutcome; readonly detail: string };

export type StepResult<T> =
  | { readonly ok: true; readonly outcome: ChangeOutcome; readonly detail: string; readonly value: T }
  | { readonly ok: false; readonly detail: string };

export const done = <T>(outcome: ChangeOutcome, detail: string, value: T): StepResult<T> => ({ ok: true, outcome, detail, value });
export const failed = (detail: string): { readonly ok: false; readonly detail: string } => ({ ok: false, detail });

/** A Jira call that did not succeed, told as what set-up was doing, the gateway's explanation and any advice. */
export const jiraFailed = (doing: string, failure: GatewayFailure, advice?: string): { readonly ok: false; readonly detail: string } =>
  failed([`Could not ${doing}.`, failure.message, ...(advice === undefined ? [] : [advice])].join(' '));

/** A step that touched several items reports the strongest change among them. */
export const combinedOutcome = (outcomes: readonly ChangeOutcome[]): ChangeOutcome => {
  if (outcomes.includes('created')) return 'created';
  return outcomes.includes('updated') ? 'updated' : 'already-present';
};

export const quoted = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(', ');
