import type { JobRun, JobRunRepository } from '../../app/ports/job-run-repository';
import type { SqlDatabase } from './database';
import { toDbInstant } from './db-values';
import { jobRunOf, jobRunRowOf } from './job-run-row';
import { clampPageSize } from './page-limit';
import { insertOnce, storageCall } from './sql-errors';

/**
 * Job runs and their checkpoints on SQL. (job, run key) is the primary key, so a doubly fired trigger starts
 * one run; checkpoints and the final outcome are conditional updates whose affected-row count decides.
 */
export class SqlJobRunRepository implements JobRunRepository {
  constructor(private readonly database: SqlDatabase) {}

  async start(job: string, runKey: string, at: string): Promise<'started' | 'already-started'> {
    const row = jobRunRowOf({ job, runKey, startedAt: at, checkpointVersion: 0, processed: 0 });
    const outcome = await insertOnce('start job run', () => this.database.db.insertInto('job_runs').values(row).execute());
    return outcome === 'inserted' ? 'started' : 'already-started';
  }

  async get(job: string, runKey: string): Promise<JobRun | null> {
    const row = await storageCall('read job run', () =>
      this.database.db.selectFrom('job_runs').selectAll().where('job', '=', job).where('run_key', '=', runKey).executeTakeFirst(),
    );
    return row === undefined ? null : jobRunOf(row);
  }

  async checkpoint(
    job: string,
    runKey: string,
    expectedVersion: number,
    position: { readonly checkpoint: string; readonly processed: number },
  ): Promise<'saved' | 'conflict'> {
    const result = await storageCall('save job checkpoint', () =>
      this.database.db
        .updateTable('job_runs')
        .set({ checkpoint: position.checkpoint, processed: position.processed, checkpoint_version: expectedVersion + 1 })
        .where('job', '=', job)
        .where('run_key', '=', runKey)
        .where('checkpoint_version', '=', expectedVersion)
        .where('finished_at', 'is', null)
        .executeTakeFirst(),
    );
    return result.numUpdatedRows === 1n ? 'saved' : 'conflict';
  }

  async finish(
    job: string,
    runKey: string,
    outcome: { readonly at: string; readonly outcome: 'succeeded' | 'failed'; readonly summary: string },
  ): Promise<'finished' | 'not-running'> {
    const result = await storageCall('finish job run', () =>
      this.database.db
        .updateTable('job_runs')
        .set({ finished_at: toDbInstant(outcome.at), outcome: outcome.outcome, summary: outcome.summary })
        .where('job', '=', job)
        .where('run_key', '=', runKey)
        .where('finished_at', 'is', null)
        .executeTakeFirst(),
    );
    return result.numUpdatedRows === 1n ? 'finished' : 'not-running';
  }

  async recent(job: string, limit: number): Promise<JobRun[]> {
    const rows = await storageCall('read recent job runs', () =>
      this.database.db
        .selectFrom('job_runs')
        .selectAll()
        .where('job', '=', job)
        .orderBy('started_at', 'desc')
        .orderBy('run_key', 'desc')
        .limit(clampPageSize(limit))
        .execute(),
    );
    return rows.map(jobRunOf);
  }
}
