import fc from 'fast-check';
import type { RegisterEntry } from '../../app/ports/register-repository';
import { EXCEPTION_KINDS, FRAMEWORKS, STATUSES, TIERS } from '../../domain/exception/security-exception';
import { StorageError } from '../../app/ports/storage-error';
import { NO_DAY, registerChildRowsOf, registerRecordOf, registerRowOf } from './register-row';
import { aRegisterEntry } from './testing/builders';
import { accountIds, asDriverRow, days, driverShapes, hashes, instants, texts } from './testing/driver-shapes';

const NUMERIC = ['risk_score', 'lacks_controls', 'renewal_count', 'version'] as const;

const issueKeys = fc
  .tuple(fc.stringMatching(/^[A-Z][A-Z0-9]{1,6}$/), fc.integer({ min: 1, max: 999_999 }))
  .map(([project, n]) => `${project}-${n}`);

const entries: fc.Arbitrary<RegisterEntry> = fc.record(
  {
    issueKey: issueKeys,
    projectKey: fc.stringMatching(/^[A-Z][A-Z0-9]{1,6}$/),
    title: texts,
    kind: fc.constantFrom(...EXCEPTION_KINDS),
    status: fc.constantFrom(...STATUSES),
    tier: fc.constantFrom(...TIERS),
    riskScore: fc.integer({ min: 0, max: 100 }).map((tenths) => tenths / 10),
    requester: accountIds,
    assetOwner: accountIds,
    businessUnit: texts,
    assetIds: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,30}$/), { maxLength: 6 }),
    controlReferences: fc.uniqueArray(
      fc.record({ framework: fc.constantFrom(...FRAMEWORKS), id: fc.stringMatching(/^[A-Z0-9.]{1,10}$/) }),
      { maxLength: 4, selector: (ref) => `${ref.framework}/${ref.id}` },
    ),
    approvers: fc.array(accountIds, { maxLength: 5 }),
    expiresOn: days,
    activatedAt: instants,
    statusChangedAt: instants,
    nextReviewDue: days,
    lacksControls: fc.boolean(),
    renewalOf: issueKeys,
    renewalCount: fc.integer({ min: 0, max: 20 }),
    contentHash: hashes,
    jiraUpdatedAt: instants,
  },
  {
    requiredKeys: [
      'issueKey',
      'projectKey',
      'title',
      'kind',
      'status',
      'tier',
      'riskScore',
      'requester',
      'assetOwner',
      'businessUnit',
      'assetIds',
      'controlReferences',
      'approvers',
      'statusChangedAt',
      'lacksControls',
      'renewalCount',
      'contentHash',
      'jiraUpdatedAt',
    ],
  },
);

describe('register rows', () => {
  it('read back every entry they were written from, in every driver shape', () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 1, max: 1_000_000 }), driverShapes, (entry, version, shape) => {
        const row = asDriverRow(registerRowOf(entry, 'rev-1', version), NUMERIC, shape);
        expect(registerRecordOf(row)).toEqual({ revision: 'rev-1', entry: { ...entry, version } });
      }),
    );
  });

  it('store absent days as the far-future sentinel so the sort columns are never NULL', () => {
    const row = registerRowOf(aRegisterEntry({ expiresOn: undefined, nextReviewDue: undefined }), 'rev', 1);
    expect([row.expires_on, row.next_review_due]).toEqual([NO_DAY, NO_DAY]);
  });

  it('normalise instants written with an offset to UTC milliseconds', () => {
    const row = registerRowOf(aRegisterEntry({ jiraUpdatedAt: '2027-01-02T01:30:00+02:00' }), 'rev', 1);
    expect(row.jira_updated_at).toBe('2027-01-01T23:30:00.000Z');
  });

  it('write each asset and control reference once, under the revision', () => {
    const entry = aRegisterEntry({
      issueKey: 'SEC-4',
      assetIds: ['db', 'web', 'db'],
      controlReferences: [
        { framework: 'SOC2', id: 'CC7.1' },
        { framework: 'SOC2', id: 'CC7.1' },
      ],
    });
    expect(registerChildRowsOf(entry, 'rev-9')).toEqual({
      assets: [
        { issue_key: 'SEC-4', revision: 'rev-9', asset_id: 'db' },
        { issue_key: 'SEC-4', revision: 'rev-9', asset_id: 'web' },
      ],
      controls: [{ issue_key: 'SEC-4', revision: 'rev-9', framework: 'SOC2', control_id: 'CC7.1' }],
    });
    expect(JSON.parse(registerRowOf(entry, 'rev-9', 1).asset_ids)).toEqual(['db', 'web']);
  });

  it.each([
    ['a risk score above 10', { riskScore: 10.5 }],
    ['an issue key that is not one', { issueKey: 'sec 4' }],
    ['an expiry that is not a calendar day', { expiresOn: '2027-02-30' }],
    ['a content hash that is not SHA-256 hex', { contentHash: 'abc' }],
  ])('refuse to write %s', (_what, overrides) => {
    expect(() => registerRowOf(aRegisterEntry(overrides), 'rev', 1)).toThrow(/cannot be stored/);
  });

  it.each([
    ['an unknown status', { status: 'paused' }],
    ['a flag that is neither 0 nor 1', { lacks_controls: 2 }],
    ['a version that is not an integer', { version: '1.5' }],
    ['asset ids that are not JSON', { asset_ids: '[' }],
  ])('refuse to read a row with %s', (_what, damage) => {
    const row = { ...registerRowOf(aRegisterEntry(), 'rev', 1), ...damage };
    expect(() => registerRecordOf(row)).toThrow(StorageError);
  });
});
