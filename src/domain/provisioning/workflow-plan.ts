import type { Status } from '../exception/security-exception';
import { LIFECYCLE_ACTIONS, type LifecycleAction } from '../lifecycle/lifecycle-types';
import { TRANSITIONS, type TransitionRule } from '../lifecycle/transition-table';
import type { ApprovalLevel } from '../policy/policy-config';
import { ok, refuse, type Result } from '../shared/result';
import { checkedExtensionAri } from './extension-ari';
import { SETUP_DESCRIPTIONS, SETUP_NAMES } from './setup-names';
import { plannedStatuses, type PlannedStatus } from './status-categories';

/**
 * The Jira workflow of a security exception, derived from the lifecycle's transition table so that Jira and
 * the domain can never disagree about which status change exists: one transition per action people take
 * (approval as one self-transition per approval level), and the actions only the register takes as
 * transitions hidden from people. The app's validators sit on the transitions whose rules they enforce.
 */

export type ValidatorRole = 'intake' | 'peerReview' | 'approval' | 'activation';
export const VALIDATOR_ROLES: readonly ValidatorRole[] = ['intake', 'peerReview', 'approval', 'activation'];
export type ValidatorModuleKeys = Readonly<Record<ValidatorRole, string>>;

/** What one validator instance checks, in the shape the app's validator function parses its configuration. */
export type ValidatorCheck =
  | { readonly check: 'submit' }
  | { readonly check: 'review' }
  | { readonly check: 'approval'; readonly levelId: string }
  | { readonly check: 'activation' }
  | { readonly check: 'rejection' }
  | { readonly check: 'withdrawal' }
  | { readonly check: 'revocation' }
  | { readonly check: 'remediation' };

/**
 * What the app's post function records after a transition, as its configuration: the lifecycle action the
 * transition stands for and, for an approval, the level. Jira hands it back with every invocation.
 */
export type RecorderConfig = { readonly action: LifecycleAction; readonly levelId?: string };

/** A workflow rule as Jira's workflows API takes it. */
export type PlannedRule = { readonly ruleKey: string; readonly parameters: Readonly<Record<string, string>> };

export type PlannedTransition = {
  readonly id: string;
  readonly name: string;
  readonly type: 'INITIAL' | 'DIRECTED';
  /** Empty for the initial transition. */
  readonly from: readonly Status[];
  readonly to: Status;
  readonly takenBy: 'people' | 'app';
  readonly validators: readonly PlannedRule[];
  readonly conditions: readonly PlannedRule[];
  /** The app's post function recording the decision, on every transition people take (when the plan has a recorder). */
  readonly postFunctions: readonly PlannedRule[];
  readonly properties: Readonly<Record<string, string>>;
};

export type PlannedValidator = { readonly role: ValidatorRole; readonly moduleKey: string; readonly ari: string };

export type WorkflowPlan = {
  readonly name: string;
  readonly description: string;
  readonly statuses: readonly PlannedStatus[];
  readonly transitions: readonly PlannedTransition[];
  /** The app's validators the workflow references, to check Jira offers them before creating it. */
  readonly validators: readonly PlannedValidator[];
  /** The app's post function the workflow references, to check Jira offers it too. */
  readonly recorder?: { readonly moduleKey: string; readonly ari: string };
};

export type WorkflowPlanInput = {
  readonly app: { readonly appId: string; readonly environmentId: string };
  readonly validatorModuleKeys: ValidatorModuleKeys;
  /** The policy's approval levels, in approval order. */
  readonly approvalLevels: readonly Pick<ApprovalLevel, 'id' | 'name'>[];
  /** The manifest's `jira:workflowPostFunction` that records approvals and decisions in the register. */
  readonly recorderModuleKey?: string;
};

export type WorkflowPlanErrorCode = 'SETUP.INVALID_EXTENSION_REFERENCE' | 'SETUP.INVALID_APPROVAL_LEVELS';

export const FORGE_VALIDATOR_RULE_KEY = 'forge:expression-validator';
export const FORGE_POST_FUNCTION_RULE_KEY = 'forge:workflow-post-function';
/** Hides a transition from every person while the REST API, which is how the app transitions, may still take it. */
export const APP_ONLY_CONDITION: PlannedRule = { ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } };

