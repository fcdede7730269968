import { SqlApprovalRepository } from '../sql-approval-repository';
import { SqlFindingRepository } from '../sql-finding-repository';
import { SqlJobRunRepository } from '../sql-job-run-repository';
import { SqlNotificationLedger } from '../sql-notification-ledger';
import { SqlReviewAttestationRepository } from '../sql-review-attestation-repository';
import { aFinding, anApproval, anAttestation } from './builders';
import type { TestDatabase, TestDatabaseFactory } from './test-database';

/**
 * The idempotent stores (approvals, notification ledger, review attestations, findings, job runs), run on
 * every engine. Each test uses its own keys, so one database serves the whole file.
 */
export const describeIdempotentStores = (factory: TestDatabaseFactory): void => {
  describe(`idempotent stores on ${factory.name}`, () => {
    let testDb: TestDatabase;
    let keys = 0;
    const unique = (prefix: string): string => `${prefix}-${(keys += 1)}`;

    beforeAll(async () => {
      testDb = await factory.create();
    });
    afterAll(() => testDb.close());

    describe('SqlNotificationLedger', () => {
      const ledger = () => new SqlNotificationLedger(testDb.database);
      const record = (key: string) => ({ key, kind: 'remind-expiry', issueKey: 'SEC-7', at: '2027-01-02T08:00:00Z' });

      it('records a key once and reports every later attempt', async () => {
        const key = unique('remind-expiry:SEC-7:2027-02-01:30');
        expect(await ledger().recordOnce(record(key))).toBe('recorded');
        expect(await ledger().recordOnce(record(key))).toBe('already-recorded');
        expect(await ledger().has(key)).toBe(true);
      });

      it('lets exactly one of many concurrent recorders send', async () => {
        const key = unique('expire:SEC-8:2027-02-01');
        const outcomes = await Promise.all(Array.from({ length: 12 }, () => ledger().recordOnce(record(key))));
        expect(outcomes.filter((outcome) => outcome === 'recorded')).toHaveLength(1);
      });

      it('forgets a released key so the next run can try again', async () => {
        const key = unique('review:SEC-9:2027-Q1');
        await ledger().recordOnce(record(key));
        expect(await ledger().release(key)).toBe('released');
        expect(await ledger().release(key)).toBe('absent');
        expect(await ledger().has(key)).toBe(false);
        expect(await ledger().recordOnce(record(key))).toBe('recorded');
      });

      it('says which of several keys are recorded in one read', async () => {
        const [sent, released, never] = [unique('report:2027-01'), unique('report:2027-02'), unique('report:2027-03')];
        await ledger().recordOnce(record(sent));
        await ledger().recordOnce(record(released));
        await ledger().release(released);
        expect(await ledger().recordedAmong([sent, released, never])).toEqual(new Set([sent]));
        expect(await ledger().recordedAmong([])).toEqual(new Set());
      });

      it('treats keys that differ only in letter case as different keys', async () => {
        const key = unique('case');
        expect(await ledger().recordOnce(record(`${key}:a`))).toBe('recorded');
        expect(await ledger().recordOnce(record(`${key}:A`))).toBe('recorded');
      });
    });

    describe('SqlApprovalRepository', () => {
      const approvals = () => new SqlApprovalRepository(testDb.database);

      it('records a decision once and reads decisions back in the order they were taken', async () => {
        const issue = unique('SEC');
        const lead = anApproval({ decidedAt: '2026-11-02T09:00:00.000Z', reason: 'Controls verified' });
        const owner = anApproval({ levelId: 'risk-owner', approver: 'acc-owner', decidedAt: '2026-11-02T10:00:00.000Z' });
        expect(await approvals().record(issue, owner)).toBe('recorded');
        expect(await approvals().record(issue, lead)).toBe('recorded');
        expect(await approvals().record(issue, lead)).toBe('already-recorded');
        expect(await approvals().forIssue(issue)).toEqual([lead, owner]);
      });

      it('voids approvals of other content once, however often the change is replayed', async () => {
        const issue = unique('SEC');
        const stale = anApproval({ contentHash: 'b'.repeat(64) });
        const current = anApproval({ levelId: 'risk-owner', approver: 'acc-owner', contentHash: 'c'.repeat(64), decidedAt: '2026-11-04T09:00:00.000Z' });
        await approvals().record(issue, stale);
        await approvals().record(issue, current);
        expect(await approvals().voidStale(issue, 'c'.repeat(64), '2026-11-05T09:00:00Z')).toBe(1);
        expect(await approvals().voidStale(issue, 'c'.repeat(64), '2026-11-06T09:00:00Z')).toBe(0);
        expect(await approvals().forIssue(issue)).toEqual([{ ...stale, voidedAt: '2026-11-05T09:00:00.000Z' }, current]);
      });
    });

    describe('SqlReviewAttestationRepository', () => {
      const attestations = () => new SqlReviewAttestationRepository(testDb.database);

      it('keeps the first attestation of an exception in a quarter', async () => {
        const issueKey = unique('SEC');
        const first = anAttestation({ issueKey, note: 'Segmentation still in place' });
        expect(await attestations().attest(first)).toBe('recorded');
        expect(await attestations().attest({ ...first, outcome: 'revoke', reviewer: 'acc-other' })).toBe('already-recorded');
        expect(await attestations().attest({ ...first, quarter: '2027-Q2' })).toBe('recorded');
        expect(await attestations().forIssue(issueKey)).toEqual([first, { ...first, quarter: '2027-Q2' }]);
      });

      it('pages through the attestations of a quarter by issue key', async () => {
        const quarter = '2031-Q3';
        const issueKeys = Array.from({ length: 7 }, (_, i) => `${unique('Q')}-${i + 1}`);
        for (const issueKey of issueKeys) await attestations().attest(anAttestation({ issueKey, quarter }));
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await attestations().forQuarter(quarter, 3, after);
          if (!page.ok) throw new Error(page.error.message);
          seen.push(...page.value.items.map((item) => item.issueKey));
          after = page.value.next;
        } while (after !== undefined);
        expect(seen).toEqual([...issueKeys].sort());
        expect(await attestations().forQuarter('2031-Q4', 3, 'not-a-cursor')).toMatchObject({
          ok: false,
          error: { code: 'REVIEW.INVALID_CURSOR' },
        });
      });
    });

    describe('SqlFindingRepository', () => {
      const findings = () => new SqlFindingRepository(testDb.database);

      it('inserts, applies newer reports, ignores older ones and never moves first-seen', async () => {
        const finding = aFinding({ externalId: unique('nessus') });
        expect(await findings().upsert(finding)).toBe('inserted');
        const newer = { ...finding, knownExploited: true, firstSeenAt: '2026-11-05T08:00:00.000Z', lastSeenAt: '2026-11-05T08:00:00.000Z' };
        expect(await findings().upsert(newer)).toBe('updated');
        expect(await findings().upsert({ ...finding, title: 'older report' })).toBe('stale');
        expect(await findings().get(finding.source, finding.externalId)).toEqual({ ...newer, firstSeenAt: finding.firstSeenAt });
      });

      it('stores one finding when the same report arrives concurrently', async () => {
        const finding = aFinding({ externalId: unique('qualys') });
        const outcomes = await Promise.all(Array.from({ length: 6 }, () => findings().upsert(finding)));
        expect(outcomes.filter((outcome) => outcome === 'inserted')).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome === 'stale')).toHaveLength(5);
      });

      it("pages through an asset's open findings", async () => {
        const assetId = unique('asset');
        const open = Array.from({ length: 5 }, (_, i) => aFinding({ assetId, source: i % 2 === 0 ? 'nessus' : 'qualys', externalId: `f-${i}` }));
        for (const finding of [...open, aFinding({ assetId, externalId: 'f-closed', status: 'resolved', cve: undefined })]) {
          await findings().upsert(finding);
        }
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await findings().openForAsset(assetId, 2, after);
          if (!page.ok) throw new Error(page.error.message);
          seen.push(...page.value.items.map((item) => `${item.source}/${item.externalId}`));
          after = page.value.next;
        } while (after !== undefined);
        expect(seen).toEqual(['nessus/f-0', 'nessus/f-2', 'nessus/f-4', 'qualys/f-1', 'qualys/f-3']);
      });
    });

    describe('SqlJobRunRepository', () => {
      const runs = () => new SqlJobRunRepository(testDb.database);

      it('starts a run once however often the trigger fires', async () => {
        const job = unique('daily');
        const outcomes = await Promise.all(Array.from({ length: 5 }, () => runs().start(job, '2027-01-02', '2027-01-02T06:00:00Z')));
        expect(outcomes.filter((outcome) => outcome === 'started')).toHaveLength(1);
        expect(await runs().get(job, '2027-01-02')).toEqual({
          job,
          runKey: '2027-01-02',
          startedAt: '2027-01-02T06:00:00.000Z',
          checkpointVersion: 0,
          processed: 0,
        });
      });

      it('advances the checkpoint by compare-and-set and closes the run once', async () => {
        const job = unique('daily');
        await runs().start(job, 'r1', '2027-01-02T06:00:00Z');
        expect(await runs().checkpoint(job, 'r1', 0, { checkpoint: 'SEC-40', processed: 40 })).toBe('saved');
        expect(await runs().checkpoint(job, 'r1', 0, { checkpoint: 'SEC-41', processed: 41 })).toBe('conflict');
        expect(await runs().finish(job, 'r1', { at: '2027-01-02T06:05:00Z', outcome: 'succeeded', summary: '40 reminders' })).toBe('finished');
        expect(await runs().finish(job, 'r1', { at: '2027-01-02T06:06:00Z', outcome: 'failed', summary: 'again' })).toBe('not-running');
        expect(await runs().checkpoint(job, 'r1', 1, { checkpoint: 'SEC-50', processed: 50 })).toBe('conflict');
        expect(await runs().finish(job, 'never-started', { at: '2027-01-02T06:06:00Z', outcome: 'failed', summary: '' })).toBe(
          'not-running',
        );
        expect(await runs().get(job, 'r1')).toEqual({
          job,
          runKey: 'r1',
          startedAt: '2027-01-02T06:00:00.000Z',
          finishedAt: '2027-01-02T06:05:00.000Z',
          outcome: 'succeeded',
          checkpoint: 'SEC-40',
          checkpointVersion: 1,
          processed: 40,
          summary: '40 reminders',
        });
      });

      it('lists the most recent runs of a job first', async () => {
        const job = unique('weekly');
        for (const day of ['2027-01-01', '2027-01-08', '2027-01-15']) await runs().start(job, day, `${day}T03:00:00Z`);
        expect((await runs().recent(job, 2)).map((run) => run.runKey)).toEqual(['2027-01-15', '2027-01-08']);
      });
    });
  });
};
