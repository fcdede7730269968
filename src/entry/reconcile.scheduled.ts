import { getISOWeek, getISOWeekYear } from 'date-fns';
import { reconcileRegister, unfinishedReconcileRun, type ReconcileOutcome } from '../app/reconcile/reconcile-register';
import { openStorage, reconcileDeps } from './composition/invocation-deps';
import { forgePlatform, type Platform } from './composition/platform';
import { logLine } from './log-line';
import { SCHEDULED_DONE, scheduledRequestSchema } from './scheduled-request';

/**
 * The weekly reconcile (`scheduledTrigger`, interval week), and its continuation from the hourly trigger: a run
 * that outgrows one invocation stops at its checkpoint, and the next hourly invocation carries it on.
 */

/** Time kept back for the last page (up to 100 issues) and the checkpoint, within a 900 s function. */
const STOP_WHEN_MS_LEFT = 90_000;

/** One run per ISO week, e.g. `2026-W10`: a doubly fired trigger continues the week's run instead of starting another. */
export const weekRunKey = (now: Date): string => `${getISOWeekYear(now)}-W${String(getISOWeek(now)).padStart(2, '0')}`;

const run = async (platform: Platform, runKey: string): Promise<ReconcileOutcome> => {
  const outcome = await reconcileRegister(await reconcileDeps(platform), {
    runKey,
    now: () => platform.now().toISOString(),
    hasTimeFor: () => platform.remainingMs() > STOP_WHEN_MS_LEFT,
  });
  if (outcome.kind === 'completed' || outcome.kind === 'paused' || outcome.kind === 'failed') {
    const { report } = outcome;
    logLine(outcome.kind === 'failed' ? 'error' : 'info', 'reconcile', `reconcile ${outcome.kind}`, {
      runKey,
      inserted: report.inserted,
      updated: report.updated,
      removed: report.removed,
      unchanged: report.unchanged,
      skipped: report.skipped,
      fieldsWritten: report.fieldsWritten,
      fieldsFailed: report.fieldsFailed,
      failed: report.failedCount,
      ...(outcome.kind === 'completed' ? {} : { reason: outcome.reason }),
    });
  }
  return outcome;
};

export const runWeeklyReconcile = (platform: Platform): Promise<ReconcileOutcome> => run(platform, weekRunKey(platform.now()));

/** Carries on a run that stopped at its checkpoint; null when the latest run finished. */
export const continueReconcile = async (platform: Platform): Promise<ReconcileOutcome | null> => {
  const runKey = await unfinishedReconcileRun(openStorage(platform).jobRuns);
  return runKey === null ? null : run(platform, runKey);
};

export const weeklyReconcileHandler =
  (platform: Platform) =>
  async (request: unknown): Promise<typeof SCHEDULED_DONE> => {
    scheduledRequestSchema.parse(request);
    await runWeeklyReconcile(platform);
    return SCHEDULED_DONE;
  };

/** The Forge function of the weekly `weekly-reconcile` scheduled trigger. */
export const weeklyReconcile = weeklyReconcileHandler(forgePlatform);
