import fc from 'fast-check';
import {
  counted,
  initialState,
  MAX_LISTED_FAILURES,
  projectsOfSummary,
  reconcileStateSchema,
  reportOf,
  stateOf,
  summaryOf,
  withFailure,
  type ReconcileState,
} from './reconcile-state';

const counts = fc.record({
  inserted: fc.nat(),
  updated: fc.nat(),
  removed: fc.nat(),
  unchanged: fc.nat(),
  skipped: fc.nat(),
  fieldsWritten: fc.nat(),
  fieldsFailed: fc.nat(),
});

const states: fc.Arbitrary<ReconcileState> = fc.record(
  {
    phase: fc.constantFrom('jira' as const, 'register' as const),
    lastKey: fc.integer({ min: 1, max: 99_999 }).map((n) => `SEC-${n}`),
    projects: fc.uniqueArray(fc.constantFrom('SEC', 'OPS', 'PAY'), { maxLength: 3 }),
    projectIndex: fc.nat({ max: 3 }),
    cursor: fc.base64String({ minLength: 4, maxLength: 40 }),
    counts,
    failed: fc.array(fc.record({ key: fc.constant('SEC-1'), reason: fc.string() }), { maxLength: 3 }),
    failedCount: fc.nat(),
    processed: fc.nat(),
  },
  { requiredKeys: ['phase', 'projects', 'projectIndex', 'counts', 'failed', 'failedCount', 'processed'] },
);

describe('the reconcile checkpoint', () => {
  it('reads back every state it saves', () => {
    fc.assert(fc.property(states, (state) => expect(stateOf(JSON.stringify(state))).toEqual(reconcileStateSchema.parse(state))));
  });

  it.each([
    ['no checkpoint', undefined],
    ['text that is not JSON', '{"phase":'],
    ['a state of another shape', JSON.stringify({ phase: 'sweep', counts: {} })],
  ])('starts over from %s', (_case, checkpoint) => expect(stateOf(checkpoint)).toBeNull());

  it('goes on with a checkpoint saved before field writes were counted, from zero field counts', () => {
    const { fieldsWritten: _written, fieldsFailed: _failed, ...earlierCounts } = initialState(['SEC']).counts;
    const earlier = { ...initialState(['SEC']), lastKey: 'SEC-40', counts: { ...earlierCounts, updated: 3 } };
    expect(stateOf(JSON.stringify(earlier))).toMatchObject({ lastKey: 'SEC-40', counts: { updated: 3, fieldsWritten: 0, fieldsFailed: 0 } });
  });

  it('lists the first failures and counts them all', () => {
    let state = initialState([]);
    for (let n = 1; n <= MAX_LISTED_FAILURES + 5; n += 1) state = withFailure(state, { key: `SEC-${n}`, reason: 'unreadable' });
    expect(state.failed).toHaveLength(MAX_LISTED_FAILURES);
    expect(state.failed.at(-1)?.key).toBe(`SEC-${MAX_LISTED_FAILURES}`);
    expect(reportOf(state).failedCount).toBe(MAX_LISTED_FAILURES + 5);
  });

  it('hands the projects a finished run covered to the next run', () => {
    const state = counted({ ...initialState(['SEC', 'OPS', 'SEC']) }, 'removed');
    expect(state.projects).toEqual(['OPS', 'SEC']);
    expect(projectsOfSummary(summaryOf(state))).toEqual(['OPS', 'SEC']);
    expect(projectsOfSummary('not json')).toEqual([]);
    expect(JSON.parse(summaryOf(state))).toMatchObject({ report: { removed: 1 } });
  });
});
