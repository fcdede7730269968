import { KvsRegisterHome } from '../../adapters/forge/kvs-register-home';
import { SqlApprovalRepository } from '../../adapters/sql/sql-approval-repository';
import { SqlRegisterRepository } from '../../adapters/sql/sql-register-repository';
import { SqlNotificationLedger } from '../../adapters/sql/sql-notification-ledger';
import { NO_NOTICE_ISSUE_REASON, reportNoticeKey } from '../../app/reports/monthly-report-job';
import { responseEnvelopeSchema, type ResolverKey, type ResponseOf } from '../../contract';
import { anExceptionRequest } from '../../domain/testing/builders';
import { PEOPLE } from '../../sandbox/jira/testing/stand-in-world';
import { dailyJobsHandler } from '../jobs/daily-jobs.scheduled';
import { createRegisterWorld, type RegisterWorld } from '../testing/register-world';
import { createUiResolver } from './ui-resolver';

/**
 * The monthly reports as the Reports tab reads them: stored by the real daily trigger as months close over an SQLite
 * register, then read through the resolver function as a security lead or an auditor would.
 */

const AUDITOR = 'acc-audra';

let site: RegisterWorld;
let handler: ReturnType<typeof createUiResolver>;
let exceptionKey: string;

type Answer<K extends ResolverKey> = { ok: true; data: ResponseOf<K> } | { ok: false; error: { code: string; message: string } };

const call = async <K extends ResolverKey>(key: K, payload: unknown, accountId: string = PEOPLE.lead): Promise<Answer<K>> => {
  const answer = await site.runtime.runAs(accountId, () =>
    handler({ call: { functionKey: key, payload }, context: { extension: {} } }, { principal: { accountId } }),
  );
  return responseEnvelopeSchema(key).parse(answer) as Answer<K>;
};

const data = <K extends ResolverKey>(answer: Answer<K>): ResponseOf<K> => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
};

const runDailyJobsAt = async (instant: string): Promise<void> => {
  site.world.jira.clock.set(new Date(instant));
  await site.runtime.runAs(null, () => dailyJobsHandler(site.platform)({ context: { cloudId: 'cloud-9d3e', moduleKey: 'daily-jobs' }, contextToken: 'token' }));
};

/** An exception active from 2026-03-02 to 2026-05-20 whose first quarterly review (due 2026-03-16) is never attested. */
const activateException = async (): Promise<string> => {
  const request = anExceptionRequest({
    title: 'Legacy TLS on payments API',
    requestedExpiry: '2026-05-20',
    remediationPlan: { summary: 'Replace the load balancer', targetDate: '2026-05-01' },
  });
  const key = await site.createException(request);
  await site.settle();
  await site.transition(key, 'Submit', PEOPLE.requester);
  await site.transition(key, 'Start review');
  await site.transition(key, 'Complete review');
  await site.settle();
  const stored = await new SqlRegisterRepository(site.database).get(key);
  if (stored === null) throw new Error(`${key} is not in the register`);
  await new SqlApprovalRepository(site.database).record(key, {
    levelId: 'security-lead',
    approver: PEOPLE.lead,
    decision: 'approved',
    contentHash: stored.contentHash,
    decidedAt: site.world.jira.clock.now().toISOString(),
  });
  await site.transition(key, 'Activate');
  await site.settle();
  return key;
};

beforeAll(async () => {
  site = await createRegisterWorld();
  handler = createUiResolver(site.platform);
  site.world.jira.seedUser({ accountId: AUDITOR, displayName: 'Audra Auditor' });
  site.world.jira.seedGroup('auditors', [AUDITOR]);
  exceptionKey = await activateException();
  await runDailyJobsAt('2026-03-02T12:00:00.000Z');
  await runDailyJobsAt('2026-04-01T06:00:00.000Z');
  // From May the register has a home issue, so the April report is e-mailed.
  await site.runtime.runAs(null, () => new KvsRegisterHome().set({ projectKey: 'SEC', issueKey: exceptionKey, siteUrl: 'https://acme.atlassian.net/' }));
  await runDailyJobsAt('2026-05-01T06:00:00.000Z');
}, 60_000);

afterAll(() => site.close());

