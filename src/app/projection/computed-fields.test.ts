import fc from 'fast-check';
import type { Approval } from '../../domain/approval/approval';
import { contentHash } from '../../domain/exception/content-hash';
import { TIERS, type SecurityException } from '../../domain/exception/security-exception';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { anApproval, anException } from '../../domain/testing/builders';
import { approvalStateOf, COMPUTED_FIELD_NAMES, computedFieldValues, fieldsOutOfStep, type ComputedFieldValues } from './computed-fields';

const medium = anException({ key: 'SEC-4', status: 'awaiting-approval', tier: 'medium', activatedAt: undefined, expiresOn: undefined });
const lead = anApproval(medium);
const riskOwner = anApproval(medium, { levelId: 'risk-owner', approver: 'acc-risk' });

describe('the approval state field', () => {
  it.each<[string, SecurityException, readonly Approval[], readonly string[], string | null, readonly string[]]>([
    ['waiting for its first level', medium, [], [], 'security-lead', []],
    ['one level approved', medium, [lead], ['security-lead'], 'risk-owner', ['acc-lead']],
    ['complete, naming no next level', medium, [lead, riskOwner], ['security-lead', 'risk-owner'], null, ['acc-lead', 'acc-risk']],
    ['an approval of other content not counting', medium, [anApproval(medium, { contentHash: 'a'.repeat(64) })], [], 'security-lead', []],
    ['a voided approval not counting', medium, [anApproval(medium, { voidedAt: '2026-11-05T10:00:00Z' })], [], 'security-lead', []],
    ['the requester’s own approval not counting', medium, [anApproval(medium, { approver: 'acc-requester' })], [], 'security-lead', []],
    ['a draft, which no level may approve yet', { ...medium, status: 'draft' }, [], [], null, []],
    ['a rejected exception, which waits for nobody', { ...medium, status: 'rejected' }, [lead], ['security-lead'], null, ['acc-lead']],
  ])('says where the chain stands: %s', (_case, exception, approvals, approvedLevels, nextLevel, approvers) => {
    expect(approvalStateOf(exception, approvals, DEFAULT_POLICY)).toEqual({
      tier: 'medium',
      requiredLevels: ['security-lead', 'risk-owner'],
      approvedLevels,
      ...(nextLevel === null ? {} : { nextLevel }),
      approvers,
      complete: approvedLevels.length === 2,
      contentHash: contentHash(exception),
    });
  });

  it('lists the levels a critical tier needs, in approval order', () => {
    const critical = { ...medium, tier: 'critical' as const };
    expect(approvalStateOf(critical, [], DEFAULT_POLICY).requiredLevels).toEqual(['security-lead', 'risk-owner', 'compliance-lead', 'ciso']);
  });

  it('takes score and tier as the register entry stores them', () => {
    expect(computedFieldValues({ riskScore: 4.3, tier: 'medium' }, medium, [], DEFAULT_POLICY)).toMatchObject({ riskScore: 4.3, riskTier: 'medium' });
  });
});

const computed = computedFieldValues({ riskScore: 6.5, tier: 'medium' }, medium, [lead], DEFAULT_POLICY);
const everywhere = COMPUTED_FIELD_NAMES;

describe('the computed fields out of step', () => {
  it.each<[string, Record<string, unknown>, readonly (typeof everywhere)[number][], readonly string[]]>([
    ['none held', {}, everywhere, ['riskScore', 'riskTier', 'approvalState']],
    ['all held', { ...computed }, everywhere, []],
    ['another tier held', { ...computed, riskTier: 'high' }, everywhere, ['riskTier']],
    ['the score held as a string', { ...computed, riskScore: '6.5' }, everywhere, ['riskScore']],
    ['an approval state of other content', { ...computed, approvalState: { ...computed.approvalState, contentHash: 'b'.repeat(64) } }, everywhere, ['approvalState']],
    ['an approval state with a level more', { ...computed, approvalState: { ...computed.approvalState, approvedLevels: ['security-lead', 'risk-owner'] } }, everywhere, ['approvalState']],
    ['none held on a site with only the tier field', {}, ['riskTier'], ['riskTier']],
  ])('%s', (_case, held, onSite, expected) => {
    expect(Object.keys(fieldsOutOfStep(held, computed, onSite)).sort()).toEqual([...expected].sort());
  });
});

const approvalStates = fc.record(
  {
    tier: fc.constantFrom(...TIERS),
    requiredLevels: fc.array(fc.constantFrom('security-lead', 'risk-owner', 'ciso'), { maxLength: 4 }),
    approvedLevels: fc.array(fc.constantFrom('security-lead', 'risk-owner'), { maxLength: 2 }),
    nextLevel: fc.constantFrom('risk-owner', 'ciso'),
    approvers: fc.array(fc.constantFrom('acc-lead', 'acc-risk'), { maxLength: 2 }),
    complete: fc.boolean(),
    contentHash: fc.stringMatching(/^[0-9a-f]{64}$/),
  },
  { requiredKeys: ['tier', 'requiredLevels', 'approvedLevels', 'approvers', 'complete', 'contentHash'] },
);
const values: fc.Arbitrary<ComputedFieldValues> = fc.record({
  riskScore: fc.integer({ min: 0, max: 100 }).map((tenths) => tenths / 10),
  riskTier: fc.constantFrom(...TIERS),
  approvalState: approvalStates,
});

/** The same JSON with its object keys in another order, as a store may give it back. */
const reordered = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reordered);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reordered(item)]));
};

describe('comparing with what Jira holds', () => {
  it('finds nothing to write when Jira holds the values, in whatever key order', () => {
    fc.assert(fc.property(values, (value) => expect(fieldsOutOfStep(reordered(JSON.parse(JSON.stringify(value))) as object, value, everywhere)).toEqual({})));
  });

  it('finds nothing more to write once the values it found were written', () => {
    fc.assert(
      fc.property(values, values, fc.subarray([...everywhere]), (held, value, onSite) => {
        const written = { ...held, ...fieldsOutOfStep(held, value, onSite) };
        expect(fieldsOutOfStep(written, value, onSite)).toEqual({});
      }),
    );
  });
});
