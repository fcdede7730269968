import { z } from 'zod';

/**
 * Where a reconcile run stands, kept as its job checkpoint so a run cut off by its time limit (or killed) goes on
 * from there. First every exception issue in Jira is re-projected (`jira`, by issue key, `lastKey` done); then
 * every register row is checked for an issue that no longer exists (`register`, project by project).
 */

export const RECONCILE_JOB = 'reconcile-register';

/** At most this many failures are listed; `failedCount` counts them all. */
export const MAX_LISTED_FAILURES = 100;

const countsSchema = z.object({
  inserted: z.number().int().min(0),
  updated: z.number().int().min(0),
  removed: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  skipped: z.number().int().min(0),
  // Checkpoints saved before the computed fields were written hold no such counts; their runs go on from zero.
  /** Issues whose computed fields (risk score, tier, approval state) the run wrote because Jira held other values. */
  fieldsWritten: z.number().int().min(0).default(0),
  /** Issues whose computed fields could not be written; their register entries were still projected. */
  fieldsFailed: z.number().int().min(0).default(0),
});
export type ReconcileCounts = z.infer<typeof countsSchema>;

const failureSchema = z.object({ key: z.string(), reason: z.string() });
export type ReconcileFailure = z.infer<typeof failureSchema>;

export const reconcileStateSchema = z.object({
  phase: z.enum(['jira', 'register']),
  lastKey: z.string().optional(),
  /** Projects whose register rows are checked in the second phase. */
  projects: z.array(z.string()),
  projectIndex: z.number().int().min(0),
  cursor: z.string().optional(),
  counts: countsSchema,
  failed: z.array(failureSchema),
  failedCount: z.number().int().min(0),
  processed: z.number().int().min(0),
});
export type ReconcileState = z.infer<typeof reconcileStateSchema>;

export type ReconcileReport = ReconcileCounts & {
  readonly failed: readonly ReconcileFailure[];
  readonly failedCount: number;
};

export const initialState = (knownProjects: readonly string[]): ReconcileState => ({
  phase: 'jira',
  projects: [...new Set(knownProjects)].sort(),
  projectIndex: 0,
  counts: { inserted: 0, updated: 0, removed: 0, unchanged: 0, skipped: 0, fieldsWritten: 0, fieldsFailed: 0 },
  failed: [],
  failedCount: 0,
  processed: 0,
});

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** The state a checkpoint holds; null when it holds none the current code can read (the run then starts over). */
export const stateOf = (checkpoint: string | undefined): ReconcileState | null => {
  if (checkpoint === undefined) return null;
  const parsed = reconcileStateSchema.safeParse(parseJson(checkpoint));
  return parsed.success ? parsed.data : null;
};

export const reportOf = (state: ReconcileState): ReconcileReport => ({
  ...state.counts,
  failed: state.failed,
  failedCount: state.failedCount,
});

export const withFailure = (state: ReconcileState, failure: ReconcileFailure): ReconcileState => ({
  ...state,
  failed: state.failed.length < MAX_LISTED_FAILURES ? [...state.failed, failure] : state.failed,
  failedCount: state.failedCount + 1,
});

export const counted = (state: ReconcileState, outcome: keyof ReconcileCounts): ReconcileState => ({
  ...state,
  counts: { ...state.counts, [outcome]: state.counts[outcome] + 1 },
});

const summarySchema = z.object({ projects: z.array(z.string()) });

/** A finished run's summary: its report and the projects it covered, which the next run checks again. */
export const summaryOf = (state: ReconcileState): string => JSON.stringify({ report: reportOf(state), projects: state.projects });

export const projectsOfSummary = (summary: string | undefined): string[] => {
  const parsed = summarySchema.safeParse(summary === undefined ? undefined : parseJson(summary));
  return parsed.success ? parsed.data.projects : [];
};
