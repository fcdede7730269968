import type { ExceptionRequest } from '../../../src/domain/exception/security-exception';
import { DEFAULT_POLICY } from '../../../src/domain/policy/default-policy';
import { levelsForTier, type Policy } from '../../../src/domain/policy/policy-config';
import { APPROVER_OF, PEOPLE, type ApprovalWorld, type TransitionAnswer } from './approval-world';

/** The usual steps of an exception's life, each as the person who takes it, failing loudly when one is refused. */

const expectTaken = async (world: ApprovalWorld, issueKey: string, name: string, asUser: string): Promise<void> => {
  world.jira.clock.advance({ hours: 1 });
  const answer = await world.transition(issueKey, name, asUser);
  if (answer.status !== 204) throw new Error(`"${name}" on ${issueKey} as ${asUser} was refused: ${answer.messages.join(' | ')}`);
};

/** Raised, submitted and reviewed: waiting for its first approval. */
export const awaitingApproval = async (world: ApprovalWorld, request: ExceptionRequest): Promise<string> => {
  const key = await world.raise(request);
  await expectTaken(world, key, 'Submit', PEOPLE.requester);
  await expectTaken(world, key, 'Start review', PEOPLE.architect);
  await expectTaken(world, key, 'Complete review', PEOPLE.architect);
  return key;
};

/** The default policy's approver of each given level approves it, in the order given. */
export const approveLevels = async (world: ApprovalWorld, issueKey: string, levelIds: readonly string[], policy: Policy = DEFAULT_POLICY): Promise<void> => {
  for (const levelId of levelIds) {
    const level = policy.levels.find((candidate) => candidate.id === levelId);
    if (level === undefined) throw new Error(`no level ${levelId}`);
    await expectTaken(world, issueKey, `Approve as ${level.name}`, APPROVER_OF[levelId] ?? '');
  }
};

export const levelIdsOf = (tier: Parameters<typeof levelsForTier>[1], policy: Policy = DEFAULT_POLICY): string[] =>
  levelsForTier(policy, tier).map((level) => level.id);

/** Approved by every level of its tier and activated by the last approver. */
export const activeException = async (world: ApprovalWorld, request: ExceptionRequest, tier: Parameters<typeof levelsForTier>[1]): Promise<string> => {
  const key = await awaitingApproval(world, request);
  const levels = levelIdsOf(tier);
  await approveLevels(world, key, levels);
  await expectTaken(world, key, 'Activate', APPROVER_OF[levels.at(-1) ?? ''] ?? '');
  return key;
};

export const refusedWith = (answer: TransitionAnswer, message: string): void => {
  expect(answer.status).toBe(400);
  expect(answer.messages).toEqual([message]);
};
