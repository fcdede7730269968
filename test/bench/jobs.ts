import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SqlDatabase } from '../../src/adapters/sql/database';
import { runMigrations } from '../../src/adapters/sql/migrate';
import { registerChildRowsOf, registerRowOf } from '../../src/adapters/sql/register-row';
import type { Database } from '../../src/adapters/sql/schema';
import { EXPIRY_JOB } from '../../src/app/jobs/expiry-job';
import { REMINDER_JOB } from '../../src/app/jobs/reminder-job';
import { REVIEW_JOB } from '../../src/app/jobs/review-job';
import { runDailyJobs } from '../../src/app/jobs/scheduled-jobs';
import { createJobWorld, PEOPLE, type JobWorld } from '../../src/app/jobs/testing/job-world';
import type { RegisterEntry } from '../../src/app/ports/register-repository';
import { REPORT_JOB } from '../../src/app/reports/monthly-report-job';
import type { Status } from '../../src/domain/exception/security-exception';
import { addCalendarDays } from '../../src/domain/shared/dates';
import { emit, explainSteps } from './figures';

/**
 * The daily sweep at 10k and 100k exceptions with 1% due, on a SQLite file and the Jira stand-in through the local
 * Forge runtime, with the production adapters. Printed as JSON lines: wall time, SQL statements (counted by a
 * Kysely log hook) and Jira requests (counted at the stand-in), split into actions, paging and look-ups.
 * Of the due exceptions 40% expire, 40% cross their 14-day reminder and 20% fall overdue for review; the others are
 * in steady state (yesterday's run succeeded). Exits non-zero when the sweep did not do exactly the due work, or a
 * SELECT scans a table without an index.
 * Run with `npx tsx test/bench/jobs.ts`.
 */

const SIZES = [10_000, 100_000] as const;
const DUE_SHARE = 0.01;
const TODAY = '2027-01-16';
const RUN_AT = `${TODAY}T06:00:00.000Z`;
const YESTERDAY_RUN = `${addCalendarDays(TODAY, -1)}T06:00:00.000Z`;
const BATCH_SIZE = 50;

type StatementLog = { count: number; selects: number; writes: number; distinctSelects: Set<string> };

const countingDatabase = (filename: string, log: StatementLog): SqlDatabase => {
  const sqlite = new BetterSqlite3(filename);
  sqlite.pragma('journal_mode = WAL');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level !== 'query') return;
      const text = event.query.sql;
      log.count += 1;
      if (/^\s*select/i.test(text)) {
        log.selects += 1;
        log.distinctSelects.add(text);
      } else {
        log.writes += 1;
      }
    },
  });
  return { dialect: 'sqlite', db, migrate: () => runMigrations(db), destroy: () => db.destroy() };
};

/** Steady-state exceptions nothing is due for today: in force for months yet, reviewed, or long closed. */
const backgroundEntry = (n: number): RegisterEntry => {
  const closed: readonly Status[] = ['expired', 'expired', 'remediated', 'revoked', 'superseded', 'rejected', 'withdrawn'];
  const active = n % 10 < 6;
  const status: Status = active ? 'active' : (closed[n % closed.length] ?? 'expired');
  const changed = `${addCalendarDays(TODAY, -40 - (n % 300))}T09:00:00.000Z`;
  return {
    issueKey: `OLD-${n}`,
    projectKey: 'OLD',
    title: `Exception ${n}: deferred patch on a vendor appliance`,
    kind: 'vulnerability-sla',
    status,
    tier: 'low',
    riskScore: (n % 90) / 10,
    requester: `acc-requester-${n % 400}`,
    assetOwner: `acc-owner-${n % 150}`,
    businessUnit: `Unit ${n % 25}`,
    assetIds: [`asset-${n % 20_000}`],
    controlReferences: [{ framework: 'SOC2', id: 'CC7.1' }],
    approvers: ['acc-lead'],
    ...(active ? { expiresOn: addCalendarDays(TODAY, 31 + (n % 370)), activatedAt: changed, nextReviewDue: addCalendarDays(TODAY, 5 + (n % 80)) } : {}),
    statusChangedAt: changed,
    lacksControls: n % 13 === 0,
    renewalCount: 0,
    contentHash: n.toString(16).padStart(64, '0'),
    jiraUpdatedAt: changed,
  };
};

