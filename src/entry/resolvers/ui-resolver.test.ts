import { SqlApprovalRepository } from '../../adapters/sql/sql-approval-repository';
import { SqlAuditStore } from '../../adapters/sql/sql-audit-store';
import { SqlRegisterRepository } from '../../adapters/sql/sql-register-repository';
import { loadPolicy } from '../../adapters/forge/kvs-policy-source';
import { responseEnvelopeSchema, type ResolverKey, type ResponseOf } from '../../contract';
import { SAMPLES } from '../../contract/testing/samples';
import { contentHash } from '../../domain/exception/content-hash';
import { anExceptionRequest } from '../../domain/testing/builders';
import { PEOPLE } from '../../sandbox/jira/testing/stand-in-world';
import { dailyJobsHandler } from '../jobs/daily-jobs.scheduled';
import { createRegisterWorld, type RegisterWorld } from '../testing/register-world';
import { createUiResolver } from './ui-resolver';

/**
 * The resolvers end to end: the real @forge/resolver definitions over the local Forge runtime, the Jira stand-in and
 * an SQLite register, with exceptions raised and moved through Jira as people would.
 */

const aRequest = (overrides: Parameters<typeof anExceptionRequest>[0] = {}) =>
  anExceptionRequest({ requestedExpiry: '2026-08-01', remediationPlan: { summary: 'Replace the appliance', targetDate: '2026-07-15' }, ...overrides });

let site: RegisterWorld;
let handler: ReturnType<typeof createUiResolver>;
let active: string;
let draft: string;
let waiting: string;

type Answer<K extends ResolverKey> = { ok: true; data: ResponseOf<K> } | { ok: false; error: { code: string; message: string; fieldErrors?: { path: string; message: string }[] } };

const call = async <K extends ResolverKey>(key: K, payload: unknown, accountId: string = PEOPLE.lead, extension: object = { project: { key: 'SEC' } }): Promise<Answer<K>> => {
  const answer = await site.runtime.runAs(accountId, () =>
    handler({ call: { functionKey: key, payload }, context: { extension } }, { principal: { accountId } }),
  );
  return responseEnvelopeSchema(key).parse(answer) as Answer<K>;
};

const data = <K extends ResolverKey>(answer: Answer<K>): ResponseOf<K> => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
};

beforeAll(async () => {
  site = await createRegisterWorld();
  handler = createUiResolver(site.platform);
  const approvals = new SqlApprovalRepository(site.database);
  const activeRequest = aRequest({ title: 'Legacy TLS on payments API' });
  active = await site.createException(activeRequest);
  draft = await site.createException(aRequest({ title: 'Unpatched VPN appliance' }));
  waiting = await site.createException(aRequest({ title: 'Old SSH ciphers on bastion' }));
  await site.settle();
  for (const key of [active, waiting]) {
    await site.transition(key, 'Submit', PEOPLE.requester);
    await site.transition(key, 'Start review');
    await site.transition(key, 'Complete review');
  }
  await site.settle();
  const stored = await new SqlRegisterRepository(site.database).get(active);
  await approvals.record(active, {
    levelId: 'security-lead',
    approver: PEOPLE.lead,
    decision: 'approved',
    contentHash: stored?.contentHash ?? contentHash(activeRequest),
    decidedAt: '2026-03-02T10:00:00.000Z',
  });
  await site.transition(active, 'Activate');
  await site.settle();
}, 60_000);

afterAll(() => site.close());

