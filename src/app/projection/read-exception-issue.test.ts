import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { aControl, anAsset, anExceptionRequest } from '../../domain/testing/builders';
import type { Status } from '../../domain/exception/security-exception';
import { anExceptionIssue } from './testing/exception-issue-builder';
import { lifecycleTimes, readExceptionIssue, readExceptionRequest, statusNamed, type PriorProjection } from './read-exception-issue';

const policy = DEFAULT_POLICY;

const prior = (overrides: Partial<PriorProjection> = {}): PriorProjection => ({
  status: 'awaiting-approval',
  statusChangedAt: '2026-10-20T08:00:00.000Z',
  renewalCount: 0,
  ...overrides,
});

describe('readExceptionIssue', () => {
  it('reads a complete issue into the domain model, rating it with the policy', () => {
    const request = anExceptionRequest();
    const reading = readExceptionIssue(anExceptionIssue({ request }), policy, null);
    expect(reading.kind).toBe('exception');
    if (reading.kind !== 'exception') return;
    expect(reading.exception).toMatchObject({
      key: 'SEC-1',
      status: 'submitted',
      title: request.title,
      requester: 'acc-requester',
      assetOwner: 'acc-owner',
      businessUnit: 'Payments',
      assets: request.assets,
      controlReferences: request.controlReferences,
      justification: request.justification,
      businessImpact: request.businessImpact,
      riskInputs: request.riskInputs,
      threatVectors: ['network'],
      createdAt: '2026-11-01T09:00:00.000Z',
      statusChangedAt: '2026-11-01T10:00:00.000Z',
    });
    expect(reading.exception.tier).toBe(reading.risk.tier);
    expect(reading.jiraUpdatedAt).toBe('2026-11-01T10:00:00.000Z');
  });

  it('ignores the JQL index arrays and derives everything from the items', () => {
    const issue = anExceptionIssue({
      custom: { assets: { businessUnit: 'Payments', owner: 'acc-owner', assetIds: ['stale-id'], items: [anAsset({ id: 'real-id' })] } },
    });
    const reading = readExceptionIssue(issue, policy, null);
    expect(reading.kind === 'exception' && reading.exception.assets.map((asset) => asset.id)).toEqual(['real-id']);
  });

  it('lists a malformed field by path instead of throwing, and does not project half an exception', () => {
    const issue = anExceptionIssue({ custom: { compensatingControls: { items: [{ ...aControl(), status: 'promised' }], statuses: [] } } });
    const reading = readExceptionIssue(issue, policy, null);
    expect(reading).toMatchObject({ kind: 'incomplete', status: 'submitted' });
    expect(reading.kind === 'incomplete' && reading.problems.map((problem) => problem.path)).toEqual(['compensatingControls.items.0.status']);
  });

  it.each<[string, Parameters<typeof anExceptionIssue>[0], string]>([
    ['a status outside the exception workflow', { status: { name: 'To Do' } }, 'status'],
    ['no risk inputs', { custom: { riskInputs: null } }, 'riskInputs'],
    ['an unreadable update time', { updated: 'yesterday' }, 'updated'],
    ['no business impact section', { description: { type: 'doc', version: 1, content: [] } }, 'exception.businessImpact'],
    ['an invalid CVSS vector', { custom: { riskInputs: { method: 'cvss', vector: 'CVSS:3.1/AV:X' } } }, 'riskInputs'],
  ])('reports %s as incomplete', (_case, overrides, path) => {
    const reading = readExceptionIssue(anExceptionIssue(overrides), policy, null);
    expect(reading.kind).toBe('incomplete');
    expect(reading.kind === 'incomplete' && reading.problems.map((problem) => problem.path)).toContain(path);
  });

  it('tells an incomplete draft by its status', () => {
    const reading = readExceptionIssue(anExceptionIssue({ status: { name: 'Draft' }, custom: { kind: null } }), policy, null);
    expect(reading).toMatchObject({ kind: 'incomplete', status: 'draft' });
  });

  it('sets the last day in force only once the exception is active', () => {
    const active = readExceptionIssue(anExceptionIssue({ status: { name: 'Active' } }), policy, null);
    const pending = readExceptionIssue(anExceptionIssue({ status: { name: 'Awaiting Approval' } }), policy, null);
    expect(active.kind === 'exception' && active.exception.expiresOn).toBe('2027-02-01');
    expect(pending.kind === 'exception' && pending.exception.expiresOn).toBeUndefined();
  });

  it('keeps the renewal link the register recorded, which Jira fields do not carry', () => {
    const reading = readExceptionIssue(anExceptionIssue(), policy, prior({ status: 'submitted', renewalOf: 'SEC-9' }));
    expect(reading.kind === 'exception' && reading.exception.renewalOf).toBe('SEC-9');
  });
});

describe('readExceptionRequest', () => {
  it('keeps what is readable and leaves malformed fields out, for pre-flight to judge', () => {
    const issue = anExceptionIssue({ custom: { requestedExpiry: '2027-13-45' } });
    const { request, problems } = readExceptionRequest(issue);
    expect(request.requestedExpiry).toBeUndefined();
    expect(request.kind).toBe('vulnerability-sla');
    expect(problems.map((problem) => problem.path)).toEqual(['requestedExpiry']);
  });
});

describe('statusNamed', () => {
  it.each<[string | undefined, Status | undefined]>([
    ['Awaiting Approval', 'awaiting-approval'],
    ['risk review', 'risk-review'],
    [' Active ', 'active'],
    ['Done', undefined],
    [undefined, undefined],
  ])('%s is %s', (name, status) => expect(statusNamed(name)).toBe(status));
});

describe('lifecycleTimes', () => {
  const times = { created: '2026-10-01T08:00:00.000Z', updated: '2026-11-05T12:00:00.000Z' };

  it.each<[string, Status, PriorProjection | null, ReturnType<typeof lifecycleTimes>]>([
    ['a first draft dates from creation', 'draft', null, { statusChangedAt: times.created }],
    ['a first projection in another status dates from the last update', 'submitted', null, { statusChangedAt: times.updated }],
    ['an unchanged status keeps its time', 'awaiting-approval', prior(), { statusChangedAt: '2026-10-20T08:00:00.000Z' }],
    ['a new status dates from the last update', 'risk-review', prior({ status: 'submitted' }), { statusChangedAt: times.updated }],
    ['activation starts the time in force', 'active', prior(), { statusChangedAt: times.updated, activatedAt: times.updated }],
    [
      'an active exception keeps its activation',
      'active',
      prior({ status: 'active', activatedAt: '2026-10-21T00:00:00.000Z', statusChangedAt: '2026-10-21T00:00:00.000Z' }),
      { statusChangedAt: '2026-10-21T00:00:00.000Z', activatedAt: '2026-10-21T00:00:00.000Z' },
    ],
    [
      'expiry keeps when it came into force',
      'expired',
      prior({ status: 'active', activatedAt: '2026-10-21T00:00:00.000Z' }),
      { statusChangedAt: times.updated, activatedAt: '2026-10-21T00:00:00.000Z' },
    ],
    ['a rejection was never in force', 'rejected', prior({ activatedAt: '2026-10-21T00:00:00.000Z' }), { statusChangedAt: times.updated }],
  ])('%s', (_case, status, previous, expected) => {
    expect(lifecycleTimes(status, times, previous)).toEqual(expected);
  });
});
