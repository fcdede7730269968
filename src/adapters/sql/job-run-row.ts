import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { JobRun } from '../../app/ports/job-run-repository';
import { dbInteger, optionalText, toDbInstant } from './db-values';
import { parseRow } from './sql-errors';
import type { JobRunsTable } from './schema';

/** Pure mapping between job runs and rows; after the first insert, runs change by conditional updates. */
export const jobRunRowOf = (run: JobRun): Insertable<JobRunsTable> => ({
  job: run.job,
  run_key: run.runKey,
  started_at: toDbInstant(run.startedAt),
  finished_at: run.finishedAt === undefined ? null : toDbInstant(run.finishedAt),
  outcome: run.outcome ?? null,
  checkpoint: run.checkpoint ?? null,
  checkpoint_version: run.checkpointVersion,
  processed: run.processed,
  summary: run.summary ?? null,
});

const jobRunRowSchema = z
  .object({
    job: z.string(),
    run_key: z.string(),
    started_at: z.string(),
    finished_at: optionalText,
    outcome: z
      .enum(['succeeded', 'failed'])
      .nullable()
      .transform((value) => value ?? undefined),
    checkpoint: optionalText,
    checkpoint_version: dbInteger,
    processed: dbInteger,
    summary: optionalText,
  })
  .transform(
    (row): JobRun => ({
      job: row.job,
      runKey: row.run_key,
      startedAt: row.started_at,
      ...(row.finished_at === undefined ? {} : { finishedAt: row.finished_at }),
      ...(row.outcome === undefined ? {} : { outcome: row.outcome }),
      ...(row.checkpoint === undefined ? {} : { checkpoint: row.checkpoint }),
      checkpointVersion: row.checkpoint_version,
      processed: row.processed,
      ...(row.summary === undefined ? {} : { summary: row.summary }),
    }),
  );

export const jobRunOf = (row: unknown): JobRun => parseRow(jobRunRowSchema, row, 'job_runs');
