import fc from 'fast-check';
import { STATUSES, type Status } from '../exception/security-exception';
import { LIFECYCLE_ACTIONS, type LifecycleAction } from '../lifecycle/lifecycle-types';
import { TRANSITIONS } from '../lifecycle/transition-table';
import { DEFAULT_POLICY } from '../policy/default-policy';
import {
  APP_ONLY_CONDITION,
  FORGE_POST_FUNCTION_RULE_KEY,
  FORGE_VALIDATOR_RULE_KEY,
  planExceptionWorkflow,
  TRANSITION_PROPERTY,
  type PlannedTransition,
  type WorkflowPlan,
  type WorkflowPlanInput,
} from './workflow-plan';

const INPUT: WorkflowPlanInput = {
  app: { appId: 'app-1', environmentId: 'env-1' },
  validatorModuleKeys: { intake: 'intake-validator', peerReview: 'review-validator', approval: 'approval-validator', activation: 'activation-validator' },
  approvalLevels: DEFAULT_POLICY.levels,
};

const planOf = (input: WorkflowPlanInput = INPUT): WorkflowPlan => {
  const plan = planExceptionWorkflow(input);
  if (!plan.ok) throw new Error(plan.error.message);
  return plan.value;
};

const named = (plan: WorkflowPlan, name: string): PlannedTransition => {
  const transition = plan.transitions.find((candidate) => candidate.name === name);
  if (transition === undefined) throw new Error(`no transition ${name}`);
  return transition;
};

const validatorsOf = (transition: PlannedTransition) =>
  transition.validators.map((rule) => ({ ruleKey: rule.ruleKey, key: rule.parameters.key, config: JSON.parse(rule.parameters.config ?? 'null') as unknown }));

const ari = (moduleKey: string) => `ari:cloud:ecosystem::extension/app-1/env-1/static/${moduleKey}`;

