import type { Approval } from '../../domain/approval/approval';
import type { ActiveExceptionCounts } from '../../domain/approval/concurrency-limits';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { levelsForTier } from '../../domain/policy/policy-config';
import type { ValidatorCheck } from '../../domain/provisioning/workflow-plan';
import { anApproval, anExceptionRequest } from '../../domain/testing/builders';
import type { ConcurrencyQuery } from '../ports/register-repository';
import { StorageError } from '../ports/storage-error';
import { anExceptionIssue } from '../projection/testing/exception-issue-builder';
import type { IssueLookup } from '../projection/projection-ports';
import { readExceptionIssue } from '../projection/read-exception-issue';
import type { ActivationQuery } from './activation-ports';
import { checkTransition, type TransitionCheckDeps } from './check-transition';

const NOW = '2026-11-02T10:00:00.000Z';
const REQUESTER = 'acc-requester';
const LEAD = 'acc-lead';

type Reads = { issue: number; approvals: number; counts: number; activation: number; groups: number; policy: number };

const NONE_ACTIVE: ActiveExceptionCounts = { perAsset: {}, perBusinessUnit: 0 };

const issueIn = (status: string) => anExceptionIssue({ request: anExceptionRequest({ requestedExpiry: '2026-12-20' }), status: { name: status } });

/** One approval of every level the issue's tier needs, each by a different person: the quorum is complete. */
const quorumOf = (status: string): Approval[] => {
  const reading = readExceptionIssue(issueIn(status), DEFAULT_POLICY, null);
  if (reading.kind !== 'exception') throw new Error('the built issue should read as a complete exception');
  return levelsForTier(DEFAULT_POLICY, reading.exception.tier).map((level, index) =>
    anApproval(reading.exception, { levelId: level.id, approver: `acc-approver-${index}` }),
  );
};

/** In-memory ports that count every read; they have no way to write, so a check that tried would not compile. */
const fakes = (
  options: {
    readonly status?: string;
    readonly lookup?: IssueLookup;
    readonly failing?: keyof Reads;
    readonly active?: ActiveExceptionCounts;
    readonly approvals?: Approval[];
    readonly groups?: readonly string[];
  } = {},
) => {
  const reads: Reads = { issue: 0, approvals: 0, counts: 0, activation: 0, groups: 0, policy: 0 };
  const asked: { counts: ConcurrencyQuery[]; activation: ActivationQuery[] } = { counts: [], activation: [] };
  const active = options.active ?? NONE_ACTIVE;
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
        return Promise.resolve(options.lookup ?? { kind: 'found', issue: issueIn(options.status ?? 'Awaiting Approval') });
      },
    },
    approvals: {
      forIssue: () => {
        reads.approvals += 1;
        return options.failing === 'approvals' ? Promise.reject(storageDown()) : Promise.resolve([]);
      },
    },
    counts: {
      concurrencyCounts: (query) => {
        reads.counts += 1;
        asked.counts.push(query);
        return options.failing === 'counts' ? Promise.reject(storageDown()) : Promise.resolve(active);
      },
    },
    activation: {
      activationEvidence: (query) => {
        reads.activation += 1;
        asked.activation.push(query);
        return options.failing === 'activation' ? Promise.reject(storageDown()) : Promise.resolve({ approvals: options.approvals ?? [], active });
      },
    },
    groups: {
      groupsOf: () => {
        reads.groups += 1;
        return Promise.resolve(options.failing === 'groups' ? { ok: false, error: unavailable } : { ok: true, value: [...(options.groups ?? ['security-leads', 'security-architects'])] });
      },
    },
  };
  return { deps, reads, asked };
};

const CHECKS: readonly [ValidatorCheck, string, string][] = [
  [{ check: 'submit' }, 'Draft', REQUESTER],
  [{ check: 'withdrawal' }, 'Awaiting Approval', REQUESTER],
  [{ check: 'review' }, 'Submitted', LEAD],
  [{ check: 'approval', levelId: 'security-lead' }, 'Awaiting Approval', LEAD],
  [{ check: 'rejection' }, 'Awaiting Approval', LEAD],
  [{ check: 'activation' }, 'Awaiting Approval', LEAD],
  [{ check: 'revocation' }, 'Active', LEAD],
  [{ check: 'remediation' }, 'Active', REQUESTER],
];

