import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import type { ValidatorCheck } from '../../domain/provisioning/workflow-plan';
import { anExceptionRequest } from '../../domain/testing/builders';
import { StorageError } from '../ports/storage-error';
import { anExceptionIssue } from '../projection/testing/exception-issue-builder';
import type { IssueLookup } from '../projection/projection-ports';
import { checkTransition, type TransitionCheckDeps } from './check-transition';

const NOW = '2026-11-02T10:00:00.000Z';
const REQUESTER = 'acc-requester';
const LEAD = 'acc-lead';

type Reads = { issue: number; approvals: number; counts: number; groups: number; policy: number };

/** In-memory ports that count every read; they have no way to write, so a check that tried would not compile. */
const fakes = (options: { readonly status?: string; readonly lookup?: IssueLookup; readonly failing?: keyof Reads } = {}) => {
  const reads: Reads = { issue: 0, approvals: 0, counts: 0, groups: 0, policy: 0 };
  const unavailable = { code: 'JIRA.UNAVAILABLE', message: 'Jira is down' };
  const storageDown = () => new StorageError('STORAGE.TIMED_OUT', 'timed out', undefined);
  const deps: TransitionCheckDeps = {
    policy: {
      current: () => {
        reads.policy += 1;
        return Promise.resolve(options.failing === 'policy' ? { ok: false, error: { code: 'POLICY.UNREADABLE', message: 'KVS did not answer' } } : { ok: true, value: DEFAULT_POLICY });
      },
    },
    issues: {
      get: () => {
        reads.issue += 1;
        if (options.failing === 'issue') return Promise.resolve({ kind: 'failed', failure: unavailable });
        return Promise.resolve(options.lookup ?? { kind: 'found', issue: anExceptionIssue({ request: anExceptionRequest({ requestedExpiry: '2026-12-20' }), status: { name: options.status ?? 'Awaiting Approval' } }) });
      },
    },
    approvals: {
      forIssue: () => {
        reads.approvals += 1;
        return options.failing === 'approvals' ? Promise.reject(storageDown()) : Promise.resolve([]);
      },
    },
    counts: {
      countActiveForAsset: () => {
        reads.counts += 1;
        return options.failing === 'counts' ? Promise.reject(storageDown()) : Promise.resolve(0);
      },
      countActiveForBusinessUnit: () => {
        reads.counts += 1;
        return options.failing === 'counts' ? Promise.reject(storageDown()) : Promise.resolve(0);
      },
    },
    groups: {
      groupsOf: () => {
        reads.groups += 1;
        return Promise.resolve(options.failing === 'groups' ? { ok: false, error: unavailable } : { ok: true, value: ['security-leads', 'security-architects'] });
      },
    },
  };
  return { deps, reads };
};

const CHECKS: readonly [ValidatorCheck, string, string][] = [
  [{ check: 'submit' }, 'Draft', REQUESTER],
  [{ check: 'withdrawal' }, 'Awaiting Approval', REQUESTER],
  [{ check: 'review' }, 'Submitted', LEAD],
  [{ check: 'approval', levelId: 'security-lead' }, 'Awaiting Approval', LEAD],
  [{ check: 'rejection' }, 'Awaiting Approval', LEAD],
  [{ check: 'activation' }, 'Awaiting Approval', LEAD],
];

describe('checkTransition', () => {
  it.each(CHECKS)('%j reads the issue once, the approvals and the groups at most once each', async (check, status, actor) => {
    const { deps, reads } = fakes({ status });
    await checkTransition(deps, { issueKey: 'SEC-1', check, actor, now: NOW, comment: 'Not acceptable.' });
    expect(reads.issue).toBe(1);
    expect(reads.approvals).toBeLessThanOrEqual(1);
    expect(reads.groups).toBeLessThanOrEqual(1);
  });

  it('lets an entitled approver through', async () => {
    const { deps } = fakes();
    expect(await checkTransition(deps, { issueKey: 'SEC-1', check: { check: 'approval', levelId: 'security-lead' }, actor: LEAD, now: NOW })).toEqual({ allowed: true });
  });

  it.each<[keyof Reads, ValidatorCheck, string, string]>([
    ['policy', { check: 'approval', levelId: 'security-lead' }, 'Awaiting Approval', 'VALIDATION.POLICY_UNREADABLE'],
    ['issue', { check: 'approval', levelId: 'security-lead' }, 'Awaiting Approval', 'VALIDATION.ISSUE_UNREADABLE'],
    ['groups', { check: 'approval', levelId: 'security-lead' }, 'Awaiting Approval', 'VALIDATION.GROUPS_UNREADABLE'],
    ['approvals', { check: 'approval', levelId: 'security-lead' }, 'Awaiting Approval', 'VALIDATION.APPROVALS_UNREADABLE'],
    ['counts', { check: 'activation' }, 'Awaiting Approval', 'VALIDATION.ACTIVE_COUNTS_UNREADABLE'],
    ['counts', { check: 'submit' }, 'Draft', 'VALIDATION.ACTIVE_COUNTS_UNREADABLE'],
  ])('refuses, as retryable, when %s cannot be read (%j)', async (failing, check, status, code) => {
    const { deps } = fakes({ failing, status });
    const actor = check.check === 'submit' ? REQUESTER : LEAD;
    const verdict = await checkTransition(deps, { issueKey: 'SEC-1', check, actor, now: NOW });
    expect(verdict).toEqual({ allowed: false, code, retryable: true, message: expect.stringContaining('could not be performed') as unknown });
  });

  it('refuses when the platform names nobody, before reading anything', async () => {
    const { deps, reads } = fakes();
    const verdict = await checkTransition(deps, { issueKey: 'SEC-1', check: { check: 'activation' }, actor: undefined, now: NOW });
    expect(verdict).toMatchObject({ allowed: false, code: 'VALIDATION.ACTOR_UNKNOWN', retryable: true });
    expect(reads).toEqual({ issue: 0, approvals: 0, counts: 0, groups: 0, policy: 0 });
  });

  it('refuses when Jira no longer has the issue', async () => {
    const { deps } = fakes({ lookup: { kind: 'gone' } });
    const verdict = await checkTransition(deps, { issueKey: 'SEC-1', check: { check: 'activation' }, actor: LEAD, now: NOW });
    expect(verdict).toMatchObject({ allowed: false, code: 'VALIDATION.ISSUE_UNREADABLE', message: expect.stringContaining('Jira did not find it') as unknown });
  });

  it('refuses, saying what is wrong, an issue that is not a complete exception', async () => {
    const issue = anExceptionIssue({ status: { name: 'Awaiting Approval' }, custom: { riskInputs: { method: 'cvss' } } });
    const { deps } = fakes({ lookup: { kind: 'found', issue } });
    const verdict = await checkTransition(deps, { issueKey: 'SEC-1', check: { check: 'activation' }, actor: LEAD, now: NOW });
    expect(verdict).toMatchObject({ allowed: false, code: 'VALIDATION.EXCEPTION_INCOMPLETE', retryable: false, message: expect.stringContaining('riskInputs') as unknown });
  });
});
