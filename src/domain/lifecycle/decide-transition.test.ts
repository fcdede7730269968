import type { Actor, Approval } from '../approval/approval';
import { contentHash } from '../exception/content-hash';
import { STATUSES, STATUS_NAMES, type SecurityException, type SecurityExceptionInput, type Status } from '../exception/security-exception';
import { DEFAULT_POLICY, DEFAULT_POLICY_INPUT } from '../policy/default-policy';
import { parsePolicy, type Policy } from '../policy/policy-config';
import { ACTORS, aControl, anActor, anApproval, anException } from '../testing/builders';
import { decideTransition } from './decide-transition';
import { LIFECYCLE_ACTIONS, type LifecycleAction, type LifecycleEventType, type TransitionCommand } from './lifecycle-types';
import { TRANSITIONS } from './transition-table';

const NOW = '2026-11-10T12:00:00Z';
const NO_OTHER_ACTIVE = { perAsset: {}, perBusinessUnit: 0 };
const staleFor = (e: SecurityException): Approval[] => [anApproval({ ...e, justification: 'The text the lead approved.' })];
const leadFor = (e: SecurityException): Approval[] => [anApproval(e)];

type Scenario = {
  status: Status;
  actor: Actor;
  command: TransitionCommand;
  overrides?: Partial<SecurityExceptionInput>;
  approvals?: (e: SecurityException) => Approval[];
  now?: string;
  policy?: Policy;
};

const setUp = (s: Scenario) => {
  const exception = anException({ status: s.status, tier: 'low', peerReviewer: 'acc-architect', ...s.overrides });
  const approvals = s.approvals?.(exception) ?? [];
  const result = decideTransition(exception, s.command, { actor: s.actor, now: s.now ?? NOW, policy: s.policy ?? DEFAULT_POLICY, approvals });
  return { exception, approvals, result };
};

const policyIn = (timeZone: string): Policy => {
  const parsed = parsePolicy({ ...DEFAULT_POLICY_INPUT, timeZone });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};