describe('reports/list', () => {
  it('lists the closed months newest first, a page at a time, until the cursor runs out', async () => {
    const first = data(await call('reports/list', { pageSize: 2 }));
    expect(first.items.map((summary) => summary.month)).toEqual(['2026-04', '2026-03']);
    expect(first.nextCursor).not.toBeNull();
    const second = data(await call('reports/list', { pageSize: 2, cursor: first.nextCursor }));
    expect(second).toEqual({ items: [expect.objectContaining({ month: '2026-02' }) as unknown], nextCursor: null });
  });

  it('sums each month up: when it was generated, the threshold, the section counts and whether it was e-mailed', async () => {
    const { items } = data(await call('reports/list', {}));
    expect(items.slice(0, 2)).toEqual([
      {
        month: '2026-04',
        generatedAt: '2026-05-01T06:00:00.000Z',
        riskThreshold: 7,
        counts: { lackingControls: 0, aboveRiskThreshold: 0, overdueReviews: 1, expiringNextMonth: 1 },
        emailed: true,
        notEmailedBecause: null,
      },
      {
        month: '2026-03',
        generatedAt: '2026-04-01T06:00:00.000Z',
        riskThreshold: 7,
        counts: { lackingControls: 0, aboveRiskThreshold: 0, overdueReviews: 1, expiringNextMonth: 0 },
        emailed: false,
        notEmailedBecause: NO_NOTICE_ISSUE_REASON,
      },
    ]);
    expect(site.world.jira.notifications().filter((notice) => notice.subject.startsWith('Security exception report')).map((notice) => notice.subject)).toEqual([
      'Security exception report for 2026-04',
    ]);
  });

  it('does not call a report e-mailed while its e-mail has not gone out, though nothing stops it going', async () => {
    const ledger = new SqlNotificationLedger(site.database);
    const key = reportNoticeKey('2026-04');
    await ledger.release(key);
    try {
      const { items } = data(await call('reports/list', { pageSize: 1 }));
      expect(items[0]).toMatchObject({ month: '2026-04', emailed: false, notEmailedBecause: null });
      expect(data(await call('reports/get', { month: '2026-04' }))).toMatchObject({ emailed: false, notEmailedBecause: null });
    } finally {
      await ledger.recordOnce({ key, kind: 'notice.monthly-report', issueKey: exceptionKey, at: '2026-05-01T06:00:00.000Z' });
    }
  });

  it('refuses a cursor this listing did not hand out', async () => {
    expect(await call('reports/list', { cursor: 'not-a-report-cursor' })).toMatchObject({ ok: false, error: { code: 'CONTRACT.INVALID_CURSOR' } });
  });
});

describe('reports/get', () => {
  it('answers the stored report with each section’s exceptions as they stood when the month closed', async () => {
    const report = data(await call('reports/get', { month: '2026-04' }));
    const item = {
      key: exceptionKey,
      title: 'Legacy TLS on payments API',
      tier: 'low',
      riskScore: 2.8,
      assetOwner: { accountId: 'acc-owner', displayName: 'Owen Owner' },
      expiresOn: '2026-05-20',
      nextReviewDue: '2026-03-16',
    };
    expect(report).toEqual({
      month: '2026-04',
      periodStart: '2026-04-01',
      periodEnd: '2026-04-30',
      generatedAt: '2026-05-01T06:00:00.000Z',
      riskThreshold: 7,
      sections: {
        lackingControls: { count: 0, items: [] },
        aboveRiskThreshold: { count: 0, items: [] },
        overdueReviews: { count: 1, items: [item] },
        expiringNextMonth: { count: 1, items: [item] },
      },
      emailed: true,
      notEmailedBecause: null,
    });
    expect(data(await call('reports/get', { month: '2026-03' })).notEmailedBecause).toBe(NO_NOTICE_ISSUE_REASON);
  });

  it.each([
    ['the month still open', '2026-05'],
    ['a month before the app was installed', '2025-12'],
  ])('says there is no report for %s, and when reports are generated', async (_case, month) => {
    expect(await call('reports/get', { month })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(new RegExp(`no report for ${month}\\. .* once that month has closed`)) as unknown },
    });
  });

  it('lets an auditor with a current grant read a report, as a security lead does', async () => {
    data(await call('admin/auditors/grant', { accountId: AUDITOR, until: '2026-05-30T00:00:00.000Z' }));
    expect(data(await call('reports/get', { month: '2026-04' }, AUDITOR))).toEqual(data(await call('reports/get', { month: '2026-04' })));
  });
});