describe('planExceptionWorkflow', () => {
  it('starts every exception in Draft through a single initial transition', () => {
    const initial = planOf().transitions.filter((transition) => transition.type === 'INITIAL');
    expect(initial).toEqual([expect.objectContaining({ id: '1', name: 'Create', from: [], to: 'draft', validators: [] })]);
  });

  it.each(LIFECYCLE_ACTIONS.filter((action) => action !== 'approve'))('gives "%s" transitions with exactly the table’s statuses', (action) => {
    const transitions = planOf().transitions.filter((transition) => transition.properties[TRANSITION_PROPERTY.action] === action);
    expect(transitions.length).toBeGreaterThan(0);
    for (const transition of transitions) {
      expect(transition.from).toEqual(TRANSITIONS[action].from);
      expect(transition.to).toBe(TRANSITIONS[action].to);
    }
  });

  it('gives approval one self-transition per level, each validated for its own level', () => {
    const approvals = planOf().transitions.filter((transition) => transition.properties[TRANSITION_PROPERTY.action] === 'approve');
    expect(approvals.map((transition) => [transition.name, transition.properties[TRANSITION_PROPERTY.level]])).toEqual([
      ['Approve as Security lead', 'security-lead'],
      ['Approve as Risk / information owner', 'risk-owner'],
      ['Approve as Compliance lead', 'compliance-lead'],
      ['Approve as CISO', 'ciso'],
    ]);
    for (const transition of approvals) {
      expect(transition).toMatchObject({ from: ['awaiting-approval'], to: 'awaiting-approval', takenBy: 'people' });
      expect(validatorsOf(transition)).toEqual([
        { ruleKey: FORGE_VALIDATOR_RULE_KEY, key: ari('approval-validator'), config: { check: 'approval', levelId: transition.properties[TRANSITION_PROPERTY.level] } },
      ]);
    }
  });

  it.each<[string, string, unknown]>([
    ['Submit', 'intake-validator', { check: 'submit' }],
    ['Start review', 'review-validator', { check: 'review' }],
    ['Complete review', 'review-validator', { check: 'review' }],
    ['Activate', 'activation-validator', { check: 'activation' }],
    ['Reject', 'approval-validator', { check: 'rejection' }],
    ['Withdraw', 'intake-validator', { check: 'withdrawal' }],
    ['Revoke', 'approval-validator', { check: 'revocation' }],
    ['Mark remediated', 'intake-validator', { check: 'remediation' }],
  ])('%s is taken by people with validator %s', (name, moduleKey, config) => {
    const transition = named(planOf(), name);
    expect(transition.takenBy).toBe('people');
    expect(transition.conditions).toEqual([]);
    expect(validatorsOf(transition)).toEqual([{ ruleKey: FORGE_VALIDATOR_RULE_KEY, key: ari(moduleKey), config }]);
  });

  it('leaves no transition people take without one of the app’s validators', () => {
    const unguarded = planOf().transitions.filter((transition) => transition.type === 'DIRECTED' && transition.takenBy === 'people' && transition.validators.length === 0);
    expect(unguarded.map((transition) => transition.name)).toEqual([]);
  });

  it.each<[string, LifecycleAction]>([
    ['Expire', 'expire'],
    ['Supersede', 'supersede'],
    ['Re-rate', 're-rate'],
    ['Void approvals', 'void'],
    ['Time out', 'reject'],
  ])('%s is hidden from people and left to the register', (name, action) => {
    const transition = named(planOf(), name);
    expect(transition).toMatchObject({ takenBy: 'app', validators: [], conditions: [APP_ONLY_CONDITION] });
    expect(transition.properties).toEqual({ [TRANSITION_PROPERTY.action]: action, [TRANSITION_PROPERTY.takenBy]: 'app' });
  });

  it('offers people no transition for an action only the register takes', () => {
    const systemOnly = LIFECYCLE_ACTIONS.filter((action) => TRANSITIONS[action].performedBy.every((role) => role === 'system'));
    const offered = planOf().transitions.filter(
      (transition) => transition.takenBy === 'people' && systemOnly.includes(transition.properties[TRANSITION_PROPERTY.action] as LifecycleAction),
    );
    expect(systemOnly).toEqual(['expire', 'supersede', 're-rate', 'void']);
    expect(offered).toEqual([]);
  });

  it('names every lifecycle status with its category', () => {
    expect(planOf().statuses.map((status) => [status.name, status.category])).toEqual([
      ['Draft', 'TODO'],
      ['Submitted', 'IN_PROGRESS'],
      ['Risk Review', 'IN_PROGRESS'],
      ['Awaiting Approval', 'IN_PROGRESS'],
      ['Active', 'IN_PROGRESS'],
      ['Expired', 'DONE'],
      ['Revoked', 'DONE'],
      ['Remediated', 'DONE'],
      ['Rejected', 'DONE'],
      ['Withdrawn', 'DONE'],
      ['Superseded', 'DONE'],
    ]);
  });

  it('lists the validators to look for in Jira’s capabilities, built from the running app’s ids', () => {
    expect(planOf().validators).toEqual([
      { role: 'intake', moduleKey: 'intake-validator', ari: ari('intake-validator') },
      { role: 'peerReview', moduleKey: 'review-validator', ari: ari('review-validator') },
      { role: 'approval', moduleKey: 'approval-validator', ari: ari('approval-validator') },
      { role: 'activation', moduleKey: 'activation-validator', ari: ari('activation-validator') },
    ]);
  });

  const levelsArbitrary = fc.uniqueArray(
    fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,39}$/), name: fc.stringMatching(/^[A-Za-z][A-Za-z /]{0,40}$/) }),
    { minLength: 1, maxLength: 10, selector: (level) => level.id },
  ).filter((levels) => new Set(levels.map((level) => level.name.trim().toLowerCase())).size === levels.length);

  it('keeps ids and names unique and every status reachable, whatever the approval levels', () => {
    fc.assert(
      fc.property(levelsArbitrary, (approvalLevels) => {
        const plan = planOf({ ...INPUT, approvalLevels });
        const ids = plan.transitions.map((transition) => transition.id);
        const names = plan.transitions.map((transition) => transition.name);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(names).size).toBe(names.length);
        const reached = new Set<Status>(plan.transitions.map((transition) => transition.to));
        expect(STATUSES.filter((status) => !reached.has(status))).toEqual([]);
        const approvals = plan.transitions.filter((transition) => transition.properties[TRANSITION_PROPERTY.action] === 'approve');
        expect(approvals.map((transition) => JSON.parse(transition.validators[0]?.parameters.config ?? '{}') as unknown)).toEqual(
          approvalLevels.map((level) => ({ check: 'approval', levelId: level.id })),
        );
      }),
    );
  });

  it.each<[string, WorkflowPlanInput['approvalLevels'], RegExp]>([
    ['no level', [], /no approval level/],
    ['a repeated level id', [{ id: 'lead', name: 'Lead' }, { id: 'lead', name: 'Other' }], /level id "lead" is used twice/],
    ['two levels named alike', [{ id: 'a', name: 'Lead' }, { id: 'b', name: 'lead ' }], /two levels are named "lead"/],
  ])('refuses %s', (_label, approvalLevels, message) => {
    const plan = planExceptionWorkflow({ ...INPUT, approvalLevels });
    expect(plan.ok ? null : plan.error.code).toBe('SETUP.INVALID_APPROVAL_LEVELS');
    expect(plan.ok ? '' : plan.error.message).toMatch(message);
  });

  it('puts the recorder on every transition people take, configured with the action and level, and on no other', () => {
    const plan = planOf({ ...INPUT, recorderModuleKey: 'decision-recorder' });
    const recorded = plan.transitions
      .filter((transition) => transition.postFunctions.length > 0)
      .map((transition) => {
        const [rule] = transition.postFunctions;
        return [transition.name, rule?.ruleKey, rule?.parameters.key, JSON.parse(rule?.parameters.config ?? 'null') as unknown];
      });
    const people = plan.transitions.filter((transition) => transition.takenBy === 'people' && transition.type === 'DIRECTED');
    expect(recorded.map(([name]) => name)).toEqual(people.map((transition) => transition.name));
    expect(recorded).toContainEqual(['Approve as CISO', FORGE_POST_FUNCTION_RULE_KEY, ari('decision-recorder'), { action: 'approve', levelId: 'ciso' }]);
    expect(recorded).toContainEqual(['Reject', FORGE_POST_FUNCTION_RULE_KEY, ari('decision-recorder'), { action: 'reject' }]);
    expect(plan.recorder).toEqual({ moduleKey: 'decision-recorder', ari: ari('decision-recorder') });
    expect(planOf().transitions.flatMap((transition) => transition.postFunctions)).toEqual([]);
  });

  it('refuses a recorder module key that would not make a valid extension reference', () => {
    const plan = planExceptionWorkflow({ ...INPUT, recorderModuleKey: 'decision recorder' });
    expect(plan.ok ? null : plan.error.code).toBe('SETUP.INVALID_EXTENSION_REFERENCE');
  });

  it('refuses a module key that would not make a valid extension reference', () => {
    const plan = planExceptionWorkflow({ ...INPUT, validatorModuleKeys: { ...INPUT.validatorModuleKeys, approval: 'approval/validator' } });
    expect(plan.ok ? null : plan.error.code).toBe('SETUP.INVALID_EXTENSION_REFERENCE');
    expect(plan.ok ? '' : plan.error.message).toContain('moduleKey "approval/validator"');
  });
});
