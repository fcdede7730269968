import fc from 'fast-check';
import type { IngestedFinding } from '../../app/ports/finding-repository';
import { StorageError } from '../../app/ports/storage-error';
import { findingOf, findingRowOf } from './finding-row';
import { aFinding } from './testing/builders';
import { asDriverRow, driverShapes, instants, texts } from './testing/driver-shapes';

const findings: fc.Arbitrary<IngestedFinding> = fc.record(
  {
    source: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    externalId: texts,
    assetId: fc.stringMatching(/^[a-z0-9-]{1,30}$/),
    title: texts,
    severity: fc.constantFrom('info' as const, 'low' as const, 'medium' as const, 'high' as const, 'critical' as const),
    cve: fc.integer({ min: 1000, max: 99_999 }).map((n) => `CVE-2024-${n}`),
    cvssVector: texts,
    knownExploited: fc.boolean(),
    status: fc.constantFrom('open' as const, 'resolved' as const),
    firstSeenAt: instants,
    lastSeenAt: instants,
  },
  { requiredKeys: ['source', 'externalId', 'assetId', 'title', 'severity', 'knownExploited', 'status', 'firstSeenAt', 'lastSeenAt'] },
);

describe('finding rows', () => {
  it('read back every finding they were written from, in every driver shape', () => {
    fc.assert(
      fc.property(findings, driverShapes, (finding, shape) => {
        expect(findingOf(asDriverRow(findingRowOf(finding), ['known_exploited'], shape))).toEqual(finding);
      }),
    );
  });

  it('refuse a row with a severity the app does not know', () => {
    expect(() => findingOf({ ...findingRowOf(aFinding()), severity: 'urgent' })).toThrow(StorageError);
  });
});
