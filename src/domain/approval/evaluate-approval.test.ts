import { DEFAULT_POLICY, DEFAULT_POLICY_INPUT } from '../policy/default-policy';
import { parsePolicy, type Policy } from '../policy/policy-config';
import { ACTORS, aControl, anActor, anApproval, anException } from '../testing/builders';
import type { SecurityException, SecurityExceptionInput } from '../exception/security-exception';
import type { Actor, Approval } from './approval';
import { evaluateApproval } from './evaluate-approval';

const NOW = '2026-11-10T12:00:00Z';

const awaiting = (overrides: Partial<SecurityExceptionInput> = {}): SecurityException =>
  anException({ status: 'awaiting-approval', tier: 'medium', activatedAt: undefined, expiresOn: undefined, ...overrides });

const policyIn = (timeZone: string): Policy => {
  const parsed = parsePolicy({ ...DEFAULT_POLICY_INPUT, timeZone });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};

type Attempt = {
  exception: SecurityException;
  approvals?: (e: SecurityException) => Approval[];
  actor: Actor;
  levelId?: string;
};

describe('evaluateApproval', () => {
  it('lets a security lead approve the first level of a medium exception', () => {
    const result = evaluateApproval(awaiting(), [], ACTORS.securityLead, DEFAULT_POLICY, NOW);
    expect(result.ok && result.value.level).toEqual({ id: 'security-lead', name: 'Security lead', group: 'security-leads' });
  });

  it('lets the risk owner approve the second level once the first has', () => {
    const exception = awaiting();
    const result = evaluateApproval(exception, [anApproval(exception)], ACTORS.riskOwner, DEFAULT_POLICY, NOW);
    expect(result.ok && result.value.level.id).toBe('risk-owner');
  });

  const leadApproved = (e: SecurityException): Approval[] => [anApproval(e)];
  const bothApproved = (e: SecurityException): Approval[] => [anApproval(e), anApproval(e, { levelId: 'risk-owner', approver: 'acc-risk' })];

  it.each<[string, Attempt, string, readonly string[]]>([
    ['the exception is not awaiting approval', { exception: awaiting({ status: 'risk-review' }), actor: ACTORS.securityLead }, 'APPROVAL.NOT_AWAITING_APPROVAL', ['Risk Review']],
    ['the level is not one the tier needs', { exception: awaiting(), actor: ACTORS.ciso, levelId: 'ciso' }, 'APPROVAL.LEVEL_NOT_REQUIRED', ['"ciso"', 'Security lead, Risk / information owner']],
    ['every level has approved already', { exception: awaiting(), approvals: bothApproved, actor: ACTORS.riskOwner }, 'APPROVAL.NOTHING_PENDING', ['ready to be activated']],
    [
      'an earlier approval was given to content that changed since',
      { exception: awaiting(), approvals: (e) => [anApproval({ ...e, justification: 'an older text' })], actor: ACTORS.riskOwner },
      'APPROVAL.STALE_APPROVALS',
      ['acc-lead (Security lead)', 're-approval is needed'],
    ],
    ['an earlier level is still pending', { exception: awaiting(), actor: ACTORS.riskOwner, levelId: 'risk-owner' }, 'APPROVAL.EARLIER_LEVEL_PENDING', ['Security lead', 'security-leads']],
    [
      'the level was already approved',
      { exception: awaiting(), approvals: leadApproved, actor: anActor('acc-lead-2', ['security-leads']), levelId: 'security-lead' },
      'APPROVAL.LEVEL_ALREADY_APPROVED',
      ['acc-lead', '2026-11-02', 'Risk / information owner (group risk-owners)'],
    ],
    ['the approver is the requester', { exception: awaiting(), actor: anActor('acc-requester', ['security-leads']) }, 'APPROVAL.REQUESTER_CANNOT_APPROVE', ['security-leads']],
    ['the approver is not in the level group', { exception: awaiting(), actor: ACTORS.riskOwner, levelId: 'security-lead' }, 'APPROVAL.NOT_IN_GROUP', ['"security-leads"']],
    [
      'the approver already approved another level',
      { exception: awaiting(), approvals: leadApproved, actor: anActor('acc-lead', ['security-leads', 'risk-owners']) },
      'APPROVAL.ALREADY_APPROVED_OTHER_LEVEL',
      ['Security lead level', 'risk-owners'],
    ],
    [
      'only planned controls are documented from the medium tier up',
      { exception: awaiting({ compensatingControls: [aControl({ status: 'planned' })] }), actor: ACTORS.securityLead },
      'APPROVAL.CONTROLS_REQUIRED',
      ['medium', 'ctl-1 (network-segmentation)'],
    ],
    ['no controls are documented from the medium tier up', { exception: awaiting({ compensatingControls: [] }), actor: ACTORS.securityLead }, 'APPROVAL.CONTROLS_REQUIRED', ['lists none']],
    ['the requested expiry is past the tier maximum', { exception: awaiting({ requestedExpiry: '2027-06-01' }), actor: ACTORS.securityLead }, 'APPROVAL.EXPIRY_TOO_LONG', ['180 days', '2027-05-09', '2027-06-01']],
    ['the requested expiry has passed', { exception: awaiting({ requestedExpiry: '2026-11-09' }), actor: ACTORS.securityLead }, 'APPROVAL.EXPIRY_PASSED', ['2026-11-09', '2026-11-10']],
  ])('refuses when %s', (_rule, attempt, code, mentions) => {
    const result = evaluateApproval(attempt.exception, attempt.approvals?.(attempt.exception) ?? [], attempt.actor, DEFAULT_POLICY, NOW, attempt.levelId);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    for (const mention of mentions) expect(result.error.message).toContain(mention);
  });

  it.each([
    ['a voided approval', { voidedAt: '2026-11-03T00:00:00Z' }],
    ['a rejection', { decision: 'rejected' as const }],
  ])('does not count %s towards a level', (_label, overrides) => {
    const exception = awaiting();
    const result = evaluateApproval(exception, [anApproval(exception, overrides)], ACTORS.securityLead, DEFAULT_POLICY, NOW);
    expect(result.ok && result.value.level.id).toBe('security-lead');
  });

  it('accepts planned controls below the tier where controls become mandatory', () => {
    const low = awaiting({ tier: 'low', compensatingControls: [aControl({ status: 'planned' })] });
    expect(evaluateApproval(low, [], ACTORS.securityLead, DEFAULT_POLICY, NOW).ok).toBe(true);
  });

  it('counts the tier maximum from the day in the policy time zone', () => {
    // 12:00 UTC on 10 November is already 11 November in Auckland, so one more day is allowed there.
    const exception = awaiting({ requestedExpiry: '2027-05-10' });
    expect(evaluateApproval(exception, [], ACTORS.securityLead, DEFAULT_POLICY, NOW)).toMatchObject({ ok: false, error: { code: 'APPROVAL.EXPIRY_TOO_LONG' } });
    expect(evaluateApproval(exception, [], ACTORS.securityLead, policyIn('Pacific/Auckland'), NOW).ok).toBe(true);
  });

  it('accepts the tier maximum exactly', () => {
    expect(evaluateApproval(awaiting({ requestedExpiry: '2027-05-09' }), [], ACTORS.securityLead, DEFAULT_POLICY, NOW).ok).toBe(true);
  });
});