describe('checkTransition', () => {
  it.each(CHECKS)('%j reads the issue once, the approvals and the groups at most once each', async (check, status, actor) => {
    const { deps, reads } = fakes({ status });
    await checkTransition(deps, { issueKey: 'SEC-1', check, actor, now: NOW, comment: 'Not acceptable.' });
    expect(reads.issue).toBe(1);
    expect(reads.approvals).toBeLessThanOrEqual(1);
    expect(reads.groups).toBeLessThanOrEqual(1);
  });

  it.each<[ValidatorCheck, string, string, Pick<Reads, 'approvals' | 'counts' | 'activation'>]>([
    [{ check: 'submit' }, 'Draft', REQUESTER, { approvals: 0, counts: 1, activation: 0 }],
    [{ check: 'withdrawal' }, 'Awaiting Approval', REQUESTER, { approvals: 0, counts: 0, activation: 0 }],
    [{ check: 'review' }, 'Submitted', LEAD, { approvals: 0, counts: 0, activation: 0 }],
    [{ check: 'approval', levelId: 'security-lead' }, 'Awaiting Approval', LEAD, { approvals: 1, counts: 0, activation: 0 }],
    [{ check: 'rejection' }, 'Awaiting Approval', LEAD, { approvals: 1, counts: 0, activation: 0 }],
    [{ check: 'activation' }, 'Awaiting Approval', LEAD, { approvals: 0, counts: 0, activation: 1 }],
    [{ check: 'revocation' }, 'Active', LEAD, { approvals: 0, counts: 0, activation: 0 }],
    [{ check: 'remediation' }, 'Active', REQUESTER, { approvals: 0, counts: 0, activation: 0 }],
  ])('%j reads the register at most once, through the port its rule needs', async (check, status, actor, expected) => {
    const { deps, reads } = fakes({ status });
    await checkTransition(deps, { issueKey: 'SEC-1', check, actor, now: NOW, comment: 'Not acceptable.' });
    expect({ approvals: reads.approvals, counts: reads.counts, activation: reads.activation }).toEqual(expected);
  });

  it('counts, on Submit, what is active on the request’s assets and in its unit, naming the issue so that neither it nor what it renews is counted', async () => {
    const { deps, asked } = fakes({ status: 'Draft' });
    await checkTransition(deps, { issueKey: 'SEC-1', check: { check: 'submit' }, actor: REQUESTER, now: NOW });
    expect(asked.counts).toEqual([{ assetIds: ['asset-web-01'], businessUnit: 'Payments', candidateIssueKey: 'SEC-1' }]);
  });

  it('reads, on activation, the approvals and the counts of the exception’s assets and unit together', async () => {
    const { deps, asked } = fakes();
    await checkTransition(deps, { issueKey: 'SEC-1', check: { check: 'activation' }, actor: LEAD, now: NOW });
    expect(asked.activation).toEqual([{ issueKey: 'SEC-1', assetIds: ['asset-web-01'], businessUnit: 'Payments' }]);
  });

  it.each<[ValidatorCheck, string, string, ActiveExceptionCounts, string]>([
    [{ check: 'submit' }, 'Draft', REQUESTER, { perAsset: { 'asset-web-01': 3 }, perBusinessUnit: 0 }, 'INTAKE.NOT_READY'],
    [{ check: 'activation' }, 'Awaiting Approval', LEAD, { perAsset: { 'asset-web-01': 3 }, perBusinessUnit: 0 }, 'APPROVAL.ASSET_LIMIT_REACHED'],
    [{ check: 'activation' }, 'Awaiting Approval', LEAD, { perAsset: {}, perBusinessUnit: 50 }, 'APPROVAL.BUSINESS_UNIT_LIMIT_REACHED'],
  ])('%j refuses when the counts read reach a limit (%j)', async (check, status, actor, active, code) => {
    const { deps } = fakes({ status, active, approvals: quorumOf(status) });
    const verdict = await checkTransition(deps, { issueKey: 'SEC-1', check, actor, now: NOW });
    expect(verdict).toMatchObject({ allowed: false, code, message: expect.stringMatching(/already has \d+ active exceptions/) as unknown });
  });

  it('lets an activation through once its quorum is complete and the limits leave room', async () => {
    const { deps } = fakes({ approvals: quorumOf('Awaiting Approval'), active: { perAsset: { 'asset-web-01': 2 }, perBusinessUnit: 49 } });
    expect(await checkTransition(deps, { issueKey: 'SEC-1', check: { check: 'activation' }, actor: LEAD, now: NOW })).toEqual({ allowed: true });
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
    ['activation', { check: 'activation' }, 'Awaiting Approval', 'VALIDATION.APPROVALS_UNREADABLE'],
    ['counts', { check: 'submit' }, 'Draft', 'VALIDATION.ACTIVE_COUNTS_UNREADABLE'],
    ['issue', { check: 'revocation' }, 'Active', 'VALIDATION.ISSUE_UNREADABLE'],
    ['groups', { check: 'revocation' }, 'Active', 'VALIDATION.GROUPS_UNREADABLE'],
    ['issue', { check: 'remediation' }, 'Active', 'VALIDATION.ISSUE_UNREADABLE'],
    ['groups', { check: 'remediation' }, 'Active', 'VALIDATION.GROUPS_UNREADABLE'],
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
    expect(reads).toEqual({ issue: 0, approvals: 0, counts: 0, activation: 0, groups: 0, policy: 0 });
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

  describe('revoking and marking remediated, judged by the lifecycle’s rules', () => {
    const OWNER = 'acc-owner';
    const OUTSIDER = 'acc-outsider';
    const REASON = 'Exploitation seen in the wild against this asset class.';
    const LEADS = ['security-leads'];
    const REASON_REQUIRED = {
      code: 'LIFECYCLE.REASON_REQUIRED',
      message: 'A reason is required to revoke SEC-1: it goes into the audit trail and is shown to the requester. Add a reason and try again.',
    };
    const ONLY_LEADS_REVOKE =
      'Only a security lead (group security-leads) may revoke SEC-1. ' +
      'Ask a security lead to revoke it; if the underlying issue is fixed, the requester or asset owner can mark it remediated.';

    it.each<[string, ValidatorCheck, string, readonly string[], string | undefined, { code: string; message: string } | null]>([
      ['a security lead revoking with a reason', { check: 'revocation' }, LEAD, LEADS, REASON, null],
      ['a security lead revoking without a reason', { check: 'revocation' }, LEAD, LEADS, undefined, REASON_REQUIRED],
      ['a security lead revoking with a blank reason', { check: 'revocation' }, LEAD, LEADS, '  \n ', REASON_REQUIRED],
      ['the requester revoking their own exception', { check: 'revocation' }, REQUESTER, [], REASON, { code: 'LIFECYCLE.ONLY_SECURITY_LEAD_MAY_REVOKE', message: ONLY_LEADS_REVOKE }],
      ['the asset owner revoking', { check: 'revocation' }, OWNER, [], REASON, { code: 'LIFECYCLE.ONLY_SECURITY_LEAD_MAY_REVOKE', message: ONLY_LEADS_REVOKE }],
      ['the requester marking it remediated', { check: 'remediation' }, REQUESTER, [], undefined, null],
      ['the asset owner marking it remediated', { check: 'remediation' }, OWNER, [], undefined, null],
      ['a security lead marking it remediated', { check: 'remediation' }, LEAD, LEADS, undefined, null],
      [
        'an outsider marking it remediated',
        { check: 'remediation' },
        OUTSIDER,
        ['security-architects'],
        'Fixed.',
        {
          code: 'LIFECYCLE.NOT_PERMITTED',
          message:
            `Only the requester (${REQUESTER}), the asset owner (${OWNER}) or a security lead (group security-leads) may mark as remediated SEC-1. ` +
            'Ask one of them to record the remediation.',
        },
      ],
    ])('%s', async (_who, check, actor, groups, comment, refusal) => {
      const { deps } = fakes({ status: 'Active', groups });
      const verdict = await checkTransition(deps, { issueKey: 'SEC-1', check, actor, now: NOW, ...(comment === undefined ? {} : { comment }) });
      expect(verdict).toEqual(refusal === null ? { allowed: true } : { allowed: false, retryable: false, ...refusal });
    });

    it.each<[ValidatorCheck, string]>([
      [{ check: 'revocation' }, LEAD],
      [{ check: 'remediation' }, REQUESTER],
    ])('%j refuses an exception that is not active, saying what is possible from where it is', async (check, actor) => {
      const { deps } = fakes({ status: 'Awaiting Approval', groups: LEADS });
      const verdict = await checkTransition(deps, { issueKey: 'SEC-1', check, actor, now: NOW, comment: REASON });
      expect(verdict).toMatchObject({ allowed: false, code: 'LIFECYCLE.NOT_ALLOWED_FROM_STATUS', message: expect.stringContaining('SEC-1 is Awaiting Approval') as unknown });
    });

    it('refuses when Jira no longer has the issue', async () => {
      const { deps } = fakes({ lookup: { kind: 'gone' }, groups: LEADS });
      const verdict = await checkTransition(deps, { issueKey: 'SEC-1', check: { check: 'revocation' }, actor: LEAD, now: NOW, comment: REASON });
      expect(verdict).toMatchObject({ allowed: false, code: 'VALIDATION.ISSUE_UNREADABLE', retryable: true, message: expect.stringContaining('The revocation check of SEC-1') as unknown });
    });
  });
});
