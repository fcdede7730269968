import { canAttestReviews, canEditPolicy, canRequestRenewal, canRunSetup, type Session } from './session';
import { SAMPLES } from './testing/samples';

const withRoles = (roles: Partial<Session['roles']>): Session => {
  const base = SAMPLES['session/me'].response;
  return { ...base, roles: { ...base.roles, ...roles } };
};

describe('what the UI offers a caller (presentation only)', () => {
  it.each([
    ['an admin security lead', {}, true, true, true, true],
    ['an admin who is also an auditor', { auditor: true }, false, false, false, false],
    ['a security lead who is not a Jira admin', { admin: false }, true, true, true, false],
    ['a Jira admin who is not a security lead', { securityLead: false, reviewer: false }, true, false, true, true],
    ['a reviewer who is not an admin', { admin: false, securityLead: false }, false, true, true, false],
    ['a requester only', { admin: false, securityLead: false, reviewer: false }, false, false, true, false],
  ])('%s: edit policy %s, attest %s, renew %s, run set-up %s', (_who, roles, policy, attest, renew, setup) => {
    const session = withRoles(roles);
    expect([canEditPolicy(session), canAttestReviews(session), canRequestRenewal(session), canRunSetup(session)]).toEqual([policy, attest, renew, setup]);
  });
});
