import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { auditorStanding, callerOf, type CallerFacts } from './caller-roles';

const NOW = new Date('2026-11-02T09:00:00.000Z');

const facts = (overrides: Partial<CallerFacts> = {}): CallerFacts => ({
  accountId: 'acc-x',
  projectKey: 'SEC',
  groups: [],
  permissions: { jiraAdmin: false, browseProject: true },
  grant: null,
  auditorGroup: 'auditors',
  ...overrides,
});

const grant = (until: string) => ({ accountId: 'acc-x', until, grantedBy: 'acc-lead', grantedAt: '2026-10-01T00:00:00.000Z' });

describe('the roles of a caller', () => {
  it.each([
    ['a project member', facts(), { requester: true, securityLead: false, admin: false, auditor: false, approverLevels: [] }],
    ['someone who cannot browse the project', facts({ permissions: { jiraAdmin: false, browseProject: false } }), { requester: false }],
    ['a security lead', facts({ groups: ['security-leads'] }), { securityLead: true, reviewer: true, approverLevels: ['security-lead'] }],
    ['a Jira administrator', facts({ permissions: { jiraAdmin: true, browseProject: true } }), { admin: true, securityLead: false }],
    ['a CISO in upper-case group spelling', facts({ groups: ['CISO'] }), { approverLevels: ['ciso'] }],
    ['a risk and compliance approver', facts({ groups: ['compliance-leads', 'risk-owners'] }), { approverLevels: ['risk-owner', 'compliance-lead'] }],
    ['a security architect', facts({ groups: ['security-architects'] }), { peerReviewer: true, reviewer: false }],
    ['an auditor with a current grant', facts({ groups: ['auditors'], grant: grant('2026-12-01T00:00:00.000Z') }), { auditor: true }],
    ['an auditor whose grant ran out', facts({ groups: ['auditors'], grant: grant('2026-11-01T00:00:00.000Z') }), { auditor: false }],
    ['a grant holder outside the auditor group', facts({ grant: grant('2026-12-01T00:00:00.000Z') }), { auditor: false }],
  ])('%s', (_name, input, expected) => {
    expect(callerOf(input, DEFAULT_POLICY, NOW).roles).toMatchObject(expected);
  });

  it('knows only what Jira says when the stored policy cannot be used', () => {
    const caller = callerOf(facts({ groups: ['security-leads'], permissions: { jiraAdmin: true, browseProject: true } }), null, NOW);
    expect(caller.roles).toEqual({
      requester: true,
      approverLevels: [],
      peerReviewer: false,
      reviewer: false,
      securityLead: false,
      admin: true,
      auditor: false,
    });
    expect(caller.groups).toEqual(['security-leads']);
  });

  it.each([
    [null, true, { state: 'none' }],
    [grant('2026-11-02T09:00:00.001Z'), true, { state: 'active', until: '2026-11-02T09:00:00.001Z' }],
    [grant('2026-11-02T09:00:00.000Z'), true, { state: 'lapsed', until: '2026-11-02T09:00:00.000Z' }],
    [grant('2027-01-01T00:00:00.000Z'), false, { state: 'lapsed', until: '2027-01-01T00:00:00.000Z' }],
  ])('an auditor grant %j held by a group member (%s) stands as %j', (held, member, expected) => {
    expect(auditorStanding(held, member, NOW)).toEqual(expected);
  });
});
