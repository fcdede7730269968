import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { planExceptionWorkflow } from '../../domain/provisioning/workflow-plan';
import { REGISTER_TRANSITIONS } from './job-ports';
import { VALIDATOR_MODULE_KEYS } from './testing/job-world';

describe('the transitions the jobs take', () => {
  it.each(Object.entries(REGISTER_TRANSITIONS))('%s is an app-only transition of the workflow set-up creates', (_transition, { name, to }) => {
    const plan = planExceptionWorkflow({ app: { appId: 'app-1', environmentId: 'env-1' }, validatorModuleKeys: VALIDATOR_MODULE_KEYS, approvalLevels: DEFAULT_POLICY.levels });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.transitions.filter((transition) => transition.name === name).map(({ to: target, takenBy }) => ({ to: target, takenBy }))).toEqual([
      { to, takenBy: 'app' },
    ]);
  });
});