/** Transition properties through which the app maps a Jira transition back to its lifecycle action. */
export const TRANSITION_PROPERTY = {
  action: 'security-exception-register.action',
  level: 'security-exception-register.level',
  takenBy: 'security-exception-register.taken-by',
} as const;

export const INITIAL_TRANSITION_NAME = 'Create';
export const APPROVE_PREFIX = 'Approve as ';

/** The name of each action's transition; the register finds its own transitions (Void approvals, Re-rate) by these. */
export const TRANSITION_NAMES: { readonly [A in Exclude<LifecycleAction, 'approve'>]: string } = {
  submit: 'Submit',
  'start-review': 'Start review',
  'complete-review': 'Complete review',
  activate: 'Activate',
  reject: 'Reject',
  withdraw: 'Withdraw',
  revoke: 'Revoke',
  remediate: 'Mark remediated',
  expire: 'Expire',
  supersede: 'Supersede',
  're-rate': 'Re-rate',
  void: 'Void approvals',
};

/**
 * Actions open to people that the register also takes with a meaning of its own get a second, app-only
 * transition so the issue history tells the two apart: the register rejects only stalled requests.
 * Activation by the register is the same act as by the last approver and shares their transition.
 */
const APP_VARIANT_NAMES: Partial<Record<LifecycleAction, string>> = { reject: 'Time out' };

/** The checks each validated action runs; approval is configured per level, below. */
const VALIDATED_ACTIONS: Partial<Record<LifecycleAction, { readonly role: ValidatorRole; readonly check: ValidatorCheck }>> = {
  submit: { role: 'intake', check: { check: 'submit' } },
  'start-review': { role: 'peerReview', check: { check: 'review' } },
  'complete-review': { role: 'peerReview', check: { check: 'review' } },
  activate: { role: 'activation', check: { check: 'activation' } },
  // Approvers' rejections are guarded with their approvals; the requester's own withdrawal with the intake.
  reject: { role: 'approval', check: { check: 'rejection' } },
  withdraw: { role: 'intake', check: { check: 'withdrawal' } },
  // Revoking ends what the approvers granted, a security lead's decision like theirs; remediation closes the
  // requester's own exception, with their other decisions.
  revoke: { role: 'approval', check: { check: 'revocation' } },
  remediate: { role: 'intake', check: { check: 'remediation' } },
};

const peopleTake = (rule: TransitionRule): boolean => rule.performedBy.some((role) => role !== 'system');
const registerTakes = (rule: TransitionRule): boolean => rule.performedBy.includes('system');

type TransitionDraft = Omit<PlannedTransition, 'id' | 'type' | 'postFunctions'>;

const validatorRule = (ari: string, check: ValidatorCheck): PlannedRule => ({
  ruleKey: FORGE_VALIDATOR_RULE_KEY,
  parameters: { key: ari, config: JSON.stringify(check) },
});

/** People's transitions get the recorder, configured with what they decide; the register records its own steps itself. */
const recorderRules = (draft: TransitionDraft, recorderAri: string | undefined): PlannedRule[] => {
  const action = draft.properties[TRANSITION_PROPERTY.action] as LifecycleAction | undefined;
  if (recorderAri === undefined || draft.takenBy !== 'people' || action === undefined) return [];
  const level = draft.properties[TRANSITION_PROPERTY.level];
  const config: RecorderConfig = level === undefined ? { action } : { action, levelId: level };
  return [{ ruleKey: FORGE_POST_FUNCTION_RULE_KEY, parameters: { key: recorderAri, config: JSON.stringify(config) } }];
};

