import { SqlAuditStore } from '../adapters/sql/sql-audit-store';
import { SqlJobRunRepository } from '../adapters/sql/sql-job-run-repository';
import { SqlRegisterRepository } from '../adapters/sql/sql-register-repository';
import { aRegisterEntry } from '../adapters/sql/testing/builders';
import { RECONCILE_JOB } from '../app/reconcile/reconcile-state';
import { anExceptionRequest } from '../domain/testing/builders';
import { runHourlyUpkeep } from './migrations.scheduled';
import { continueReconcile, runWeeklyReconcile, weekRunKey, weeklyReconcileHandler } from './reconcile.scheduled';
import { call } from '../sandbox/jira/testing/stand-in-world';
import { createRegisterWorld, type RegisterWorld } from './testing/register-world';

const aRequest = () => anExceptionRequest({ requestedExpiry: '2026-08-01', remediationPlan: { summary: 'Replace the appliance', targetDate: '2026-07-15' } });

describe('the weekly reconcile', () => {
  let site: RegisterWorld;
  let register: SqlRegisterRepository;
  let jobRuns: SqlJobRunRepository;
  let logged: jest.SpyInstance;

  beforeEach(async () => {
    logged = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    site = await createRegisterWorld();
    register = new SqlRegisterRepository(site.database);
    jobRuns = new SqlJobRunRepository(site.database);
  });

  afterEach(() => site.close());

  const reconcile = () => site.runtime.runAs(null, () => runWeeklyReconcile(site.platform));
  const registerSize = () => register.count({ projectKey: 'SEC' });

  it('repairs drift: a missing row, a stale status and a row whose issue is gone, and reports what it changed', async () => {
    const missing = await site.createException(aRequest(), 'Missing');
    const stale = await site.createException(aRequest(), 'Stale');
    const unchanged = await site.createException(aRequest(), 'Unchanged');
    await site.transition(stale, 'Submit', 'acc-requester');
    await site.settle();
    const draft = site.seedException(anExceptionRequest({ kind: undefined }), 'Draft', 'Half-written draft');
    const broken = site.seedException(aRequest(), 'Submitted', 'Broken');
    await site.editFields(broken, { riskInputs: { method: 'cvss', vector: 'not a vector' } }, null);

    await register.remove(missing);
    const stored = await register.get(stale);
    if (stored === null) throw new Error('the event should have projected the exception');
    await register.save({ ...stored, status: 'draft' }, stored.version);
    await register.project(aRegisterEntry({ issueKey: 'SEC-99', projectKey: 'SEC' }));

    const outcome = await reconcile();

    expect(outcome).toMatchObject({ kind: 'completed', report: { inserted: 1, updated: 1, removed: 1, unchanged: 1, skipped: 1, failedCount: 1 } });
    const failed = outcome.kind === 'completed' ? outcome.report.failed : [];
    expect(failed.map((failure) => failure.key)).toEqual([broken]);
    expect(failed[0]?.reason).toMatch(/riskInputs/);
    expect(await register.get(missing)).toMatchObject({ title: 'Missing', status: 'draft' });
    expect(await register.get(stale)).toMatchObject({ status: 'submitted' });
    expect(await register.get(unchanged)).toMatchObject({ version: 1 });
    expect(await register.get('SEC-99')).toBeNull();
    expect(await register.get(draft)).toBeNull();
    const audit = await new SqlAuditStore(site.database).page(0, 10);
    expect(audit.map((entry) => [entry.action, entry.issueKey, entry.actor])).toEqual([['exception.deleted', 'SEC-99', 'system:reconcile']]);
    expect(await jobRuns.get(RECONCILE_JOB, weekRunKey(site.world.jira.clock.now()))).toMatchObject({ outcome: 'succeeded' });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('"message":"reconcile completed","runKey":"2026-W10","inserted":1,"updated":1,"removed":1'));
  });

  it('writes the computed fields someone cleared, in one request, counting the issues it wrote', async () => {
    const cleared = await site.createException(aRequest(), 'Cleared');
    const intact = await site.createException(aRequest(), 'Intact');
    await site.settle();
    const issueId = Number(site.world.jira.issue(cleared)?.id);
    const tierField = site.computedFieldIds.riskTier;
    await call(site.world.jira, 'PUT', `/rest/api/3/app/field/${tierField}/value`, { updates: [{ issueIds: [issueId], value: null }] });
    expect(site.computedValues(cleared)).not.toHaveProperty('riskTier');
    const intactBefore = site.computedValues(intact);
    const writesBefore = site.jiraRequests.filter((request) => request.path === '/rest/api/3/app/field/value').length;

    const outcome = await reconcile();

    expect(outcome).toMatchObject({ kind: 'completed', report: { unchanged: 2, fieldsWritten: 1, fieldsFailed: 0 } });
    expect(site.computedValues(cleared)).toMatchObject({ riskTier: (await register.get(cleared))?.tier });
    expect(site.computedValues(intact)).toEqual(intactBefore);
    expect(site.jiraRequests.filter((request) => request.path === '/rest/api/3/app/field/value')).toHaveLength(writesBefore + 1);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('"fieldsWritten":1,"fieldsFailed":0'));
  });

  it('still checks the rows of a project last week’s run covered, though its issues are gone from Jira', async () => {
    await jobRuns.start(RECONCILE_JOB, '2026-W09', '2026-02-23T09:00:00.000Z');
    await jobRuns.finish(RECONCILE_JOB, '2026-W09', { at: '2026-02-23T09:05:00.000Z', outcome: 'succeeded', summary: JSON.stringify({ projects: ['OLD', 'SEC'] }) });
    await register.project(aRegisterEntry({ issueKey: 'OLD-7', projectKey: 'OLD' }));

    const outcome = await reconcile();

    expect(outcome).toMatchObject({ kind: 'completed', report: { removed: 1 } });
    expect(await register.get('OLD-7')).toBeNull();
  });

  it('runs once a week: a second firing in the same week reports the finished run', async () => {
    await site.createException(aRequest());
    await site.settle();
    await reconcile();

    const again = await reconcile();

    expect(again.kind).toBe('already-finished');
    expect(again.kind === 'already-finished' ? JSON.parse(again.summary ?? '{}') : null).toMatchObject({ report: { unchanged: 1 }, projects: ['SEC'] });
  });

  describe('a run larger than one page of Jira results', () => {
    const ISSUES = 230;

    beforeEach(() => {
      for (let n = 1; n <= ISSUES; n += 1) site.seedException(aRequest(), 'Submitted', `Exception ${n}`);
    });

    it('killed midway, carries on from its checkpoint and projects every issue once', async () => {
      let pagesStarted = 0;
      site.timeLeft = () => {
        pagesStarted += 1;
        if (pagesStarted > 2) throw new Error('invocation killed');
        return 600_000;
      };
      await expect(reconcile()).rejects.toThrow('invocation killed');
      const afterKill = await registerSize();
      const runKey = weekRunKey(site.world.jira.clock.now());
      const checkpoint = await jobRuns.get(RECONCILE_JOB, runKey);

      site.timeLeft = () => 600_000;
      const upkeep = await site.runtime.runAs(null, () => runHourlyUpkeep(site.platform));

      expect(afterKill).toBe(200);
      expect(checkpoint).toMatchObject({ processed: 200 });
      expect(checkpoint?.finishedAt).toBeUndefined();
      expect(upkeep).toEqual({ migrationsApplied: [], jobs: [{ job: 'stalled-approvals', status: 'finished' }], reconcile: 'completed' });
      expect(await registerSize()).toBe(ISSUES);
      const finished = await jobRuns.get(RECONCILE_JOB, runKey);
      expect(JSON.parse(finished?.summary ?? '{}')).toMatchObject({ report: { inserted: ISSUES, updated: 0, unchanged: 0, failedCount: 0 } });
    });

    it('stops at a checkpoint when the invocation runs short of time, and the next invocation finishes', async () => {
      let pagesStarted = 0;
      site.timeLeft = () => (++pagesStarted > 1 ? 30_000 : 600_000);
      const first = await reconcile();
      site.timeLeft = () => 600_000;
      const second = await site.runtime.runAs(null, () => continueReconcile(site.platform));

      expect(first).toMatchObject({ kind: 'paused', reason: 'the invocation ran out of time', report: { inserted: 100 } });
      expect(second).toMatchObject({ kind: 'completed', report: { inserted: ISSUES } });
      expect(await site.runtime.runAs(null, () => continueReconcile(site.platform))).toBeNull();
    });
  });

  it('answers the scheduled trigger with 204', async () => {
    const answer = await site.runtime.runAs(null, () =>
      weeklyReconcileHandler(site.platform)({ context: { cloudId: 'cloud-9d3e', moduleKey: 'weekly-reconcile' }, contextToken: 't' }),
    );
    expect(answer).toEqual({ statusCode: 204 });
  });

  it.each([
    ['2026-03-02T09:00:00Z', '2026-W10'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
  ])('names the run of %s after its ISO week, %s', (instant, key) => expect(weekRunKey(new Date(instant))).toBe(key));
});
