import { compareIssueKeys } from '../../domain/schedule/due-action';
import type { JobRunRepository } from '../ports/job-run-repository';
import { isExceptionIssueType, type ExceptionIssue } from '../projection/exception-issue';
import { forgetIssue } from '../projection/forget-issue';
import { projectFoundIssue, type ProjectionDeps } from '../projection/project-issue';
import { isTransient, type RemoteFailure } from '../projection/projection-ports';
import type { FieldSync } from '../projection/sync-computed-fields';
import {
  counted,
  initialState,
  projectsOfSummary,
  RECONCILE_JOB,
  reportOf,
  stateOf,
  summaryOf,
  withFailure,
  type ReconcileReport,
  type ReconcileState,
} from './reconcile-state';

export type ReconcileDeps = ProjectionDeps & { readonly jobRuns: JobRunRepository };

export type ReconcileRequest = {
  /** Names the run, e.g. the ISO week; a second start with the same key continues or reports that run. */
  readonly runKey: string;
  /** The current instant, asked again as the run goes on. */
  readonly now: () => string;
  /** Whether the invocation has time for another page; when not, the run stops at its checkpoint. */
  readonly hasTimeFor: () => boolean;
};

export type ReconcileOutcome =
  | { readonly kind: 'completed'; readonly report: ReconcileReport }
  /** Stopped for now (out of time, or Jira busy); the next invocation with the same run key goes on. */
  | { readonly kind: 'paused'; readonly report: ReconcileReport; readonly reason: string }
  | { readonly kind: 'failed'; readonly report: ReconcileReport; readonly reason: string }
  | { readonly kind: 'already-finished'; readonly summary: string | undefined }
  /** Another invocation saved a checkpoint of this run meanwhile and carries on with it. */
  | { readonly kind: 'taken-over' };

const RECONCILE_ACTOR = 'system:reconcile';

/** Register rows checked per page of the second phase; also the bulk-fetch batch Jira allows. */
const REGISTER_PAGE_SIZE = 100;

type Stop = { readonly stop: ReconcileOutcome };
type Step = { readonly state: ReconcileState } | Stop;

const isStop = (step: Step): step is Stop => 'stop' in step;

class RunCursor {
  constructor(
    private readonly deps: ReconcileDeps,
    private readonly runKey: string,
    private version: number,
  ) {}

  /** Saves the state; false when another invocation of the run saved first. */
  async save(state: ReconcileState): Promise<boolean> {
    const saved = await this.deps.jobRuns.checkpoint(RECONCILE_JOB, this.runKey, this.version, {
      checkpoint: JSON.stringify(state),
      processed: state.processed,
    });
    if (saved === 'conflict') return false;
    this.version += 1;
    return true;
  }
}

const stopOnFailure = async (
  deps: ReconcileDeps,
  request: ReconcileRequest,
  state: ReconcileState,
  failure: RemoteFailure,
): Promise<Stop> => {
  const report = reportOf(state);
  if (isTransient(failure)) return { stop: { kind: 'paused', report, reason: failure.message } };
  await deps.jobRuns.finish(RECONCILE_JOB, request.runKey, { at: request.now(), outcome: 'failed', summary: failure.message });
  return { stop: { kind: 'failed', report, reason: failure.message } };
};

const countedFields = (state: ReconcileState, fields: FieldSync | undefined): ReconcileState => {
  if (fields?.kind === 'written') return counted(state, 'fieldsWritten');
  if (fields?.kind === 'failed') return counted(state, 'fieldsFailed');
  return state;
};

const reconcileIssue = async (deps: ReconcileDeps, issue: ExceptionIssue, state: ReconcileState, now: string): Promise<ReconcileState> => {
  const seen: ReconcileState = {
    ...state,
    processed: state.processed + 1,
    projects: state.projects.includes(issue.project.key) ? state.projects : [...state.projects, issue.project.key].sort(),
  };
  const { result } = await projectFoundIssue(deps, issue, now);
  switch (result.kind) {
    case 'projected':
      return countedFields(counted(seen, result.outcome === 'stale' ? 'unchanged' : result.outcome), result.fields);
    case 'skipped':
      return counted(seen, 'skipped');
    case 'failed':
      return withFailure(seen, { key: issue.key, reason: result.reason });
  }
};

/** Phase one: every exception issue in Jira, re-projected, skipping those a previous invocation of the run did. */
const reprojectFromJira = async (deps: ReconcileDeps, request: ReconcileRequest, cursor: RunCursor, start: ReconcileState): Promise<Step> => {
  let state = start;
  const pages = deps.issues.pages()[Symbol.asyncIterator]();
  for (;;) {
    if (!request.hasTimeFor()) return { stop: { kind: 'paused', report: reportOf(state), reason: 'the invocation ran out of time' } };
    const next = await pages.next();
    if (next.done === true) break;
    if (!next.value.ok) return stopOnFailure(deps, request, state, next.value.error);
    const done = state.lastKey;
    const fresh = next.value.value.filter((issue) => done === undefined || compareIssueKeys(issue.key, done) > 0);
    for (const issue of fresh) {
      state = isExceptionIssueType(issue.issueType.name) ? await reconcileIssue(deps, issue, state, request.now()) : state;
      state = { ...state, lastKey: issue.key };
    }
    if (fresh.length > 0 && !(await cursor.save(state))) return { stop: { kind: 'taken-over' } };
  }
  state = { ...state, phase: 'register', projectIndex: 0 };
  return (await cursor.save(state)) ? { state } : { stop: { kind: 'taken-over' } };
};