const insertBackground = (filename: string, count: number): void => {
  const sqlite = new BetterSqlite3(filename);
  try {
    const revision = '00000000-0000-4000-8000-000000000000';
    const entries = Array.from({ length: count }, (_, i) => backgroundEntry(i + 1));
    const rows = entries.map((entry) => registerRowOf(entry, revision, 1));
    const assets = entries.flatMap((entry) => registerChildRowsOf(entry, revision).assets);
    const insertAll = <R extends object>(table: string, items: readonly R[]) => {
      const [first] = items;
      if (first === undefined) return;
      const columns = Object.keys(first);
      const insert = sqlite.prepare<[R]>(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
      sqlite.transaction(() => items.forEach((item) => insert.run(item)))();
    };
    insertAll('exception_register', rows);
    insertAll('exception_assets', assets);
  } finally {
    sqlite.close();
  }
};

/** The due 1%, as real issues in Jira and entries in the register; yesterday's runs and last month's report done. */
const seedDue = async (world: JobWorld, due: number): Promise<{ expiring: number; reminded: number; overdue: number }> => {
  const expiring = Math.round(due * 0.4);
  const reminded = Math.round(due * 0.4);
  const overdue = due - expiring - reminded;
  const lead = [{ levelId: 'security-lead', approver: PEOPLE.lead }];
  for (let i = 0; i < expiring; i += 1) {
    await world.seedException({ expiresOn: addCalendarDays(TODAY, -1), requestedExpiry: addCalendarDays(TODAY, -1), approvedBy: lead, attestedQuarters: ['2027-Q1'] });
  }
  for (let i = 0; i < reminded; i += 1) {
    await world.seedException({ expiresOn: addCalendarDays(TODAY, 14), requestedExpiry: addCalendarDays(TODAY, 14), approvedBy: lead, attestedQuarters: ['2027-Q1'] });
  }
  for (let i = 0; i < overdue; i += 1) {
    await world.seedException({ expiresOn: '2027-06-30', requestedExpiry: '2027-06-30', activatedAt: '2026-10-01T10:00:00.000Z', attestedQuarters: ['2026-Q4'] });
  }
  for (const job of [EXPIRY_JOB, REMINDER_JOB, REVIEW_JOB]) {
    await world.runs.start(job, addCalendarDays(TODAY, -1), YESTERDAY_RUN);
    await world.runs.finish(job, addCalendarDays(TODAY, -1), { at: YESTERDAY_RUN, outcome: 'succeeded', summary: '{}' });
  }
  const empty = { count: 0, items: [] };
  await world.reports.save({
    month: '2026-12',
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
    generatedAt: '2027-01-01T06:00:00.000Z',
    riskThreshold: 7,
    sections: { lackingControls: empty, aboveRiskThreshold: empty, overdueReviews: empty, expiringNextMonth: empty },
  });
  await world.ledger.recordOnce({ key: 'notify:report:2026-12', kind: 'notice.monthly-report', issueKey: world.reportIssueKey, at: '2027-01-01T06:00:00.000Z' });
  await world.runs.start(REPORT_JOB, `2026-12/${addCalendarDays(TODAY, -1)}`, YESTERDAY_RUN);
  await world.runs.finish(REPORT_JOB, `2026-12/${addCalendarDays(TODAY, -1)}`, { at: YESTERDAY_RUN, outcome: 'succeeded', summary: '{}' });
  return { expiring, reminded, overdue };
};

const plansOf = async (database: SqlDatabase, statements: Iterable<string>): Promise<{ sql: string; plan: string; indexed: boolean }[]> => {
  const plans = [];
  for (const text of statements) {
    const steps = await explainSteps(database, text);
    plans.push({ sql: text, plan: steps.join('; '), indexed: steps.every((step) => !/^SCAN /.test(step) || /USING (COVERING )?INDEX/.test(step)) });
  }
  return plans;
};

const benchSweep = async (directory: string, size: number): Promise<boolean> => {
  const filename = join(directory, `jobs-${size}.db`);
  const log: StatementLog = { count: 0, selects: 0, writes: 0, distinctSelects: new Set() };
  const database = countingDatabase(filename, log);
  await database.migrate();
  const due = Math.round(size * DUE_SHARE);
  const seeded = performance.now();
  insertBackground(filename, size - due);
  const world = await createJobWorld({ start: '2027-01-10T06:00:00.000Z', database, batchSize: BATCH_SIZE });
  try {
    const mix = await seedDue(world, due);
    emit({ figure: 'jobs-seed', entries: size, due, ms: Math.round(performance.now() - seeded) });

    world.jira.clock.set(new Date(RUN_AT));
    world.calls.length = 0;
    Object.assign(log, { count: 0, selects: 0, writes: 0, distinctSelects: new Set<string>() });
    const started = performance.now();
    const results = await world.runtime.runAs(null, () => runDailyJobs(world.deps({ invocationId: `bench-${size}` })));
    const wallMs = Math.round(performance.now() - started);

    const calls = world.calls;
    const count = (test: (call: { method: string; path: string }) => boolean) => calls.filter(test).length;
    const transitions = count((c) => c.method === 'POST' && c.path.endsWith('/transitions'));
    const notices = count((c) => c.path.endsWith('/notify'));
    const paging = count((c) => c.path.endsWith('/bulkfetch'));
    const lookups = calls.length - transitions - notices - paging;
    const expectedActions = mix.expiring * 2 + mix.reminded * 2 + mix.overdue;
    const finished = results.every((run) => run.result.status === 'finished' && run.result.outcome === 'succeeded');
    const plans = await plansOf(database, log.distinctSelects);
    const unindexed = plans.filter((plan) => !plan.indexed);
    emit({
      figure: 'daily-sweep',
      engine: 'sqlite',
      entries: size,
      due,
      wallMs,
      runs: results.map((run) => ({ job: run.job, status: run.result.status, ...(run.result.status === 'finished' ? run.result.summary : {}) })),
      jira: { requests: calls.length, actions: transitions + notices, transitions, notices, paging, lookups, expectedActions },
      sql: { statements: log.count, selects: log.selects, writes: log.writes, selectsPerDue: Math.round((log.selects / due) * 100) / 100, distinctSelects: plans.length },
      allSelectsIndexed: unindexed.length === 0,
      ...(unindexed.length === 0 ? {} : { unindexed }),
    });
    return finished && transitions + notices === expectedActions && unindexed.length === 0;
  } finally {
    await world.close();
  }
};

const main = async (): Promise<void> => {
  const directory = mkdtempSync(join(tmpdir(), 'exception-register-jobs-bench-'));
  let sound = true;
  try {
    for (const size of SIZES) sound = (await benchSweep(directory, size)) && sound;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  if (!sound) {
    process.stderr.write('The daily sweep did not do exactly the due work, or a SELECT scanned a table without an index.\n');
    process.exitCode = 1;
  }
};

void main();
