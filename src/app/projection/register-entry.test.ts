import { contentHash } from '../../domain/exception/content-hash';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { assessRisk } from '../../domain/risk';
import { aControl, anApproval, anException } from '../../domain/testing/builders';
import type { SecurityException } from '../../domain/exception/security-exception';
import { currentApprovers, lacksControls, nextReviewDue, registerEntryOf, sameEntry } from './register-entry';

const policy = DEFAULT_POLICY;

const riskOf = (exception: SecurityException) => {
  const risk = assessRisk(exception, policy);
  if (!risk.ok) throw new Error(risk.error.message);
  return risk.value;
};

const entryFor = (exception: SecurityException, overrides: Partial<Parameters<typeof registerEntryOf>[0]> = {}) =>
  registerEntryOf({
    projectKey: 'SEC',
    exception,
    risk: riskOf(exception),
    jiraUpdatedAt: '2026-11-03T10:00:00.000Z',
    approvals: [],
    attestedQuarters: new Set(),
    policy,
    now: '2026-11-10T09:00:00.000Z',
    prior: null,
    ...overrides,
  });

describe('lacksControls', () => {
  it.each<[string, SecurityException, boolean]>([
    ['a low tier needs none', anException({ tier: 'low', compensatingControls: [] }), false],
    ['a medium tier with an implemented control', anException({ tier: 'medium' }), false],
    ['a medium tier with only planned controls', anException({ tier: 'medium', compensatingControls: [aControl({ status: 'planned' })] }), true],
    ['a high tier with none', anException({ tier: 'high', compensatingControls: [] }), true],
    ['a critical tier with a verified control', anException({ tier: 'critical', compensatingControls: [aControl({ status: 'verified' })] }), false],
  ])('%s', (_case, exception, expected) => expect(lacksControls(exception, policy)).toBe(expected));
});

describe('currentApprovers', () => {
  it('counts only standing approvals of the current content, each person once', () => {
    const exception = anException();
    const hash = contentHash(exception);
    const approvals = [
      anApproval(exception, { approver: 'acc-lead' }),
      anApproval(exception, { approver: 'acc-lead', levelId: 'risk-owner' }),
      anApproval(exception, { approver: 'acc-risk', contentHash: 'f'.repeat(64) }),
      anApproval(exception, { approver: 'acc-ciso', voidedAt: '2026-11-02T11:00:00Z' }),
      anApproval(exception, { approver: 'acc-compliance', decision: 'rejected' }),
    ];
    expect(currentApprovers(approvals, hash)).toEqual(['acc-lead']);
  });
});

describe('nextReviewDue', () => {
  const active = anException({ status: 'active', activatedAt: '2026-08-01T10:00:00Z' });

  it.each<[string, SecurityException, readonly string[], string | undefined]>([
    ['this quarter, grace days after it began', active, [], '2026-10-15'],
    ['next quarter once this one is attested', active, ['2026-Q4'], '2027-01-15'],
    ['after activation when activated late in the quarter', anException({ status: 'active', activatedAt: '2026-11-03T10:00:00Z' }), [], '2026-11-17'],
    ['never for an exception not in force', anException({ status: 'awaiting-approval' }), [], undefined],
  ])('is %s', (_case, exception, attested, expected) => {
    expect(nextReviewDue(exception, new Set(attested), policy, '2026-11-10T09:00:00.000Z')).toBe(expected);
  });
});

describe('registerEntryOf', () => {
  it('projects the exception with its rating, approvers and content hash', () => {
    const exception = anException({ status: 'active' });
    const entry = entryFor(exception, { approvals: [anApproval(exception)], prior: { status: 'active', statusChangedAt: exception.statusChangedAt, renewalCount: 2 } });
    expect(entry).toMatchObject({
      issueKey: 'SEC-1',
      projectKey: 'SEC',
      status: 'active',
      tier: riskOf(exception).tier,
      riskScore: riskOf(exception).residualScore,
      assetIds: ['asset-web-01'],
      approvers: ['acc-lead'],
      expiresOn: '2027-02-01',
      contentHash: contentHash(exception),
      renewalCount: 2,
      jiraUpdatedAt: '2026-11-03T10:00:00.000Z',
    });
  });

  it('lists an asset or control reference once, however often the issue names it', () => {
    const exception = anException({
      assets: [{ id: 'a', name: 'A', criticality: 'low', dataClassification: 'public', internetFacing: false }, { id: 'a', name: 'A again', criticality: 'low', dataClassification: 'public', internetFacing: false }],
      controlReferences: [{ framework: 'SOC2', id: 'CC7.1' }, { framework: 'SOC2', id: 'CC7.1' }],
    });
    const entry = entryFor(exception);
    expect(entry.assetIds).toEqual(['a']);
    expect(entry.controlReferences).toEqual([{ framework: 'SOC2', id: 'CC7.1' }]);
  });
});

describe('sameEntry', () => {
  const entry = entryFor(anException());

  it('matches a stored row that says the same, whatever its version or instant notation', () => {
    expect(sameEntry({ ...entry, version: 7, statusChangedAt: '2026-11-03T11:00:00+01:00' }, entry)).toBe(true);
  });

  it.each<[string, Partial<typeof entry>]>([
    ['status', { status: 'draft' }],
    ['approvers', { approvers: ['acc-other'] }],
    ['missing expiry', { expiresOn: undefined }],
    ['Jira update time', { jiraUpdatedAt: '2026-11-04T10:00:00.000Z' }],
  ])('tells a row with another %s apart', (_case, drift) => {
    expect(sameEntry({ ...entry, ...drift, version: 1 }, entry)).toBe(false);
  });
});