describe('decideTransition: every allowed transition', () => {
  it.each<[string, Scenario, Status, LifecycleEventType]>([
    ['submit by the requester', { status: 'draft', actor: ACTORS.requester, command: { action: 'submit' } }, 'submitted', 'exception.submitted'],
    ['start-review by an architect', { status: 'submitted', actor: ACTORS.architect, command: { action: 'start-review' }, overrides: { peerReviewer: undefined } }, 'risk-review', 'exception.review-started'],
    ['complete-review by the peer reviewer', { status: 'risk-review', actor: ACTORS.architect, command: { action: 'complete-review' } }, 'awaiting-approval', 'exception.review-completed'],
    ['approve by the security lead', { status: 'awaiting-approval', actor: ACTORS.securityLead, command: { action: 'approve' } }, 'awaiting-approval', 'exception.approved'],
    ['activate by the last level approver', { status: 'awaiting-approval', actor: anActor('acc-lead-2', ['security-leads']), command: { action: 'activate', active: NO_OTHER_ACTIVE }, approvals: leadFor }, 'active', 'exception.activated'],
    ['activate by the system', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'activate', active: NO_OTHER_ACTIVE }, approvals: leadFor }, 'active', 'exception.activated'],
    ['reject when submitted, by the pending level', { status: 'submitted', actor: ACTORS.securityLead, command: { action: 'reject', reason: 'Out of scope' } }, 'rejected', 'exception.rejected'],
    ['reject in risk review, by the peer reviewer', { status: 'risk-review', actor: ACTORS.architect, command: { action: 'reject', reason: 'Risk understated' } }, 'rejected', 'exception.rejected'],
    ['reject awaiting approval, by the pending level', { status: 'awaiting-approval', actor: ACTORS.securityLead, command: { action: 'reject', reason: 'Patch exists' } }, 'rejected', 'exception.rejected'],
    ['reject on timeout, by the system', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'reject', reason: 'timed out' } }, 'rejected', 'exception.rejected'],
    ...(['draft', 'submitted', 'risk-review', 'awaiting-approval'] as const).map(
      (status) => [`withdraw from ${status}, by the requester`, { status, actor: ACTORS.requester, command: { action: 'withdraw' } }, 'withdrawn', 'exception.withdrawn'] as [string, Scenario, Status, LifecycleEventType],
    ),
    ['revoke by a security lead', { status: 'active', actor: ACTORS.securityLead, command: { action: 'revoke', reason: 'Exploited in the wild' } }, 'revoked', 'exception.revoked'],
    ['remediate by the requester', { status: 'active', actor: ACTORS.requester, command: { action: 'remediate' } }, 'remediated', 'exception.remediated'],
    ['remediate by the asset owner', { status: 'active', actor: ACTORS.assetOwner, command: { action: 'remediate' } }, 'remediated', 'exception.remediated'],
    ['remediate by a security lead', { status: 'active', actor: ACTORS.securityLead, command: { action: 'remediate' } }, 'remediated', 'exception.remediated'],
    ['expire the day after the expiry day', { status: 'active', actor: ACTORS.system, command: { action: 'expire' }, now: '2027-02-02T00:30:00Z' }, 'expired', 'exception.expired'],
    ['expire once the expiry day ended in the policy time zone', { status: 'active', actor: ACTORS.system, command: { action: 'expire' }, now: '2027-02-01T12:00:00Z', policy: policyIn('Pacific/Auckland') }, 'expired', 'exception.expired'],
    ['supersede an active exception', { status: 'active', actor: ACTORS.system, command: { action: 'supersede', renewalKey: 'SEC-2' } }, 'superseded', 'exception.superseded'],
    ['supersede an expired exception', { status: 'expired', actor: ACTORS.system, command: { action: 'supersede', renewalKey: 'SEC-2' } }, 'superseded', 'exception.superseded'],
    ['re-rate an active exception upwards', { status: 'active', actor: ACTORS.system, command: { action: 're-rate', tier: 'high' }, approvals: leadFor }, 'awaiting-approval', 'exception.re-rated'],
    ['re-rate an exception awaiting approval upwards', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 're-rate', tier: 'medium' } }, 'awaiting-approval', 'exception.re-rated'],
    ['void stale approvals of an active exception', { status: 'active', actor: ACTORS.system, command: { action: 'void' }, approvals: staleFor }, 'awaiting-approval', 'exception.approvals-voided'],
    ['void stale approvals awaiting approval', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'void' }, approvals: staleFor }, 'awaiting-approval', 'exception.approvals-voided'],
  ])('%s', (_label, scenario, to, eventType) => {
    const { exception, result } = setUp(scenario);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    expect(result.value).toMatchObject({ from: scenario.status, to, action: scenario.command.action, patch: { status: to } });
    expect(result.value.event).toMatchObject({
      type: eventType,
      issueKey: 'SEC-1',
      actor: scenario.actor.accountId,
      at: scenario.now ?? NOW,
      contentHash: contentHash(exception),
    });
  });

  it('covers every row of the transition table', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...LIFECYCLE_ACTIONS].sort());
  });
});

const SAMPLE_COMMANDS: Record<LifecycleAction, TransitionCommand> = {
  submit: { action: 'submit' },
  'start-review': { action: 'start-review' },
  'complete-review': { action: 'complete-review' },
  approve: { action: 'approve' },
  activate: { action: 'activate', active: NO_OTHER_ACTIVE },
  reject: { action: 'reject', reason: 'No' },
  withdraw: { action: 'withdraw' },
  revoke: { action: 'revoke', reason: 'No' },
  remediate: { action: 'remediate' },
  expire: { action: 'expire' },
  supersede: { action: 'supersede', renewalKey: 'SEC-2' },
  're-rate': { action: 're-rate', tier: 'critical' },
  void: { action: 'void' },
};

describe('decideTransition: refused from every other status', () => {
  const wrongStatuses = LIFECYCLE_ACTIONS.flatMap((action) =>
    STATUSES.filter((status) => !TRANSITIONS[action].from.includes(status)).map((status) => [action, status] as const),
  );

  it.each(wrongStatuses)('%s from %s', (action, status) => {
    const { result } = setUp({ status, actor: ACTORS.system, command: SAMPLE_COMMANDS[action] });
    expect(result).toMatchObject({ ok: false, error: { code: 'LIFECYCLE.NOT_ALLOWED_FROM_STATUS' } });
    if (result.ok) return;
    expect(result.error.message).toContain(`SEC-1 is ${STATUS_NAMES[status]}`);
    expect(result.error.message).toMatch(/people can: [a-z-]+|It is closed: raise a new exception or a renewal instead/);
  });
});

