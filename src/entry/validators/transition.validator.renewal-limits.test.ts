import type { WorkflowRuleConfig } from '../../contract/workflow-rule-config';
import { DEFAULT_POLICY_INPUT } from '../../domain/policy/default-policy';
import type { PolicyInput } from '../../domain/policy/policy-config';
import { createApprovalWorld, PEOPLE, requestRatedAt, type ApprovalWorld } from '../../../test/scenarios/testing/approval-world';
import { approveLevels, awaitingApproval, levelIdsOf } from '../../../test/scenarios/testing/journeys';
import { transitionValidatorHandler, type ValidatorAnswer } from './transition.validator';

/**
 * The concurrency limits on the real validator, composition root and SQLite register: a renewal replaces the exception
 * it renews (which is superseded when the renewal activates), so renewing an exception on an asset or in a unit at its
 * limit passes Submit and Activation, while a fresh request there is refused.
 */

/** Limits that one active exception on the request's asset, or in its unit, reaches. */
const LIMITS: Readonly<Record<'asset' | 'unit', PolicyInput['limits']>> = {
  asset: { activePerAsset: 1, activePerBusinessUnit: 50 },
  unit: { activePerAsset: 3, activePerBusinessUnit: 1 },
};

const ASSET_REFUSAL = 'already has 1 active exceptions; the limit is 1 per asset';
const UNIT_REFUSAL = 'already has 1 active exceptions; the limit is 1.';

const CHECKS: Readonly<Record<'Submit' | 'Activation', { readonly rule: WorkflowRuleConfig; readonly actor: string }>> = {
  Submit: { rule: { check: 'submit' }, actor: PEOPLE.requester },
  Activation: { rule: { check: 'activation' }, actor: PEOPLE.risk },
};

let world: ApprovalWorld;
afterEach(() => world.close());

const taken = async (issueKey: string, name: string, actor: string): Promise<void> => {
  world.jira.clock.advance({ hours: 1 });
  const answer = await world.transition(issueKey, name, actor);
  if (answer.status !== 204) throw new Error(`"${name}" on ${issueKey} was refused: ${answer.messages.join(' | ')}`);
};

/** What "Request renewal" records with the renewal's issue: the register entry names the exception it renews. */
const renewing = async (renewalKey: string, originalKey: string): Promise<void> => {
  const entry = await world.register.get(renewalKey);
  if (entry === null) throw new Error(`${renewalKey} is not in the register`);
  const { version, ...projected } = entry;
  const saved = await world.register.save({ ...projected, renewalOf: originalKey, renewalCount: 1 }, version);
  if (!saved.ok) throw new Error(saved.error.message);
};

const validate = (issueKey: string, check: keyof typeof CHECKS): Promise<ValidatorAnswer> => {
  const { rule, actor } = CHECKS[check];
  return world.runtime.runAs(actor, () =>
    transitionValidatorHandler(world.platform)(
      { issue: { key: issueKey }, configuration: rule, transition: { from: { id: '1' }, to: { id: '1' }, modifiedFields: {} } },
      { principal: { accountId: actor }, installContext: `ari:cloud:jira::site/${world.jira.app.cloudId}` },
    ),
  );
};

describe('a renewal at its original’s concurrency limit', () => {
  it.each<[keyof typeof CHECKS, 'a renewal' | 'a fresh request', keyof typeof LIMITS, ValidatorAnswer]>([
    ['Submit', 'a renewal', 'asset', { result: true }],
    ['Submit', 'a fresh request', 'asset', { result: false, errorMessage: expect.stringContaining(ASSET_REFUSAL) as string }],
    ['Activation', 'a renewal', 'asset', { result: true }],
    ['Activation', 'a fresh request', 'asset', { result: false, errorMessage: expect.stringContaining(ASSET_REFUSAL) as string }],
    ['Submit', 'a renewal', 'unit', { result: true }],
    ['Submit', 'a fresh request', 'unit', { result: false, errorMessage: expect.stringContaining(UNIT_REFUSAL) as string }],
    ['Activation', 'a renewal', 'unit', { result: true }],
    ['Activation', 'a fresh request', 'unit', { result: false, errorMessage: expect.stringContaining(UNIT_REFUSAL) as string }],
  ])('%s of %s, at the %s limit', async (check, candidate, limit, expected) => {
    world = await createApprovalWorld({ policy: { ...DEFAULT_POLICY_INPUT, limits: LIMITS[limit] } });
    const original = await awaitingApproval(world, requestRatedAt('medium', { title: 'The exception in force' }));
    await approveLevels(world, original, levelIdsOf('medium'));
    const candidateKey = await world.raise(requestRatedAt('medium', { title: `${candidate} on the same asset` }));
    if (candidate === 'a renewal') await renewing(candidateKey, original);
    if (check === 'Activation') {
      await taken(candidateKey, 'Submit', PEOPLE.requester);
      await taken(candidateKey, 'Start review', PEOPLE.architect);
      await taken(candidateKey, 'Complete review', PEOPLE.architect);
      await approveLevels(world, candidateKey, levelIdsOf('medium'));
    }
    await taken(original, 'Activate', PEOPLE.risk);

    expect(await validate(candidateKey, check)).toEqual(expected);
    // Each case sets up a site and plays two requests through the workflow: seconds of work, more on a loaded machine.
  }, 20_000);
});