/** A register row whose issue Jira did not return: confirmed gone (or no longer an exception) before removal. */
const removeIfGone = async (deps: ReconcileDeps, issueKey: string, state: ReconcileState, now: string): Promise<ReconcileState> => {
  const lookup = await deps.issues.get(issueKey);
  if (lookup.kind === 'failed') return withFailure(state, { key: issueKey, reason: lookup.failure.message });
  if (lookup.kind === 'found' && isExceptionIssueType(lookup.issue.issueType.name)) return state;
  const gone = lookup.kind === 'gone';
  const forgotten = await forgetIssue(deps, {
    issueKey,
    actor: RECONCILE_ACTOR,
    at: now,
    action: gone ? 'exception.deleted' : 'exception.left-register',
    reason: gone ? 'the reconcile found no such issue in Jira' : `the reconcile found the issue is now of type ${lookup.issue.issueType.name}`,
    knownException: false,
  });
  return forgotten.removed ? counted(state, 'removed') : state;
};

const withoutCursor = ({ cursor: _cursor, ...state }: ReconcileState): ReconcileState => state;

/** Phase two: register rows of each project whose issue no longer exists in Jira are removed, audited. */
const removeVanished = async (deps: ReconcileDeps, request: ReconcileRequest, cursor: RunCursor, start: ReconcileState): Promise<Step> => {
  let state = start;
  while (state.projectIndex < state.projects.length) {
    if (!request.hasTimeFor()) return { stop: { kind: 'paused', report: reportOf(state), reason: 'the invocation ran out of time' } };
    const page = await deps.register.page({
      filter: { projectKey: state.projects[state.projectIndex] ?? '' },
      sort: { by: 'expiresOn', direction: 'asc' },
      limit: REGISTER_PAGE_SIZE,
      ...(state.cursor === undefined ? {} : { after: state.cursor }),
    });
    if (!page.ok) {
      // A cursor the store no longer accepts (written by an older version) only restarts this project's check.
      state = withoutCursor(state);
      continue;
    }
    const keys = page.value.items.map((row) => row.issueKey);
    const batch = keys.length === 0 ? null : await deps.issues.getMany(keys);
    if (batch !== null && !batch.ok) return stopOnFailure(deps, request, state, batch.error);
    const present = new Set((batch?.value.issues ?? []).filter((issue) => isExceptionIssueType(issue.issueType.name)).map((issue) => issue.key));
    for (const key of keys) {
      if (!present.has(key)) state = await removeIfGone(deps, key, state, request.now());
    }
    const { next } = page.value;
    state = {
      ...withoutCursor(state),
      processed: state.processed + keys.length,
      ...(next === undefined ? { projectIndex: state.projectIndex + 1 } : { cursor: next }),
    };
    if (!(await cursor.save(state))) return { stop: { kind: 'taken-over' } };
  }
  return { state };
};

const resumeOrStart = async (deps: ReconcileDeps, request: ReconcileRequest): Promise<{ state: ReconcileState; version: number } | Stop> => {
  const previousProjects = async () =>
    (await deps.jobRuns.recent(RECONCILE_JOB, 5))
      .filter((run) => run.runKey !== request.runKey && run.outcome === 'succeeded')
      .flatMap((run) => projectsOfSummary(run.summary));
  if ((await deps.jobRuns.start(RECONCILE_JOB, request.runKey, request.now())) === 'started') {
    return { state: initialState(await previousProjects()), version: 0 };
  }
  const run = await deps.jobRuns.get(RECONCILE_JOB, request.runKey);
  if (run === null) throw new Error(`job run ${RECONCILE_JOB}/${request.runKey} was started but cannot be read back`);
  if (run.finishedAt !== undefined) return { stop: { kind: 'already-finished', summary: run.summary } };
  return { state: stateOf(run.checkpoint) ?? initialState(await previousProjects()), version: run.checkpointVersion };
};

/**
 * The weekly repair of the register: Jira is the system of record, so drift (a missed event, a hand-edited row,
 * an issue deleted with its project) is found and corrected here rather than assumed away. It also writes the
 * computed fields an event could not (a failed write, a value someone cleared). The run checkpoints after every
 * page and can be continued by any later invocation with the same run key.
 */
export const reconcileRegister = async (deps: ReconcileDeps, request: ReconcileRequest): Promise<ReconcileOutcome> => {
  const begun = await resumeOrStart(deps, request);
  if ('stop' in begun) return begun.stop;
  const cursor = new RunCursor(deps, request.runKey, begun.version);
  let state = begun.state;
  if (state.phase === 'jira') {
    const step = await reprojectFromJira(deps, request, cursor, state);
    if (isStop(step)) return step.stop;
    state = step.state;
  }
  const step = await removeVanished(deps, request, cursor, state);
  if (isStop(step)) return step.stop;
  await deps.jobRuns.finish(RECONCILE_JOB, request.runKey, { at: request.now(), outcome: 'succeeded', summary: summaryOf(step.state) });
  return { kind: 'completed', report: reportOf(step.state) };
};

/** The run a later invocation should continue: the newest one, if it never finished. */
export const unfinishedReconcileRun = async (jobRuns: JobRunRepository): Promise<string | null> => {
  const [latest] = await jobRuns.recent(RECONCILE_JOB, 1);
  return latest !== undefined && latest.finishedAt === undefined ? latest.runKey : null;
};
