/**
 * Runs of the scheduled jobs. A run is named by its job and a run key (e.g. the policy day it covers), so a
 * trigger that fires twice starts the run once; a run that needs several invocations resumes from its
 * checkpoint, and checkpoints advance by compare-and-set so two invocations never process the same slice.
 */
export type JobRun = {
  readonly job: string;
  readonly runKey: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly outcome?: 'succeeded' | 'failed';
  /** Opaque position reached so far (e.g. the last issue key processed); absent before the first slice. */
  readonly checkpoint?: string;
  /** Grows with every checkpoint; a checkpoint names the one it read. */
  readonly checkpointVersion: number;
  readonly processed: number;
  readonly summary?: string;
};

export interface JobRunRepository {
  start(job: string, runKey: string, at: string): Promise<'started' | 'already-started'>;
  get(job: string, runKey: string): Promise<JobRun | null>;
  checkpoint(
    job: string,
    runKey: string,
    expectedVersion: number,
    position: { readonly checkpoint: string; readonly processed: number },
  ): Promise<'saved' | 'conflict'>;
  /** Closes a run once; a second close, or closing a run never started, reports 'not-running'. */
  finish(
    job: string,
    runKey: string,
    outcome: { readonly at: string; readonly outcome: 'succeeded' | 'failed'; readonly summary: string },
  ): Promise<'finished' | 'not-running'>;
  /** The most recent runs of a job, newest first. */
  recent(job: string, limit: number): Promise<JobRun[]>;
}
