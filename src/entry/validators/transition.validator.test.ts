import { parseWorkflowRuleConfig } from '../../contract/workflow-rule-config';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { planExceptionWorkflow } from '../../domain/provisioning/workflow-plan';
import type { TransitionCheckDeps } from '../../app/approvals/check-transition';
import { anExceptionIssue } from '../../app/projection/testing/exception-issue-builder';
import { VALIDATOR_MODULE_KEYS } from '../composition/module-keys';
import type { Platform } from '../composition/platform';
import { commentOnTransition, transitionValidatorHandler, type ValidatorAnswer } from './transition.validator';

const platform: Platform = {
  database: () => {
    throw new Error('no database in these tests');
  },
  now: () => new Date('2027-03-01T09:00:00.000Z'),
  remainingMs: () => 25_000,
  sleep: () => Promise.resolve(),
};

const paragraph = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Dependencies that fail the test if the handler reaches them. */
const untouchable = (): TransitionCheckDeps => {
  throw new Error('the handler should not have built its dependencies');
};

describe('the transition validator handler', () => {
  beforeEach(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it.each([
    ['no configuration', undefined],
    ['an unknown check', { check: 'everything' }],
    ['an approval without its level', '{"check":"approval"}'],
  ])('refuses a transition whose rule has %s, telling the person to ask an administrator', async (_what, configuration) => {
    const answer = await transitionValidatorHandler(platform, untouchable)({ issue: { key: 'SEC-4' }, configuration }, { principal: { accountId: 'acc-lead' } });
    expect(answer).toEqual({
      result: false,
      errorMessage:
        'The security exception check of SEC-4 could not be performed: this workflow rule has no valid configuration, so the transition is blocked. ' +
        'Ask a Jira administrator to configure the Security Exception Register rule on this transition in the workflow editor.',
    });
  });

  it('refuses a payload without an issue key', async () => {
    const answer = await transitionValidatorHandler(platform, untouchable)({ configuration: { check: 'submit' } }, {});
    expect(answer.result).toBe(false);
  });

  it('refuses, and says it may be retried, when the check throws', async () => {
    const throwing = () => {
      throw new Error('boom');
    };
    const answer = await transitionValidatorHandler(platform, throwing)({ issue: { key: 'SEC-4' }, configuration: { check: 'activation' } }, { principal: { accountId: 'acc-lead' } });
    expect(answer).toEqual({
      result: false,
      errorMessage:
        'The activation check of SEC-4 could not be performed: the register failed unexpectedly, so the transition is blocked. ' +
        'Nothing was changed: try the transition again in a minute. If it keeps failing, tell your Jira administrator.',
    });
  });

  it('takes the person from the invocation context, never from the payload', async () => {
    const seen: (string | undefined)[] = [];
    const deps = (): TransitionCheckDeps => ({
      policy: { current: () => Promise.resolve({ ok: true, value: DEFAULT_POLICY }) },
      issues: { get: () => Promise.resolve({ kind: 'gone' }) },
      approvals: { forIssue: () => Promise.resolve([]) },
      counts: { concurrencyCounts: () => Promise.resolve({ perAsset: {}, perBusinessUnit: 0 }) },
      activation: { activationEvidence: () => Promise.resolve({ approvals: [], active: { perAsset: {}, perBusinessUnit: 0 } }) },
      groups: {
        groupsOf: (accountId) => {
          seen.push(accountId);
          return Promise.resolve({ ok: true, value: [] });
        },
      },
    });
    const answer = await transitionValidatorHandler(platform, deps)(
      { issue: { key: 'SEC-4' }, configuration: { check: 'activation' }, principal: { accountId: 'acc-lead' } },
      {},
    );
    expect(answer.errorMessage).toContain('Jira did not say who is making the transition');
    expect(seen).toEqual([]);
  });

  it.each<[string, unknown, string, ValidatorAnswer]>([
    ['a security lead revoking with a reason in the comment', { comment: { body: paragraph('Exploited in the wild.') } }, 'acc-lead', { result: true }],
    [
      'a security lead revoking without a comment',
      {},
      'acc-lead',
      {
        result: false,
        errorMessage: 'A reason is required to revoke SEC-4: it goes into the audit trail and is shown to the requester. Add a reason and try again.',
      },
    ],
    [
      'the requester revoking with a reason',
      { comment: { body: paragraph('No longer needed.') } },
      'acc-requester',
      {
        result: false,
        errorMessage:
          'Only a security lead (group security-leads) may revoke SEC-4. ' +
          'Ask a security lead to revoke it; if the underlying issue is fixed, the requester or asset owner can mark it remediated.',
      },
    ],
  ])('judges %s, reading the reason from the transition’s comment and nothing from the register', async (_what, modifiedFields, accountId, expected) => {
    const unreachable = () => Promise.reject(new Error('revocation reads nothing from the register'));
    const deps = (): TransitionCheckDeps => ({
      policy: { current: () => Promise.resolve({ ok: true, value: DEFAULT_POLICY }) },
      issues: { get: () => Promise.resolve({ kind: 'found', issue: anExceptionIssue({ key: 'SEC-4', status: { name: 'Active' } }) }) },
      approvals: { forIssue: unreachable },
      counts: { concurrencyCounts: unreachable },
      activation: { activationEvidence: unreachable },
      groups: { groupsOf: (id) => Promise.resolve({ ok: true, value: id === 'acc-lead' ? ['security-leads'] : [] }) },
    });
    const answer = await transitionValidatorHandler(platform, deps)(
      { issue: { key: 'SEC-4' }, configuration: '{"check":"revocation"}', transition: { modifiedFields } },
      { principal: { accountId } },
    );
    expect(answer).toEqual(expected);
  });

  it('accepts every configuration project set-up gives the validators', () => {
    const plan = planExceptionWorkflow({ app: { appId: 'app-1', environmentId: 'env-1' }, validatorModuleKeys: VALIDATOR_MODULE_KEYS, approvalLevels: DEFAULT_POLICY.levels });
    if (!plan.ok) throw new Error(plan.error.message);
    const configs = plan.value.transitions.flatMap((transition) => transition.validators.map((rule) => rule.parameters.config));
    expect(configs.length).toBeGreaterThan(0);
    expect(configs.filter((config) => parseWorkflowRuleConfig(config) === null)).toEqual([]);
  });
});

describe('commentOnTransition', () => {
  it.each([
    ['a page of comments', { comment: { comments: [{ body: paragraph('Too risky.') }] } }, 'Too risky.'],
    ['a list of comments', { comment: [{ body: paragraph('Too risky.') }, { body: paragraph('Isolate it.') }] }, 'Too risky.\n\nIsolate it.'],
    ['one comment', { comment: { body: paragraph('Too risky.') } }, 'Too risky.'],
    ['a plain-text body', { comment: { body: '  Too risky.  ' } }, 'Too risky.'],
    ['an empty comment', { comment: { body: paragraph('   ') } }, undefined],
    ['no comment', { labels: null }, undefined],
    ['no modified fields', undefined, undefined],
  ])('reads %s', (_what, modifiedFields, expected) => {
    expect(commentOnTransition(modifiedFields)).toBe(expected);
  });
});
