import fc from 'fast-check';
import type { RecordedReviewAttestation } from '../../app/ports/review-attestation-repository';
import { StorageError } from '../../app/ports/storage-error';
import { attestationOf, attestationRowOf } from './review-attestation-row';
import { anAttestation } from './testing/builders';
import { accountIds, instants, texts } from './testing/driver-shapes';

const attestations: fc.Arbitrary<RecordedReviewAttestation> = fc.record(
  {
    issueKey: fc.integer({ min: 1, max: 99_999 }).map((n) => `SEC-${n}`),
    quarter: fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 })).map(([year, q]) => `${year}-Q${q}`),
    reviewer: accountIds,
    attestedAt: instants,
    outcome: fc.constantFrom('still-required' as const, 'revoke' as const),
    note: texts,
  },
  { requiredKeys: ['issueKey', 'quarter', 'reviewer', 'attestedAt', 'outcome'] },
);

describe('review attestation rows', () => {
  it('read back every attestation they were written from', () => {
    fc.assert(fc.property(attestations, (attestation) => expect(attestationOf(attestationRowOf(attestation))).toEqual(attestation)));
  });

  it('refuse a row whose quarter is not a quarter label', () => {
    expect(() => attestationOf({ ...attestationRowOf(anAttestation()), quarter: '2027-Q5' })).toThrow(StorageError);
  });
});
