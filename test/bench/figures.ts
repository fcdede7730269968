import { CompiledQuery } from 'kysely';
import type { SqlDatabase } from '../../src/adapters/sql/database';

/** How every benchmark reports: one JSON line per figure on stdout, times in ms to two decimals. */

export const emit = (figure: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
};

export const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Median and nearest-rank 95th percentile of the samples, in ms. */
export const summary = (samples: readonly number[]): { medianMs: number; p95Ms: number } => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
};

const placeholdersOf = (sql: string): string[] => Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 'x');

/** SQLite's plan of a statement, one row per step; by default 'x' for every parameter (the plan of an equality search does not depend on it). */
export const explainSteps = async (database: SqlDatabase, sql: string, parameters: readonly unknown[] = placeholdersOf(sql)): Promise<string[]> => {
  const plan = await database.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${sql}`, [...parameters]));
  return plan.rows.map((row) => row.detail);
};