describe('decideTransition: other refusals name the rule and the way forward', () => {
  it.each<[string, Scenario, string, readonly string[]]>([
    ['submit by someone else', { status: 'draft', actor: ACTORS.assetOwner, command: { action: 'submit' } }, 'LIFECYCLE.ONLY_REQUESTER_MAY_SUBMIT', ['the requester (acc-requester)']],
    ['start-review by the requester', { status: 'submitted', actor: anActor('acc-requester', ['security-architects']), command: { action: 'start-review' } }, 'APPROVAL.PEER_REVIEWER_IS_REQUESTER', ['independent']],
    ['start-review outside the review group', { status: 'submitted', actor: ACTORS.securityLead, command: { action: 'start-review' } }, 'APPROVAL.NOT_IN_PEER_REVIEW_GROUP', ['security-architects']],
    ['complete-review by another architect', { status: 'risk-review', actor: anActor('acc-architect-2', ['security-architects']), command: { action: 'complete-review' } }, 'LIFECYCLE.ONLY_PEER_REVIEWER_MAY_COMPLETE_REVIEW', ['acc-architect']],
    ['approve by the requester', { status: 'awaiting-approval', actor: anActor('acc-requester', ['security-leads']), command: { action: 'approve' } }, 'APPROVAL.REQUESTER_CANNOT_APPROVE', ['security-leads']],
    ['approve outside the level group', { status: 'awaiting-approval', actor: ACTORS.outsider, command: { action: 'approve' } }, 'APPROVAL.NOT_IN_GROUP', ['security-leads']],
    ['approve a level the tier does not need', { status: 'awaiting-approval', actor: ACTORS.ciso, command: { action: 'approve', levelId: 'ciso' } }, 'APPROVAL.LEVEL_NOT_REQUIRED', ['Security lead']],
    ['activate by someone outside the last level', { status: 'awaiting-approval', actor: ACTORS.outsider, command: { action: 'activate', active: NO_OTHER_ACTIVE }, approvals: leadFor }, 'LIFECYCLE.NOT_PERMITTED', ['Security lead approver (group security-leads)', 'the register itself']],
    ['activate before the quorum', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'activate', active: NO_OTHER_ACTIVE }, overrides: { tier: 'medium' }, approvals: leadFor }, 'APPROVAL.QUORUM_INCOMPLETE', ['Risk / information owner approval (group risk-owners)']],
    ['activate with stale approvals', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'activate', active: NO_OTHER_ACTIVE }, approvals: staleFor }, 'APPROVAL.STALE_APPROVALS', ['acc-lead (Security lead)']],
    ['activate without controls in force', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'activate', active: NO_OTHER_ACTIVE }, overrides: { tier: 'medium', compensatingControls: [aControl({ status: 'planned' })] }, approvals: (e) => [anApproval(e), anApproval(e, { levelId: 'risk-owner', approver: 'acc-risk' })] }, 'APPROVAL.CONTROLS_REQUIRED', ['ctl-1']],
    ['activate with an expiry beyond the maximum from the activation day', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'activate', active: NO_OTHER_ACTIVE }, overrides: { requestedExpiry: '2027-06-01' }, approvals: leadFor }, 'APPROVAL.EXPIRY_TOO_LONG', ['2027-05-09']],
    ['activate after the requested expiry', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'activate', active: NO_OTHER_ACTIVE }, approvals: leadFor, now: '2027-02-03T09:00:00Z' }, 'APPROVAL.EXPIRY_PASSED', ['2027-02-01', '2027-02-03']],
    ['activate on an asset at its limit', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'activate', active: { perAsset: { 'asset-web-01': 3 }, perBusinessUnit: 3 } }, approvals: leadFor }, 'APPROVAL.ASSET_LIMIT_REACHED', ['asset-web-01', 'limit is 3']],
    ['reject without a reason', { status: 'awaiting-approval', actor: ACTORS.securityLead, command: { action: 'reject' } }, 'LIFECYCLE.REASON_REQUIRED', ['reject SEC-1']],
    ['reject with a blank reason', { status: 'awaiting-approval', actor: ACTORS.securityLead, command: { action: 'reject', reason: '   ' } }, 'LIFECYCLE.REASON_REQUIRED', ['Add a reason']],
    ['reject by the requester', { status: 'awaiting-approval', actor: anActor('acc-requester', ['security-leads']), command: { action: 'reject', reason: 'Changed my mind' } }, 'LIFECYCLE.NOT_PERMITTED', ['withdraw it instead']],
    ['reject in risk review by an unassigned architect', { status: 'risk-review', actor: anActor('acc-architect-2', ['security-architects']), command: { action: 'reject', reason: 'No' } }, 'LIFECYCLE.NOT_PERMITTED', ['the peer reviewer (acc-architect)']],
    ['reject by the system for another reason', { status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'reject', reason: 'scanner says so' } }, 'LIFECYCLE.SYSTEM_REJECTS_ONLY_ON_TIMEOUT', ['"timed out"']],
    ['withdraw by a security lead', { status: 'awaiting-approval', actor: ACTORS.securityLead, command: { action: 'withdraw' } }, 'LIFECYCLE.ONLY_REQUESTER_MAY_WITHDRAW', ['the requester (acc-requester)', 'reject it with a reason']],
    ['withdraw by the asset owner', { status: 'draft', actor: ACTORS.assetOwner, command: { action: 'withdraw' } }, 'LIFECYCLE.ONLY_REQUESTER_MAY_WITHDRAW', ['acc-requester']],
    ['revoke without a reason', { status: 'active', actor: ACTORS.securityLead, command: { action: 'revoke' } }, 'LIFECYCLE.REASON_REQUIRED', ['revoke SEC-1']],
    ['revoke by the requester', { status: 'active', actor: ACTORS.requester, command: { action: 'revoke', reason: 'Done' } }, 'LIFECYCLE.ONLY_SECURITY_LEAD_MAY_REVOKE', ['group security-leads', 'mark it remediated']],
    ['remediate by an outsider', { status: 'active', actor: ACTORS.outsider, command: { action: 'remediate' } }, 'LIFECYCLE.NOT_PERMITTED', ['acc-requester', 'acc-owner', 'security-leads']],
    ['expire by a person', { status: 'active', actor: ACTORS.securityLead, command: { action: 'expire' }, now: '2027-03-01T00:00:00Z' }, 'LIFECYCLE.SYSTEM_ONLY', ['revoke or remediate']],
    ['expire on the expiry day itself', { status: 'active', actor: ACTORS.system, command: { action: 'expire' }, now: '2027-02-01T23:59:00Z' }, 'LIFECYCLE.NOT_YET_EXPIRED', ['end of 2027-02-01 (UTC)', 'from 2027-02-02']],
    ['supersede by a person', { status: 'active', actor: ACTORS.securityLead, command: { action: 'supersede', renewalKey: 'SEC-2' } }, 'LIFECYCLE.SYSTEM_ONLY', ['renewal activates']],
    ['supersede by itself', { status: 'active', actor: ACTORS.system, command: { action: 'supersede', renewalKey: 'SEC-1' } }, 'LIFECYCLE.INVALID_RENEWAL_KEY', ['"SEC-1"']],
    ['supersede by something that is not an issue key', { status: 'active', actor: ACTORS.system, command: { action: 'supersede', renewalKey: 'sec 2' } }, 'LIFECYCLE.INVALID_RENEWAL_KEY', ['"sec 2"']],
    ['re-rate by a person', { status: 'active', actor: ACTORS.securityLead, command: { action: 're-rate', tier: 'high' } }, 'LIFECYCLE.SYSTEM_ONLY', ['risk inputs']],
    ['re-rate to the same tier', { status: 'active', actor: ACTORS.system, command: { action: 're-rate', tier: 'low' } }, 'LIFECYCLE.TIER_NOT_RAISED', ['rated low']],
    ['re-rate to a lower tier', { status: 'active', actor: ACTORS.system, command: { action: 're-rate', tier: 'low' }, overrides: { tier: 'high' } }, 'LIFECYCLE.TIER_NOT_RAISED', ['rated high', 'a low rating']],
    ['void by a person', { status: 'active', actor: ACTORS.securityLead, command: { action: 'void' }, approvals: staleFor }, 'LIFECYCLE.SYSTEM_ONLY', ['risk-relevant content changes']],
    ['void when nothing is stale', { status: 'active', actor: ACTORS.system, command: { action: 'void' }, approvals: leadFor }, 'LIFECYCLE.NOTHING_TO_VOID', ['stays active']],
  ])('%s', (_label, scenario, code, mentions) => {
    const { result } = setUp(scenario);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (result.ok) return;
    for (const mention of mentions) expect(result.error.message).toContain(mention);
  });
});

