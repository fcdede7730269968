import { canAttestReviews, canEditPolicy, canRequestRenewal, type Session } from './session';
import { SAMPLES } from './testing/samples';

const withRoles = (roles: Partial<Session['roles']>): Session => {
  const base = SAMPLES['session/me'].response;
  return { ...base, roles: { ...base.roles, ...roles } };
};

describe('what the UI offers a caller (presentation only)', () => {
  it.each([
    ['an admin security lead', {}, true, true, true],
    ['an admin who is also an auditor', { auditor: true }, false, false, false],
    ['a reviewer who is not an admin', { admin: false, securityLead: false }, false, true, true],
    ['a requester only', { admin: false, securityLead: false, reviewer: false }, false, false, true],
  ])('%s: edit policy %s, attest %s, renew %s', (_who, roles, policy, attest, renew) => {
    const session = withRoles(roles);
    expect([canEditPolicy(session), canAttestReviews(session), canRequestRenewal(session)]).toEqual([policy, attest, renew]);
  });
});
