import fc from 'fast-check';
import type { Approval } from '../../domain/approval/approval';
import { StorageError } from '../../app/ports/storage-error';
import { approvalOf, approvalRowOf } from './approval-row';
import { anApproval } from './testing/builders';
import { accountIds, hashes, instants } from './testing/driver-shapes';

const approvals: fc.Arbitrary<Approval> = fc.record(
  {
    levelId: fc.stringMatching(/^[a-z][a-z0-9-]{0,39}$/),
    approver: accountIds,
    decision: fc.constantFrom('approved' as const, 'rejected' as const),
    contentHash: hashes,
    decidedAt: instants,
    reason: fc.string({ maxLength: 200 }).map((reason) => reason.trim()),
    voidedAt: instants,
  },
  { requiredKeys: ['levelId', 'approver', 'decision', 'contentHash', 'decidedAt'] },
);

describe('approval rows', () => {
  it('read back every approval they were written from', () => {
    fc.assert(fc.property(approvals, (approval) => expect(approvalOf(approvalRowOf('SEC-1', approval))).toEqual(approval)));
  });

  it('keep the issue key in the row and the decision time in UTC milliseconds', () => {
    expect(approvalRowOf('SEC-9', anApproval({ decidedAt: '2026-11-02T10:00:00+01:00' }))).toMatchObject({
      issue_key: 'SEC-9',
      decided_at: '2026-11-02T09:00:00.000Z',
      reason: null,
      voided_at: null,
    });
  });

  it('refuse a row whose decision the domain does not know', () => {
    expect(() => approvalOf({ ...approvalRowOf('SEC-1', anApproval()), decision: 'maybe' })).toThrow(StorageError);
  });
});
