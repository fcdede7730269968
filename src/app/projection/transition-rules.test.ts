import type { Approval } from '../../domain/approval/approval';
import type { Status } from '../../domain/exception/security-exception';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { ACTORS, anApproval, anExceptionRequest } from '../../domain/testing/builders';
import { readExceptionIssue, readExceptionRequest } from './read-exception-issue';
import { anExceptionIssue } from './testing/exception-issue-builder';
import { allowedFrom, bypassedRule, type GuardedStatus, type TransitionCheckInput } from './transition-rules';

const policy = DEFAULT_POLICY;
const NAMES: Record<string, string> = { draft: 'Draft', submitted: 'Submitted', 'risk-review': 'Risk Review', 'awaiting-approval': 'Awaiting Approval', active: 'Active' };

/** The check of a move `from` -> `to` of SEC-1, read as it is after the move. */
const check = (
  from: Status,
  to: GuardedStatus,
  options: { approvals?: (input: TransitionCheckInput) => Approval[]; actor?: TransitionCheckInput['actor']; issue?: Parameters<typeof anExceptionIssue>[0] } = {},
) => {
  const issue = anExceptionIssue({ status: { name: NAMES[to] ?? to }, ...options.issue });
  const input: TransitionCheckInput = {
    issueKey: 'SEC-1',
    from,
    fromName: NAMES[from],
    to,
    request: readExceptionRequest(issue).request,
    reading: readExceptionIssue(issue, policy, null),
    approvals: [],
    actor: options.actor ?? null,
    policy,
    at: '2026-11-03T10:00:00.000Z',
  };
  return bypassedRule({ ...input, approvals: options.approvals?.(input) ?? [] });
};

const quorum = (input: TransitionCheckInput): Approval[] => {
  if (input.reading.kind !== 'exception') throw new Error('test issue must be readable');
  const exception = input.reading.exception;
  const levels = policy.tiers[exception.tier].levels;
  const approvers = ['acc-lead', 'acc-risk', 'acc-compliance', 'acc-ciso'];
  return levels.map((levelId, i) => anApproval(exception, { levelId, approver: approvers[i] ?? 'acc-x' }));
};

describe('bypassedRule', () => {
  it.each<[string, () => ReturnType<typeof bypassedRule>, string | null, string | null]>([
    ['activation without any approval', () => check('awaiting-approval', 'active'), 'BYPASS.ACTIVATION_RULES', 'APPROVAL.QUORUM_INCOMPLETE'],
    ['activation with every level approved', () => check('awaiting-approval', 'active', { approvals: quorum }), null, null],
    [
      'activation with approvals of content since changed',
      () => check('awaiting-approval', 'active', { approvals: (input) => quorum(input).map((a) => ({ ...a, contentHash: 'e'.repeat(64) })) }),
      'BYPASS.ACTIVATION_RULES',
      'APPROVAL.STALE_APPROVALS',
    ],
    ['activation straight from Submitted', () => check('submitted', 'active', { approvals: quorum }), 'BYPASS.ACTIVATION_RULES', 'LIFECYCLE.NOT_ALLOWED_FROM_STATUS'],
    [
      'activation of an issue that cannot be read',
      () => check('awaiting-approval', 'active', { issue: { custom: { riskInputs: null } } }),
      'BYPASS.ACTIVATION_RULES',
      'REGISTER.EXCEPTION_UNREADABLE',
    ],
    ['a complete request submitted', () => check('draft', 'submitted'), null, null],
    [
      'an incomplete request submitted',
      () => check('draft', 'submitted', { issue: { request: anExceptionRequest({ businessUnit: undefined }) } }),
      'BYPASS.SUBMISSION_RULES',
      'PREFLIGHT.FIELD_MISSING',
    ],
    ['a review completed by an independent architect', () => check('risk-review', 'awaiting-approval', { actor: ACTORS.architect }), null, null],
    ['a review completed by the requester', () => check('risk-review', 'awaiting-approval', { actor: { ...ACTORS.requester, groups: ['security-architects'] } }), 'BYPASS.REVIEW_RULES', 'APPROVAL.PEER_REVIEWER_IS_REQUESTER'],
    ['a review completed outside the review group', () => check('risk-review', 'awaiting-approval', { actor: ACTORS.outsider }), 'BYPASS.REVIEW_RULES', 'APPROVAL.NOT_IN_PEER_REVIEW_GROUP'],
    ['a review completed by nobody Jira names', () => check('risk-review', 'awaiting-approval'), 'BYPASS.REVIEW_RULES', 'APPROVAL.REVIEWER_UNKNOWN'],
    ['the review skipped altogether', () => check('submitted', 'awaiting-approval', { actor: ACTORS.architect }), 'BYPASS.REVIEW_RULES', 'LIFECYCLE.NOT_ALLOWED_FROM_STATUS'],
    ['an active exception sent back for approval', () => check('active', 'awaiting-approval'), null, null],
  ])('%s', (_case, decide, code, ruleCode) => {
    const rule = decide();
    expect(rule === null ? null : rule.code).toBe(code);
    expect(rule === null ? null : rule.ruleCode).toBe(ruleCode);
  });

  it('says what was bypassed and what to do about it', () => {
    const rule = check('awaiting-approval', 'active');
    expect(rule?.message).toMatch(/SEC-1 cannot be activated yet: it still needs Security lead approval/);
    expect(rule?.remedy).toMatch(/back to Awaiting Approval/);
  });
});

describe('allowedFrom', () => {
  it.each<[Status, Status[]]>([
    ['submitted', ['draft']],
    ['active', ['awaiting-approval']],
    ['awaiting-approval', ['risk-review', 'awaiting-approval', 'active']],
  ])('%s is reached from %j', (to, from) => expect(allowedFrom(to).sort()).toEqual([...from].sort()));
});