describe('decideTransition: what a decision carries', () => {
  it('stamps submission and the status clock', () => {
    const { result } = setUp({ status: 'draft', actor: ACTORS.requester, command: { action: 'submit', reason: '  ready  ' } });
    expect(result.ok && result.value.patch).toEqual({ status: 'submitted', statusChangedAt: NOW, submittedAt: NOW });
    expect(result.ok && result.value.event.reason).toBe('ready');
    expect(result.ok && result.value.approvalsToVoid).toEqual([]);
  });

  it('names the peer reviewer when the review starts', () => {
    const { result } = setUp({ status: 'submitted', actor: ACTORS.architect, command: { action: 'start-review' }, overrides: { peerReviewer: undefined } });
    expect(result.ok && result.value.patch.peerReviewer).toBe('acc-architect');
  });

  it('records an approval bound to the content, without restarting the status clock', () => {
    const { exception, result } = setUp({ status: 'awaiting-approval', actor: ACTORS.securityLead, command: { action: 'approve', reason: ' ok ' }, overrides: { tier: 'medium' } });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.approvalToRecord).toEqual({
      levelId: 'security-lead',
      approver: 'acc-lead',
      decision: 'approved',
      contentHash: contentHash(exception),
      decidedAt: NOW,
      reason: 'ok',
    });
    expect(result.value.patch).toEqual({ status: 'awaiting-approval' });
    expect(result.value.event.details).toEqual({ levelId: 'security-lead', levelName: 'Security lead', group: 'security-leads', remainingLevels: ['risk-owner'], quorumComplete: false });
  });

  it('sets activation time and expiry day on activation and lists who approved', () => {
    const { result } = setUp({ status: 'awaiting-approval', actor: ACTORS.system, command: { action: 'activate', active: NO_OTHER_ACTIVE }, approvals: leadFor });
    expect(result.ok && result.value.patch).toEqual({ status: 'active', statusChangedAt: NOW, activatedAt: NOW, expiresOn: '2027-02-01' });
    expect(result.ok && result.value.event.details).toEqual({ tier: 'low', expiresOn: '2027-02-01', approvals: [{ levelId: 'security-lead', approver: 'acc-lead' }] });
  });

  it("records an approver's rejection against the pending level, but not a peer reviewer's", () => {
    const byApprover = setUp({ status: 'awaiting-approval', actor: ACTORS.securityLead, command: { action: 'reject', reason: 'Patch exists' } });
    expect(byApprover.result.ok && byApprover.result.value.approvalToRecord).toMatchObject({ levelId: 'security-lead', decision: 'rejected', reason: 'Patch exists' });
    const byReviewer = setUp({ status: 'risk-review', actor: ACTORS.architect, command: { action: 'reject', reason: 'Risk understated' } });
    expect(byReviewer.result.ok && byReviewer.result.value.approvalToRecord).toBeUndefined();
  });

  it('voids every live approval when the tier rises, and records the new tier', () => {
    const alreadyVoided = (e: SecurityException) => ({ ...anApproval(e), voidedAt: '2026-11-05T00:00:00Z', approver: 'acc-old' });
    const { approvals, result } = setUp({ status: 'active', actor: ACTORS.system, command: { action: 're-rate', tier: 'critical' }, approvals: (e) => [anApproval(e), alreadyVoided(e)] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.approvalsToVoid).toEqual([approvals[0]]);
    expect(result.value.patch).toMatchObject({ status: 'awaiting-approval', tier: 'critical', statusChangedAt: NOW });
    expect(result.value.event.details).toMatchObject({ fromTier: 'low', toTier: 'critical' });
  });

  it('voids only stale approvals and says which fields changed', () => {
    const { exception, approvals, result } = setUp({
      status: 'awaiting-approval',
      actor: ACTORS.system,
      command: { action: 'void' },
      overrides: { tier: 'medium' },
      approvals: (e) => [...staleFor(e), anApproval(e, { levelId: 'risk-owner', approver: 'acc-risk' })],
    });
    const previous = { ...exception, justification: 'The text the lead approved.' };
    const withPrevious = decideTransition(exception, { action: 'void', previous }, { actor: ACTORS.system, now: NOW, policy: DEFAULT_POLICY, approvals });
    expect(result.ok && result.value.approvalsToVoid).toEqual([approvals[0]]);
    expect(withPrevious.ok && withPrevious.value.event.details.changedFields).toEqual(['justification']);
  });
});
