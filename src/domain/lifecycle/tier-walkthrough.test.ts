import type { Actor, Approval } from '../approval/approval';
import { addCalendarDays } from '../shared/dates';
import { TIERS, type RenewalChain, type SecurityException, type Tier } from '../exception/security-exception';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { ACTORS, anException } from '../testing/builders';
import { decideTransition } from './decide-transition';
import type { TransitionCommand, TransitionDecision } from './lifecycle-types';

const START = '2026-11-10T09:00:00Z';

/** The design's policy table, written out independently of the default policy it should match. */
const DESIGN_LEVELS: Record<Tier, string[]> = {
  low: ['security-lead'],
  medium: ['security-lead', 'risk-owner'],
  high: ['security-lead', 'risk-owner', 'compliance-lead'],
  critical: ['security-lead', 'risk-owner', 'compliance-lead', 'ciso'],
};
const DESIGN_MAX_DAYS: Record<Tier, number> = { low: 180, medium: 180, high: 90, critical: 30 };

const APPROVER_OF: Record<string, Actor> = {
  'security-lead': ACTORS.securityLead,
  'risk-owner': ACTORS.riskOwner,
  'compliance-lead': ACTORS.complianceLead,
  ciso: ACTORS.ciso,
};

/** Applies decisions the way the use case persists them: patch the exception, store and void approvals. */
class Register {
  approvals: Approval[] = [];
  constructor(public exception: SecurityException) {}

  act(actor: Actor, command: TransitionCommand, now = START): TransitionDecision {
    const result = decideTransition(this.exception, command, { actor, now, policy: DEFAULT_POLICY, approvals: this.approvals });
    if (!result.ok) throw new Error(`${command.action} by ${actor.accountId}: ${result.error.code}: ${result.error.message}`);
    const decision = result.value;
    this.exception = { ...this.exception, ...decision.patch };
    this.approvals = this.approvals.map((a) => (decision.approvalsToVoid.includes(a) ? { ...a, voidedAt: now } : a));
    if (decision.approvalToRecord !== undefined) this.approvals.push(decision.approvalToRecord);
    return decision;
  }

  refusal(actor: Actor, command: TransitionCommand): string {
    const result = decideTransition(this.exception, command, { actor, now: START, policy: DEFAULT_POLICY, approvals: this.approvals });
    return result.ok ? 'allowed' : result.error.code;
  }
}

const draft = (tier: Tier, renewal: RenewalChain = { renewalCount: 0, cumulativeDays: 0 }): SecurityException =>
  anException({
    status: 'draft',
    tier,
    renewal,
    requestedExpiry: addCalendarDays('2026-11-10', DESIGN_MAX_DAYS[tier]),
    submittedAt: undefined,
    activatedAt: undefined,
    expiresOn: undefined,
  });

const ACTIVATE: TransitionCommand = { action: 'activate', active: { perAsset: {}, perBusinessUnit: 0 } };

/** Submits, reviews, then approves level after level, activating only once nothing is left. */
const walk = (register: Register): string[] => {
  register.act(ACTORS.requester, { action: 'submit' });
  register.act(ACTORS.architect, { action: 'start-review' });
  register.act(ACTORS.architect, { action: 'complete-review' });
  const approved: string[] = [];
  for (;;) {
    expect(register.refusal(ACTORS.system, ACTIVATE)).toBe('APPROVAL.QUORUM_INCOMPLETE');
    const next = Object.entries(APPROVER_OF).find(([, actor]) => register.refusal(actor, { action: 'approve' }) === 'allowed');
    if (next === undefined) throw new Error(`nobody may approve ${register.exception.key} now`);
    const decision = register.act(next[1], { action: 'approve' });
    approved.push(decision.approvalToRecord?.levelId ?? 'none recorded');
    if (decision.event.details.quorumComplete === true) break;
  }
  const activation = register.act(ACTORS.system, ACTIVATE);
  expect(activation.to).toBe('active');
  return approved;
};

