import BetterSqlite3 from 'better-sqlite3';
import type { RegisterEntry } from '../../src/app/ports/register-repository';
import { auditRowOf } from '../../src/adapters/sql/audit-row';
import { registerChildRowsOf, registerRowOf } from '../../src/adapters/sql/register-row';
import type { AuditEntry } from '../../src/domain/audit/audit-entry';
import { EXCEPTION_KINDS, TIERS, type Status } from '../../src/domain/exception/security-exception';
import { addCalendarDays } from '../../src/domain/shared/dates';

/**
 * Benchmark data, generated deterministically and written through a second connection to the database file
 * with one prepared statement per table inside one transaction (seeding only: the repositories never use
 * transactions). Rows go through the same row mappers the repositories use, so the data is what production
 * writes.
 */

/** A small deterministic generator (mulberry32), so every run measures the same data. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('cannot pick from an empty list');
  return item;
};

/** A register shaped like a large installation: most entries in one project, a realistic status mix. */
const STATUS_MIX: readonly Status[] = [
  ...Array<Status>(45).fill('active'),
  ...Array<Status>(20).fill('expired'),
  ...Array<Status>(8).fill('remediated'),
  ...Array<Status>(6).fill('awaiting-approval'),
  ...Array<Status>(5).fill('submitted'),
  ...Array<Status>(4).fill('risk-review'),
  ...Array<Status>(4).fill('draft'),
  ...Array<Status>(4).fill('revoked'),
  ...Array<Status>(2).fill('rejected'),
  ...Array<Status>(2).fill('superseded'),
];
const PROJECTS = ['SEC', 'SEC', 'SEC', 'SEC', 'OPS', 'RISK'];

export const BENCH_TODAY = '2027-01-15';

const dayCache = new Map<number, string>();
const dayFromToday = (offset: number): string => {
  const cached = dayCache.get(offset);
  if (cached !== undefined) return cached;
  const day = addCalendarDays(BENCH_TODAY, offset);
  dayCache.set(offset, day);
  return day;
};

export const benchEntry = (random: () => number, n: number): RegisterEntry => {
  const status = pick(random, STATUS_MIX);
  const project = pick(random, PROJECTS);
  const dated = status !== 'draft' && status !== 'submitted' && status !== 'risk-review' && status !== 'awaiting-approval';
  const changedDaysAgo = Math.floor(random() * 200);
  const statusChangedAt = `${dayFromToday(-changedDaysAgo)}T09:00:00.000Z`;
  return {
    issueKey: `${project}-${n}`,
    projectKey: project,
    title: `Exception ${n}: deferred patch on a vendor appliance`,
    kind: pick(random, EXCEPTION_KINDS),
    status,
    tier: pick(random, TIERS),
    riskScore: Math.round(random() * 100) / 10,
    requester: `acc-requester-${Math.floor(random() * 400)}`,
    assetOwner: `acc-owner-${Math.floor(random() * 150)}`,
    businessUnit: `Unit ${Math.floor(random() * 25)}`,
    assetIds: [`asset-${Math.floor(random() * 20000)}`, ...(random() < 0.3 ? [`asset-${Math.floor(random() * 20000)}`] : [])],
    controlReferences: [{ framework: 'SOC2', id: `CC${1 + Math.floor(random() * 9)}.${1 + Math.floor(random() * 5)}` }],
    approvers: ['acc-security-lead'],
    ...(dated ? { expiresOn: dayFromToday(Math.floor(random() * 400) - 120) } : {}),
    ...(dated ? { activatedAt: statusChangedAt, nextReviewDue: dayFromToday(Math.floor(random() * 120) - 30) } : {}),
    statusChangedAt,
    lacksControls: random() < 0.1,
    renewalCount: random() < 0.15 ? 1 : 0,
    contentHash: n.toString(16).padStart(64, '0'),
    jiraUpdatedAt: statusChangedAt,
  };
};

/** Inserts `rows` (all with the same columns) into `table` of the database file, in one transaction. */
const insertRows = <R extends object>(filename: string, table: string, rows: readonly R[]): void => {
  const [first] = rows;
  if (first === undefined) return;
  const columns = Object.keys(first);
  const db = new BetterSqlite3(filename);
  try {
    const insert = db.prepare<[R]>(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
    db.transaction(() => rows.forEach((row) => insert.run(row)))();
  } finally {
    db.close();
  }
};

export const seedRegister = (filename: string, count: number, seed = 42): void => {
  const random = seededRandom(seed);
  const entries = Array.from({ length: count }, (_, i) => benchEntry(random, i + 1));
  const revision = '00000000-0000-4000-8000-000000000000';
  insertRows(filename, 'exception_register', entries.map((entry) => registerRowOf(entry, revision, 1)));
  const children = entries.map((entry) => registerChildRowsOf(entry, revision));
  insertRows(filename, 'exception_assets', children.flatMap((child) => child.assets));
  insertRows(filename, 'exception_controls', children.flatMap((child) => child.controls));
};

export const seedAuditChain = (filename: string, entries: readonly AuditEntry[]): void => {
  insertRows(filename, 'audit_chain', entries.map(auditRowOf));
};
