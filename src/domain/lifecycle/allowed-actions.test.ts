import type { Actor, Approval } from '../approval/approval';
import type { SecurityException, Status } from '../exception/security-exception';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { ACTORS, anApproval, anException } from '../testing/builders';
import { allowedActions } from './allowed-actions';
import type { LifecycleAction } from './lifecycle-types';

const NOW = '2026-11-10T12:00:00Z';

describe('allowedActions', () => {
  it.each<[string, Status, Actor, (e: SecurityException) => Approval[], string, LifecycleAction[]]>([
    ['the requester of a draft', 'draft', ACTORS.requester, () => [], NOW, ['submit', 'withdraw']],
    ['an architect on a submitted request', 'submitted', ACTORS.architect, () => [], NOW, ['start-review']],
    ['a security lead on a submitted request', 'submitted', ACTORS.securityLead, () => [], NOW, ['reject']],
    ['the peer reviewer during review', 'risk-review', ACTORS.architect, () => [], NOW, ['complete-review', 'reject']],
    ['a security lead when their level is waiting', 'awaiting-approval', ACTORS.securityLead, () => [], NOW, ['approve', 'reject']],
    ['a security lead once the quorum is complete', 'awaiting-approval', ACTORS.securityLead, (e) => [anApproval(e)], NOW, ['activate']],
    ['the requester awaiting approval', 'awaiting-approval', ACTORS.requester, () => [], NOW, ['withdraw']],
    ['an outsider on an active exception', 'active', ACTORS.outsider, () => [], NOW, []],
    ['the asset owner of an active exception', 'active', ACTORS.assetOwner, () => [], NOW, ['remediate']],
    ['a security lead on an active exception', 'active', ACTORS.securityLead, () => [], NOW, ['revoke', 'remediate']],
    ['the system before expiry', 'active', ACTORS.system, (e) => [anApproval(e)], NOW, ['supersede', 're-rate']],
    ['the system after expiry', 'active', ACTORS.system, (e) => [anApproval(e)], '2027-02-02T00:00:00Z', ['expire', 'supersede', 're-rate']],
    ['the system after an edit', 'active', ACTORS.system, (e) => [anApproval({ ...e, findings: [] })], NOW, ['supersede', 're-rate', 'void']],
    ['anyone on a revoked exception', 'revoked', ACTORS.securityLead, () => [], NOW, []],
  ])('%s', (_label, status, actor, approvals, now, expected) => {
    const reviewed = status !== 'draft' && status !== 'submitted';
    const exception = anException({ status, tier: 'low', peerReviewer: reviewed ? 'acc-architect' : undefined });
    const allowed = allowedActions(exception, actor, { now, policy: DEFAULT_POLICY, approvals: approvals(exception) });
    expect(allowed.map((a) => a.action)).toEqual(expected);
  });

  it('says which actions need a reason', () => {
    const exception = anException({ status: 'active' });
    expect(allowedActions(exception, ACTORS.securityLead, { now: NOW, policy: DEFAULT_POLICY, approvals: [] })).toEqual([
      { action: 'revoke', to: 'revoked', reasonRequired: true },
      { action: 'remediate', to: 'remediated', reasonRequired: false },
    ]);
  });
});