describe('every default tier: approve level by level, then activate', () => {
  it.each(TIERS.map((tier) => [tier, DESIGN_LEVELS[tier]] as const))('%s needs exactly %j', (tier, levels) => {
    const register = new Register(draft(tier));
    expect(walk(register)).toEqual(levels);
    expect(register.exception).toMatchObject({ status: 'active', expiresOn: addCalendarDays('2026-11-10', DESIGN_MAX_DAYS[tier]) });
  });

  it.each(TIERS.map((tier) => [tier] as const))('%s refuses one day more than the tier maximum', (tier) => {
    const register = new Register({ ...draft(tier), requestedExpiry: addCalendarDays('2026-11-10', DESIGN_MAX_DAYS[tier] + 1) });
    register.act(ACTORS.requester, { action: 'submit' });
    register.act(ACTORS.architect, { action: 'start-review' });
    register.act(ACTORS.architect, { action: 'complete-review' });
    expect(register.refusal(ACTORS.securityLead, { action: 'approve' })).toBe('APPROVAL.EXPIRY_TOO_LONG');
  });
});

describe('renewal over the cap', () => {
  it('sends a low renewal past its second renewal to the CISO as well', () => {
    const register = new Register(draft('low', { renewalCount: 3, cumulativeDays: 500, originKey: 'SEC-9' }));
    expect(walk(register)).toEqual(['security-lead', 'ciso']);
  });

  it('sends a high renewal past its cumulative cap to the CISO as well, and says why on activation', () => {
    const register = new Register(draft('high', { renewalCount: 1, cumulativeDays: 181 }));
    register.act(ACTORS.requester, { action: 'submit' });
    register.act(ACTORS.architect, { action: 'start-review' });
    register.act(ACTORS.architect, { action: 'complete-review' });
    for (const approver of [ACTORS.securityLead, ACTORS.riskOwner, ACTORS.complianceLead]) register.act(approver, { action: 'approve' });
    expect(register.refusal(ACTORS.system, ACTIVATE)).toBe('APPROVAL.QUORUM_INCOMPLETE');
    register.act(ACTORS.ciso, { action: 'approve' });
    expect(register.act(ACTORS.system, ACTIVATE).event.details.renewalNotice).toContain('181 days');
  });
});

describe('editing after approval', () => {
  it('voids the approvals, returns the exception to approval and needs every level again', () => {
    const register = new Register(draft('medium'));
    walk(register);
    register.exception = { ...register.exception, compensatingControls: [...register.exception.compensatingControls].reverse() };
    expect(register.refusal(ACTORS.system, { action: 'void' })).toBe('LIFECYCLE.NOTHING_TO_VOID');

    register.exception = { ...register.exception, businessImpact: 'Reconciliation and settlement both stop.' };
    const voided = register.act(ACTORS.system, { action: 'void' });
    expect(voided.approvalsToVoid.map((a) => a.levelId)).toEqual(['security-lead', 'risk-owner']);
    expect(register.exception.status).toBe('awaiting-approval');
    expect(register.refusal(ACTORS.system, ACTIVATE)).toBe('APPROVAL.QUORUM_INCOMPLETE');
    register.act(ACTORS.securityLead, { action: 'approve' });
    register.act(ACTORS.riskOwner, { action: 'approve' });
    expect(register.act(ACTORS.system, ACTIVATE).to).toBe('active');
  });

  it('needs the new levels after the tier rises', () => {
    const register = new Register(draft('low'));
    walk(register);
    register.act(ACTORS.system, { action: 're-rate', tier: 'medium' });
    expect(register.refusal(ACTORS.riskOwner, { action: 'approve', levelId: 'risk-owner' })).toBe('APPROVAL.EARLIER_LEVEL_PENDING');
    register.act(ACTORS.securityLead, { action: 'approve' });
    register.act(ACTORS.riskOwner, { action: 'approve' });
    expect(register.act(ACTORS.system, ACTIVATE).to).toBe('active');
  });
});
