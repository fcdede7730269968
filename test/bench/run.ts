import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Compilable } from 'kysely';
import type { DueQuery, RegisterPageRequest } from '../../src/app/ports/register-repository';
import { createDatabase, type SqlDatabase } from '../../src/adapters/sql/database';
import { dueCountQuery, filteredRegister } from '../../src/adapters/sql/register-queries';
import { SqlAuditStore } from '../../src/adapters/sql/sql-audit-store';
import { SqlRegisterRepository } from '../../src/adapters/sql/sql-register-repository';
import { directoryOf } from '../../src/app/audit/testing/test-signer';
import { verifyAuditChain } from '../../src/app/audit/verify-audit-chain';
import { signedBytes, verifyChain } from '../../src/domain/audit/audit-chain';
import { buildSignedChain } from '../../src/domain/audit/testing/signed-chain';
import { addCalendarDays } from '../../src/domain/shared/dates';
import { BENCH_TODAY, seedAuditChain, seedRegister } from './seed';
import { emit, explainSteps, summary } from './figures';

/**
 * Storage benchmarks on SQLite (a database file, as the sandbox uses), printed as one JSON line per figure.
 * Figures, not assertions: the only failures are a due query that does not use an index and a chain that
 * does not verify, because those are wrong answers rather than slow ones.
 * Run with `npx tsx test/bench/run.ts`.
 */
const PAGE_RUNS = 60;
const WARM_UP_RUNS = 5;
const REGISTER_SIZES = [10_000, 100_000] as const;
const AUDIT_ENTRIES = 100_000;

const timed = async <T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
};

const sample = async (runs: number, run: () => Promise<unknown>): Promise<number[]> => {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push((await timed(run)).ms);
  return samples;
};

const queryPlan = async (database: SqlDatabase, query: Compilable): Promise<string[]> => {
  const compiled = query.compile();
  return explainSteps(database, compiled.sql, compiled.parameters);
};

/** Every table access in the plan goes through an index: no full scan of a table. */
const usesIndexOnly = (plan: readonly string[]): boolean =>
  plan.length > 0 && plan.every((step) => !/^SCAN /.test(step) || /USING (COVERING )?INDEX/.test(step));

const PAGE_SCENARIOS: readonly { readonly name: string; readonly request: RegisterPageRequest }[] = [
  {
    name: 'active in one project, soonest expiry first',
    request: { filter: { projectKey: 'SEC', statuses: ['active'] }, sort: { by: 'expiresOn', direction: 'asc' }, limit: 50 },
  },
  {
    name: 'critical tier in one project, highest risk first',
    request: { filter: { projectKey: 'SEC', tiers: ['critical'] }, sort: { by: 'riskScore', direction: 'desc' }, limit: 50 },
  },
];

const DUE_QUERIES: readonly DueQuery[] = [
  { kind: 'expired', today: BENCH_TODAY },
  { kind: 'expiring', onOrBefore: addCalendarDays(BENCH_TODAY, 30) },
  { kind: 'review', onOrBefore: BENCH_TODAY },
  { kind: 'stalled', since: `${addCalendarDays(BENCH_TODAY, -7)}T00:00:00.000Z` },
];

const benchRegister = async (directory: string, size: number): Promise<boolean> => {
  const filename = join(directory, `register-${size}.db`);
  const database = createDatabase({ dialect: 'sqlite', filename });
  let sound = true;
  try {
    await database.migrate();
    const seeded = await timed(() => Promise.resolve(seedRegister(filename, size)));
    emit({ figure: 'seed-register', engine: 'sqlite', entries: size, ms: Math.round(seeded.ms) });
    const repository = new SqlRegisterRepository(database);

    for (const scenario of PAGE_SCENARIOS) {
      const samples = await sample(PAGE_RUNS, async () => {
        const page = await repository.page(scenario.request);
        if (!page.ok || page.value.items.length === 0) throw new Error(`the page "${scenario.name}" came back empty`);
      });
      const plan = await queryPlan(database, filteredRegister(database.db, scenario.request.filter).selectAll('e'));
      emit({
        figure: 'register-first-page',
        engine: 'sqlite',
        entries: size,
        scenario: scenario.name,
        pageSize: scenario.request.limit,
        runs: PAGE_RUNS,
        ...summary(samples),
        targetP95Ms: 50,
        plan: plan.join('; '),
      });
    }

    if (size === 100_000) {
      for (const query of DUE_QUERIES) {
        const count = await repository.countDue(query);
        const samples = await sample(PAGE_RUNS, () => repository.countDue(query));
        const plan = await queryPlan(database, dueCountQuery(database.db, query));
        const indexed = usesIndexOnly(plan);
        sound &&= indexed;
        emit({ figure: 'due-count', engine: 'sqlite', entries: size, due: query, count, runs: PAGE_RUNS, ...summary(samples), usesIndex: indexed, plan: plan.join('; ') });
      }
    }
  } finally {
    await database.destroy();
  }
  return sound;
};

