import { contentHash } from '../exception/content-hash';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { anApproval, anException } from '../testing/builders';
import { nextPendingLevel, quorumComplete, staleApprovals, voidableApprovals } from './approval-standing';

const medium = anException({ status: 'awaiting-approval', tier: 'medium' });
const lead = anApproval(medium);
const owner = anApproval(medium, { levelId: 'risk-owner', approver: 'acc-risk' });

describe('approval standing', () => {
  it('walks the levels in order until the quorum is complete', () => {
    expect(nextPendingLevel(medium, [], DEFAULT_POLICY)?.id).toBe('security-lead');
    expect(nextPendingLevel(medium, [lead], DEFAULT_POLICY)?.id).toBe('risk-owner');
    expect(nextPendingLevel(medium, [lead, owner], DEFAULT_POLICY)).toBeNull();
    expect(quorumComplete(medium, [lead, owner], DEFAULT_POLICY)).toBe(true);
  });

  it.each([
    ['voided', { ...owner, voidedAt: '2026-11-04T00:00:00Z' }],
    ['a rejection', { ...owner, decision: 'rejected' as const }],
    ['bound to other content', { ...owner, contentHash: contentHash({ ...medium, businessImpact: 'none' }) }],
    ['given by the requester', { ...owner, approver: 'acc-requester' }],
    ['given by someone who already counts for another level', { ...owner, approver: 'acc-lead' }],
  ])('does not complete the quorum with an approval that is %s', (_label, second) => {
    expect(quorumComplete(medium, [lead, second], DEFAULT_POLICY)).toBe(false);
    expect(nextPendingLevel(medium, [lead, second], DEFAULT_POLICY)?.id).toBe('risk-owner');
  });

  it('voids exactly the live records bound to other content', () => {
    const edited = { ...medium, justification: `${medium.justification} Scope widened.` };
    const alreadyVoided = { ...lead, voidedAt: '2026-11-04T00:00:00Z' };
    const current = anApproval(edited, { levelId: 'risk-owner', approver: 'acc-risk' });
    const rejection = { ...lead, decision: 'rejected' as const };
    const hash = contentHash(edited);
    expect(voidableApprovals([lead, alreadyVoided, current, rejection], hash)).toEqual([lead, rejection]);
    expect(staleApprovals([lead, alreadyVoided, current, rejection], hash)).toEqual([lead]);
  });
});