const draftsFor = (
  rule: TransitionRule,
  aris: Readonly<Record<ValidatorRole, string>>,
  levels: WorkflowPlanInput['approvalLevels'],
): TransitionDraft[] => {
  const base = { from: rule.from, to: rule.to, conditions: [] };
  const action = rule.action;
  if (action === 'approve') {
    return levels.map((level) => ({
      ...base,
      name: `${APPROVE_PREFIX}${level.name}`,
      takenBy: 'people',
      validators: [validatorRule(aris.approval, { check: 'approval', levelId: level.id })],
      properties: { [TRANSITION_PROPERTY.action]: action, [TRANSITION_PROPERTY.level]: level.id, [TRANSITION_PROPERTY.takenBy]: 'people' },
    }));
  }
  const drafts: TransitionDraft[] = [];
  const validated = VALIDATED_ACTIONS[action];
  if (peopleTake(rule)) {
    drafts.push({
      ...base,
      name: TRANSITION_NAMES[action],
      takenBy: 'people',
      validators: validated === undefined ? [] : [validatorRule(aris[validated.role], validated.check)],
      properties: { [TRANSITION_PROPERTY.action]: action, [TRANSITION_PROPERTY.takenBy]: 'people' },
    });
  }
  const appVariant = APP_VARIANT_NAMES[action];
  if (registerTakes(rule) && (!peopleTake(rule) || appVariant !== undefined)) {
    drafts.push({
      ...base,
      name: appVariant ?? TRANSITION_NAMES[action],
      takenBy: 'app',
      validators: [],
      conditions: [APP_ONLY_CONDITION],
      properties: { [TRANSITION_PROPERTY.action]: action, [TRANSITION_PROPERTY.takenBy]: 'app' },
    });
  }
  return drafts;
};

const levelProblems = (levels: WorkflowPlanInput['approvalLevels']): string[] => {
  if (levels.length === 0) return ['the policy has no approval level, so nothing could ever be approved'];
  const repeated = (values: readonly string[]): string[] => [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
  return [
    ...repeated(levels.map((level) => level.id)).map((id) => `the level id "${id}" is used twice`),
    ...repeated(levels.map((level) => level.name.trim().toLowerCase())).map((name) => `two levels are named "${name}", which would give two identical "${APPROVE_PREFIX}…" transitions`),
  ];
};

/** Jira's convention: the initial transition is 1, the others 11, 21, 31, ... */
const transitionId = (index: number): string => (index === 0 ? '1' : String(index * 10 + 1));

export const planExceptionWorkflow = (input: WorkflowPlanInput): Result<WorkflowPlan, WorkflowPlanErrorCode> => {
  const problems = levelProblems(input.approvalLevels);
  if (problems.length > 0) {
    return refuse(
      'SETUP.INVALID_APPROVAL_LEVELS',
      `The workflow gets one "${APPROVE_PREFIX}<level>" transition per approval level of the policy, but ${problems.join('; ')}. ` +
        'Correct the approval levels in the policy configuration, then run set-up again.',
    );
  }
  const validators: PlannedValidator[] = [];
  for (const role of VALIDATOR_ROLES) {
    const moduleKey = input.validatorModuleKeys[role];
    const ari = checkedExtensionAri({ ...input.app, moduleKey });
    if (!ari.ok) return ari;
    validators.push({ role, moduleKey, ari: ari.value });
  }
  const aris = Object.fromEntries(validators.map((v) => [v.role, v.ari])) as Record<ValidatorRole, string>;
  let recorder: WorkflowPlan['recorder'];
  if (input.recorderModuleKey !== undefined) {
    const ari = checkedExtensionAri({ ...input.app, moduleKey: input.recorderModuleKey });
    if (!ari.ok) return ari;
    recorder = { moduleKey: input.recorderModuleKey, ari: ari.value };
  }
  const initial: TransitionDraft = {
    name: INITIAL_TRANSITION_NAME,
    from: [],
    to: 'draft',
    takenBy: 'people',
    validators: [],
    conditions: [],
    properties: {},
  };
  const directed = LIFECYCLE_ACTIONS.flatMap((action) => draftsFor({ action, ...TRANSITIONS[action] }, aris, input.approvalLevels));
  return ok({
    name: SETUP_NAMES.workflow,
    description: SETUP_DESCRIPTIONS.workflow,
    statuses: plannedStatuses(),
    transitions: [initial, ...directed].map((draft, index) => ({
      ...draft,
      id: transitionId(index),
      type: index === 0 ? 'INITIAL' : 'DIRECTED',
      postFunctions: recorderRules(draft, recorder?.ari),
    })),
    validators,
    ...(recorder === undefined ? {} : { recorder }),
  });
};