const benchAuditVerification = async (directory: string): Promise<boolean> => {
  const built = await timed(() => Promise.resolve(buildSignedChain(AUDIT_ENTRIES)));
  const chain = built.value;
  emit({ figure: 'seed-audit-chain', entries: AUDIT_ENTRIES, ms: Math.round(built.ms), note: 'hash + Ed25519 sign per entry' });

  // The ceiling per-entry signatures put on verification on this machine, to read the figures below against.
  const publicKey = createPublicKey(chain.key.publicKeyPem);
  const baselineEntries = chain.entries.slice(0, 10_000);
  const baseline = await timed(() =>
    Promise.resolve(baselineEntries.every((entry) => verify(null, signedBytes(entry.hash), publicKey, Buffer.from(entry.signature, 'base64')))),
  );
  emit({
    figure: 'ed25519-verify-baseline',
    signatures: baselineEntries.length,
    ms: Math.round(baseline.ms),
    signaturesPerSecond: Math.round(baselineEntries.length / (baseline.ms / 1000)),
  });

  // Full mode checks every signature; fast mode re-hashes every link and checks the last signature of each key
  // run, bisecting only when one fails (a valid signature on entry n vouches for 1..n through the hash chain).
  let sound = true;
  for (const mode of ['full', 'fast'] as const) {
    const verified = await timed(() => Promise.resolve(verifyChain(chain.entries, chain.publicKeysPem, { mode })));
    const ok = verified.value.ok && verified.value.count === AUDIT_ENTRIES;
    sound &&= ok;
    emit({
      figure: 'audit-verify',
      engine: 'in-memory',
      mode,
      entries: AUDIT_ENTRIES,
      ms: Math.round(verified.ms),
      entriesPerSecond: Math.round(AUDIT_ENTRIES / (verified.ms / 1000)),
      targetEntriesPerSecond: 50_000,
      verified: ok,
    });
  }

  const filename = join(directory, 'audit.db');
  const database = createDatabase({ dialect: 'sqlite', filename });
  try {
    await database.migrate();
    seedAuditChain(filename, chain.entries);
    const pageSize = 1000;
    for (const mode of ['full', 'fast'] as const) {
      const report = await timed(() => verifyAuditChain({ store: new SqlAuditStore(database), keys: directoryOf(chain.key) }, { pageSize, mode }));
      sound &&= report.value.verification.ok;
      emit({
        figure: 'audit-verify',
        engine: 'sqlite',
        mode,
        entries: AUDIT_ENTRIES,
        pageSize,
        ms: Math.round(report.ms),
        entriesPerSecond: Math.round(AUDIT_ENTRIES / (report.ms / 1000)),
        targetEntriesPerSecond: 50_000,
        verified: report.value.verification.ok,
      });
    }
  } finally {
    await database.destroy();
  }
  return sound;
};

const main = async (): Promise<void> => {
  const directory = mkdtempSync(join(tmpdir(), 'storage-bench-'));
  try {
    let sound = true;
    for (const size of REGISTER_SIZES) sound = (await benchRegister(directory, size)) && sound;
    sound = (await benchAuditVerification(directory)) && sound;
    if (!sound) process.exitCode = 1;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

void main();
