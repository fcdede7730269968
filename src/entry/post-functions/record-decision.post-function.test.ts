import { StorageError } from '../../app/ports/storage-error';
import type { DecisionMade, RecordDecisionDeps, RecordDecisionOutcome } from '../../app/approvals/record-decision';
import type { Platform } from '../composition/platform';
import { recordDecisionHandler } from './record-decision.post-function';

const platform: Platform = {
  database: () => {
    throw new Error('no database in these tests');
  },
  now: () => new Date('2027-03-01T09:00:00.000Z'),
  remainingMs: () => 25_000,
  sleep: () => Promise.resolve(),
};

const event = (overrides: Record<string, unknown> = {}) => ({
  issue: { id: '10001', key: 'SEC-7' },
  transition: { id: '41', name: 'Activate', from: { id: '10003' }, to: { id: '10004' }, executionId: 'exec-1' },
  atlassianId: 'acc-risk',
  changelog: { id: '900', items: [{ field: 'status', fieldId: 'status', fromString: 'Awaiting Approval', toString: 'Active' }] },
  configuration: '{"action":"activate"}',
  ...overrides,
});

const untouchable = (): Promise<RecordDecisionDeps> => Promise.reject(new Error('the handler should not have built its dependencies'));

/** The use case stands in for itself with the outcome a test gives; the dependencies it would get are never used. */
const answering = (outcome: () => Promise<RecordDecisionOutcome>, made: DecisionMade[] = []) => ({
  deps: (): Promise<RecordDecisionDeps> => Promise.resolve(Object.freeze({}) as RecordDecisionDeps),
  record: (_deps: RecordDecisionDeps, decision: DecisionMade) => {
    made.push(decision);
    return outcome();
  },
});

describe('the decision recorder handler', () => {
  beforeEach(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it.each([
    ['an event without an execution id', event({ transition: { from: { id: '1' }, to: { id: '2' } } }), 'unreadable event'],
    ['an event naming nobody', event({ atlassianId: '' }), 'unreadable event'],
    ['a configuration naming no lifecycle action', event({ configuration: { action: 'approve-everything' } }), 'the post function has no valid configuration'],
    ['a status change into a status the register does not know', event({ changelog: { id: '900', items: [{ field: 'status', fromString: 'In Progress' }] } }), 'the status the transition left is unknown'],
  ])('ignores %s', async (_what, payload, reason) => {
    expect(await recordDecisionHandler(platform, untouchable)(payload, {})).toEqual({ status: 'ignored', reason });
  });

  it('passes on the action, the level, the person, the execution and the comment of an approval, which leaves no status', async () => {
    const made: DecisionMade[] = [];
    const recorded: RecordDecisionOutcome = { kind: 'recorded', event: 'exception.approved', approval: 'recorded' };
    const stand = answering(() => Promise.resolve(recorded), made);
    const payload = event({
      transition: { id: '31', from: { id: '10003' }, to: { id: '10003' }, executionId: 'exec-2' },
      changelog: null,
      comment: { id: 77 },
      configuration: { action: 'approve', levelId: 'risk-owner' },
    });

    const answer = await recordDecisionHandler(platform, stand.deps, stand.record)(payload, { installContext: 'ari:cloud:jira::site/1' });

    expect(answer).toEqual({ status: 'processed', outcome: recorded });
    expect(made).toEqual([
      { issueKey: 'SEC-7', action: 'approve', levelId: 'risk-owner', actor: 'acc-risk', executionId: 'exec-2', commentId: '77', now: '2027-03-01T09:00:00.000Z' },
    ]);
  });

  it('passes on the status a status-changing transition left', async () => {
    const made: DecisionMade[] = [];
    const stand = answering(() => Promise.resolve({ kind: 'already-recorded' }), made);
    await recordDecisionHandler(platform, stand.deps, stand.record)(event(), {});
    expect(made).toEqual([expect.objectContaining({ action: 'activate', leftStatus: 'awaiting-approval', executionId: 'exec-1' })]);
  });

  it.each<[string, () => Promise<RecordDecisionOutcome>]>([
    ['Jira was unavailable', () => Promise.resolve({ kind: 'failed', failure: { code: 'JIRA.UNAVAILABLE', message: 'down' } })],
    ['storage failed', () => Promise.reject(new StorageError('STORAGE.TIMED_OUT', 'timed out', undefined))],
  ])('asks the platform to retry when %s', async (_what, outcome) => {
    const stand = answering(outcome);

    const answer = await recordDecisionHandler(platform, stand.deps, stand.record)(event(), {});

    expect(answer).toMatchObject({ _retry: true });
  });
});
