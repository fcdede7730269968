import type { ScheduledRunResult } from '../../app/jobs/scheduled-jobs';
import { logLine } from '../log-line';

/** Which job runs did what, for a handler's answer and tests: `{ job, status }` in the order they ran. */
export const jobStatuses = (results: readonly ScheduledRunResult[]): { job: string; status: string }[] =>
  results.map((run) => ({ job: run.job, status: run.result.status }));

/**
 * Logs the runs someone has to look at: a run that finished with failures (its record in SQL holds the details), and
 * one handed to the continuation queue. Routine runs are not logged; Forge keeps few log lines per minute.
 */
export const logJobResults = (handler: string, results: readonly ScheduledRunResult[]): void => {
  for (const { job, runKey, result } of results) {
    if (result.status === 'finished' && result.outcome === 'failed') {
      const { acted, skipped, failed, failures } = result.summary;
      const codes = [...new Set(failures.map((failure) => failure.code))].join(',');
      logLine('error', handler, 'job run finished with failures', { job, runKey, acted, skipped, failed, codes });
    } else if (result.status === 'continue-later') {
      logLine('info', handler, 'job run continues from the queue', { job, runKey });
    }
  }
};