describe('the register page', () => {
  it('lists the project exceptions with their total, flags and today in the policy time zone', async () => {
    const listed = data(await call('register/list', { pageSize: 25 }));
    expect(listed.total).toBe(3);
    expect(listed.asOf).toBe('2026-03-02');
    expect(listed.rows.map((row) => row.key).sort()).toEqual([active, draft, waiting].sort());

    const onlyActive = data(await call('register/list', { filter: { status: ['active'] } }));
    expect(onlyActive.rows).toEqual([
      expect.objectContaining({ key: active, status: 'active', expiresOn: '2026-08-01', daysLeft: 152, owner: { accountId: 'acc-owner', displayName: 'Owen Owner' } }),
    ]);
    expect(data(await call('register/list', { filter: { approver: PEOPLE.lead } })).rows.map((row) => row.key)).toEqual([active]);
    expect(data(await call('register/list', { filter: { text: 'vpn' } })).rows.map((row) => row.key)).toEqual([draft]);
  });

  it('names every person on every row by the display name Jira has for them, asking Jira once for the page', async () => {
    const jira = jest.spyOn(site.world.jira, 'handle');
    const { rows } = data(await call('register/list', { pageSize: 25 }));
    const lookUps = jira.mock.calls.map(([request]) => new URL(request.path, 'https://jira.test')).filter((url) => url.pathname === '/rest/api/3/user/bulk');
    jira.mockRestore();
    expect(lookUps.map((url) => url.searchParams.getAll('accountId').sort())).toEqual([['acc-owner', PEOPLE.requester].sort()]);
    expect(rows.map((row) => [row.owner, row.requester])).toEqual(
      rows.map(() => [
        { accountId: 'acc-owner', displayName: 'Owen Owner' },
        { accountId: PEOPLE.requester, displayName: 'Rita Requester' },
      ]),
    );
  });

  it.each([
    ['Jira rate limits the look-up for longer than names are worth waiting', { status: 429, retryAfterSeconds: 30 } as const],
    ['Jira fails the look-up', { status: 500 } as const],
  ])('still answers, showing people by account id, when %s', async (_label, fault) => {
    site.world.jira.injectFault({ ...fault, pathPattern: /^\/rest\/api\/3\/user\/bulk/ });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { rows } = data(await call('register/list', { pageSize: 25 }));
      expect(rows.map((row) => row.owner)).toEqual(rows.map(() => ({ accountId: 'acc-owner', displayName: null })));
      const logged = warn.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('display names'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).not.toContain('acc-');
    } finally {
      warn.mockRestore();
      site.world.jira.clearFaults();
    }
  });

  it('pages with a cursor that only works for the filter and order it was made for', async () => {
    const first = data(await call('register/list', { pageSize: 1, sort: { field: 'updated', direction: 'asc' } }));
    expect(first.rows).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = data(await call('register/list', { pageSize: 1, sort: { field: 'updated', direction: 'asc' }, cursor: first.nextCursor }));
    expect(second.rows[0]?.key).not.toBe(first.rows[0]?.key);
    const replayed = await call('register/list', { pageSize: 1, filter: { tier: ['low'] }, cursor: first.nextCursor });
    expect(replayed).toMatchObject({ ok: false, error: { code: 'CONTRACT.INVALID_CURSOR' } });
  });

  it('exports rows as text cells in the contract column order', async () => {
    const exported = data(await call('register/export-page', { filter: { status: ['active'] } }));
    expect(exported.rows).toHaveLength(1);
    expect(exported.rows[0]).toEqual(
      expect.arrayContaining([active, 'Legacy TLS on payments API', 'Active', 'acc-owner', 'acc-requester', 'SOC2 CC7.1', PEOPLE.lead, '2026-08-01', '152']),
    );
  });

  it('sums up the project on the dashboard', async () => {
    const summary = data(await call('dashboard/summary', { months: 3 }));
    expect(Object.values(summary.activeByTier).reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(summary.decisionsByMonth.map((month) => month.month)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(summary.topApprovers).toEqual([{ approver: { accountId: PEOPLE.lead, displayName: 'Lee Lead' }, approvals: 1 }]);
  });

  it('refuses a page outside a project and a payload the contract refuses, saying where', async () => {
    expect(await call('register/list', {}, PEOPLE.lead, {})).toMatchObject({ ok: false, error: { code: 'CONTEXT.NO_PROJECT' } });
    expect(await call('register/list', { pageSize: 7000 })).toMatchObject({
      ok: false,
      error: { code: 'CONTRACT.INVALID_REQUEST', fieldErrors: [{ path: 'pageSize' }] },
    });
  });
});

describe('the issue panel', () => {
  it('shows an active exception with its approval chain, expiry and a verified audit chain', async () => {
    const panel = data(await call('exception/panel', { issueKey: active }, PEOPLE.requester));
    expect(panel).toMatchObject({
      key: active,
      status: 'active',
      approval: { complete: true, eligibleGroup: null, notAllowed: [] },
      expiry: { expiresOn: '2026-08-01', daysLeft: 152, asOf: '2026-03-02' },
      renewal: { allowed: true, renewalCount: 0, pendingRenewal: null },
      audit: { chain: { state: 'verified' } },
    });
    expect(panel.approval.levels[0]).toMatchObject({ levelId: 'security-lead', state: 'done', approver: { accountId: PEOPLE.lead } });
    expect(panel.risk?.steps.at(-1)?.step).toBe('tier');
  });

  it('names who may not approve the waiting level and why', async () => {
    const panel = data(await call('exception/panel', { issueKey: waiting }));
    expect(panel.approval.levels[0]).toMatchObject({ state: 'next', approver: null });
    expect(panel.approval.eligibleGroup).toBe('security-leads');
    expect(panel.approval.notAllowed).toEqual([
      { person: { accountId: PEOPLE.requester, displayName: 'Rita Requester' }, code: 'APPROVAL.REQUESTER_CANNOT_APPROVE', reason: expect.stringContaining('requested') as string },
    ]);
  });

  it('shows nothing to someone Jira would not show the issue', async () => {
    expect(await call('exception/panel', { issueKey: active }, PEOPLE.outsider)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});

describe('pre-flight while writing a request', () => {
  it('judges the issue with the editor values on top, as the submit validator will', async () => {
    const checked = data(await call('intake/preflight', { issueKey: draft, draft: { requestedExpiry: '2027-12-31' } }, PEOPLE.requester));
    expect(checked.ready).toBe(false);
    expect(checked.problems.map((problem) => problem.code)).toContain('PREFLIGHT.EXPIRY_TOO_LONG');
    const fine = data(await call('intake/preflight', { issueKey: draft, draft: {} }, PEOPLE.requester));
    expect(fine).toMatchObject({ ready: true, problems: [] });
    expect(fine.requiredApprovers[0]).toEqual({ levelId: 'security-lead', name: 'Security lead', group: 'security-leads' });
  });
});

describe('the quarterly review', () => {
  it('queues the project active exceptions and takes one attestation a quarter', async () => {
    const queued = data(await call('reviews/queue', {}));
    expect(queued).toMatchObject({ quarter: '2026-Q1', total: 1, items: [{ key: active, overdue: false, attestation: null }] });
    const attested = data(
      await call('reviews/attest', { issueKey: active, quarter: '2026-Q1', stillValid: true, stillNecessary: true, controlsInPlace: true }),
    );
    expect(attested).toMatchObject({ issueKey: active, recorded: 'recorded', attestation: { outcome: 'still-required', reviewer: { accountId: PEOPLE.lead } } });
    expect(data(await call('reviews/queue', {})).items).toEqual([]);
    expect(data(await call('reviews/queue', { includeAttested: true })).items).toEqual([
      expect.objectContaining({ key: active, attestation: expect.objectContaining({ quarter: '2026-Q1' }) as unknown }),
    ]);
    expect(await call('reviews/queue', { quarter: '2025-Q4' })).toMatchObject({ ok: false, error: { code: 'REVIEW.WRONG_QUARTER' } });
  });
});

describe('the admin page', () => {
  it('starts from the default policy, refuses an invalid one by path and previews a valid one', async () => {
    const current = data(await call('admin/policy/get', {}));
    expect(current).toMatchObject({ revision: 0, updatedAt: null, updatedBy: null });
    const broken = { ...current.policy, risk: { ...current.policy.risk, thresholds: { medium: 8, high: 7, critical: 9 } } };
    expect(data(await call('admin/policy/validate', { policy: broken }))).toEqual({
      valid: false,
      fieldErrors: [{ path: 'risk.thresholds', message: 'thresholds must rise: medium < high < critical' }],
      preview: null,
    });
    const shorter = { ...current.policy, tiers: { ...current.policy.tiers, low: { ...current.policy.tiers.low, maxDurationDays: 100, maxCumulativeDays: 300 } } };
    const checked = data(await call('admin/policy/validate', { policy: shorter }));
    if (!checked.valid) throw new Error('the shorter policy should be valid');
    expect(checked.preview.changes).toEqual(['tiers.low.maxCumulativeDays: 540 -> 300', 'tiers.low.maxDurationDays: 180 -> 100']);
    expect(checked.preview.tiers.find((tier) => tier.tier === 'low')).toMatchObject({ activeCount: 1, activeBeyondMaxDuration: 1 });
  });

  it('saves a policy as the next revision, audited, and refuses a save from a stale revision', async () => {
    const current = data(await call('admin/policy/get', {}));
    const changed = { ...current.policy, limits: { activePerAsset: 5, activePerBusinessUnit: 60 } };
    expect(data(await call('admin/policy/save', { policy: changed, expectedRevision: current.revision }))).toMatchObject({ revision: current.revision + 1 });
    expect(await call('admin/policy/save', { policy: changed, expectedRevision: current.revision })).toMatchObject({
      ok: false,
      error: { code: 'POLICY.REVISION_CONFLICT' },
    });
    expect(data(await call('admin/policy/get', {}))).toMatchObject({ revision: current.revision + 1, updatedBy: { accountId: PEOPLE.lead } });
    const inForce = await site.runtime.runAs(null, () => loadPolicy());
    expect(inForce.ok && inForce.value.limits).toEqual({ activePerAsset: 5, activePerBusinessUnit: 60 });
    const actions = (await new SqlAuditStore(site.database).page(0, 500)).map((entry) => entry.action);
    expect(actions).toContain('policy.changed');
  });

  it('refuses to save an invalid policy, with field errors', async () => {
    const current = data(await call('admin/policy/get', {}));
    const answer = await call('admin/policy/save', { policy: { ...current.policy, timeZone: 'Mars/Olympus' }, expectedRevision: current.revision });
    expect(answer).toMatchObject({ ok: false, error: { code: 'POLICY.INVALID', fieldErrors: [{ path: 'timeZone' }] } });
  });

  it('shows a rotated integration secret once and never again', async () => {
    const saved = data(await call('admin/integrations/save', { id: 'scanner-ingest', enabled: true, rotateSecret: true }));
    expect(saved.newSecret?.length).toBeGreaterThanOrEqual(32);
    expect(saved.integration).toMatchObject({ id: 'scanner-ingest', enabled: true, secretConfigured: true, url: null });
    const listed = await call('admin/integrations/get', {});
    expect(JSON.stringify(listed)).not.toContain(saved.newSecret ?? 'no secret');
    expect(data(listed).integrations.find((integration) => integration.id === 'scanner-ingest')).toMatchObject({ enabled: true, secretConfigured: true });
  });

  it('runs project set-up as the administrator and keeps the report as the last run', async () => {
    const report = data(await call('admin/setup/run', { projectKey: 'SEC' }, PEOPLE.admin));
    expect(report).toMatchObject({ projectKey: 'SEC', by: { accountId: PEOPLE.admin } });
    expect(report.steps.length).toBeGreaterThan(0);
    expect(data(await call('admin/setup/status', { projectKey: 'SEC' }, PEOPLE.admin)).lastRun).toEqual(report);
    expect(data(await call('admin/setup/status', { projectKey: 'OPS' }, PEOPLE.admin)).lastRun).toBeNull();
  });
});

describe('auditor access', () => {
  const auditor = 'acc-audra';

  beforeAll(() => {
    site.world.jira.seedUser({ accountId: auditor, displayName: 'Audra Auditor' });
    site.world.jira.seedGroup('auditors', [auditor]);
  });

  it('is granted until a set time, ended by a grant in the past, and recorded in the audit trail', async () => {
    expect(data(await call('session/me', {}, auditor)).roles.auditor).toBe(false);
    const granted = data(await call('admin/auditors/grant', { accountId: auditor, until: '2026-04-30T00:00:00.000Z' }));
    expect(granted.grant).toMatchObject({ auditor: { accountId: auditor }, grantedBy: { accountId: PEOPLE.lead }, active: true });
    expect(data(await call('session/me', {}, auditor))).toMatchObject({ roles: { auditor: true }, auditorAccessUntil: '2026-04-30T00:00:00.000Z' });
    expect(data(await call('register/list', {}, auditor)).total).toBeGreaterThan(0);
    // The auditor may not browse SEC in Jira: the grant, not a Jira permission, opens the panel.
    expect(data(await call('exception/panel', { issueKey: active }, auditor))).toMatchObject({ key: active, audit: { chain: { state: 'verified' } } });
    expect(await call('exception/panel', { issueKey: active }, PEOPLE.outsider)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(data(await call('admin/auditors/get', {}))).toMatchObject({ group: 'auditors', grants: [{ auditor: { accountId: auditor }, active: true }] });

    data(await call('admin/auditors/grant', { accountId: auditor, until: '2026-03-01T00:00:00.000Z' }));
    expect(data(await call('session/me', {}, auditor)).roles.auditor).toBe(false);
    const actions = (await new SqlAuditStore(site.database).page(0, 1000)).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'auditor.granted')).toHaveLength(2);
  });

  it('is time-bound and never self-granted', async () => {
    expect(await call('admin/auditors/grant', { accountId: auditor, until: '2026-12-31T00:00:00.000Z' })).toMatchObject({
      ok: false,
      error: { code: 'AUDITOR.GRANT_TOO_LONG' },
    });
    expect(await call('admin/auditors/grant', { accountId: PEOPLE.lead, until: '2026-04-01T00:00:00.000Z' })).toMatchObject({
      ok: false,
      error: { code: 'AUDITOR.SELF_GRANT' },
    });
  });
});

describe('renewals and reports', () => {
  it('raises a renewal of an active exception for its requester', async () => {
    const renewed = data(await call('exception/request-renewal', { ...SAMPLES['exception/request-renewal'].request, issueKey: active }, PEOPLE.requester));
    expect(renewed).toMatchObject({ renewalOf: active, escalated: false });
    expect(renewed.renewalKey).not.toBe(active);
    const again = data(await call('exception/request-renewal', { ...SAMPLES['exception/request-renewal'].request, issueKey: active }, PEOPLE.requester));
    expect(again.renewalKey).toBe(renewed.renewalKey);
  });

  it('reads back the report the daily trigger stored when a month closed', async () => {
    site.world.jira.clock.set(new Date('2026-08-01T06:00:00.000Z'));
    await site.runtime.runAs(null, () => dailyJobsHandler(site.platform)({ context: { cloudId: 'cloud-9d3e', moduleKey: 'daily-jobs' }, contextToken: 'token' }));

    expect(data(await call('reports/list', {}))).toEqual({
      items: [expect.objectContaining({ month: '2026-07', generatedAt: '2026-08-01T06:00:00.000Z' }) as unknown],
      nextCursor: null,
    });
    const report = data(await call('reports/get', { month: '2026-07' }));
    expect(report.sections.expiringNextMonth).toEqual({
      count: 1,
      items: [expect.objectContaining({ key: active, title: 'Legacy TLS on payments API', expiresOn: '2026-08-01' }) as unknown],
    });
    expect(await call('reports/get', { month: '2026-08' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
