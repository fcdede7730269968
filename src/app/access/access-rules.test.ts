import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { authorize, CAPABILITIES, mayUse, type Capability } from './access-rules';
import type { Caller, Roles } from './caller-roles';

const NOBODY: Roles = {
  requester: false,
  approverLevels: [],
  peerReviewer: false,
  reviewer: false,
  securityLead: false,
  admin: false,
  auditor: false,
};

const PERSONAS: Readonly<Record<string, Roles>> = {
  outsider: NOBODY,
  requester: { ...NOBODY, requester: true },
  reviewer: { ...NOBODY, requester: true, reviewer: true },
  securityLead: { ...NOBODY, requester: true, securityLead: true, reviewer: true, approverLevels: ['security-lead'] },
  admin: { ...NOBODY, requester: true, admin: true },
  auditor: { ...NOBODY, auditor: true },
  auditorWhoIsAlsoAdmin: { ...NOBODY, requester: true, admin: true, auditor: true },
};

const ALLOWED: Readonly<Record<Capability, readonly string[]>> = {
  'read-register': ['requester', 'reviewer', 'securityLead', 'admin', 'auditor', 'auditorWhoIsAlsoAdmin'],
  'export-register': ['securityLead', 'admin', 'auditor', 'auditorWhoIsAlsoAdmin'],
  'read-reviews': ['reviewer', 'securityLead', 'admin', 'auditor', 'auditorWhoIsAlsoAdmin'],
  'attest-reviews': ['reviewer', 'securityLead'],
  'read-reports': ['securityLead', 'admin', 'auditor', 'auditorWhoIsAlsoAdmin'],
  'request-renewal': ['requester', 'reviewer', 'securityLead', 'admin'],
  'read-policy': ['securityLead', 'admin', 'auditor', 'auditorWhoIsAlsoAdmin'],
  'edit-policy': ['securityLead', 'admin'],
  'read-setup': ['securityLead', 'admin', 'auditor', 'auditorWhoIsAlsoAdmin'],
  'run-setup': ['admin'],
  'read-integrations': ['securityLead', 'admin', 'auditor', 'auditorWhoIsAlsoAdmin'],
  'edit-integrations': ['securityLead', 'admin'],
  'manage-auditors': ['securityLead', 'admin'],
};

const callerWith = (roles: Roles, auditorGrant: Caller['auditorGrant'] = { state: 'none' }): Caller => ({
  accountId: 'acc-x',
  projectKey: 'SEC',
  groups: [],
  roles,
  auditorGrant,
});

describe('who may do what', () => {
  const cases = CAPABILITIES.flatMap((capability) =>
    Object.keys(PERSONAS).map((persona) => [capability, persona, ALLOWED[capability].includes(persona)] as const),
  );

  it.each(cases)('%s by %s: %s', (capability, persona, allowed) => {
    expect(mayUse(capability, PERSONAS[persona] ?? NOBODY)).toBe(allowed);
  });

  it('tells an auditor that auditor access is read-only, whatever else the account may do', () => {
    const refused = authorize('edit-policy', callerWith(PERSONAS['auditorWhoIsAlsoAdmin'] ?? NOBODY), DEFAULT_POLICY);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'AUTH.FORBIDDEN',
        message: expect.stringMatching(/^Auditor access is read-only, so you cannot change the approval policy\. Only security leads \(members of security-leads\)/) as string,
      },
    });
  });

  it('tells a caller whose auditor grant lapsed when it ended', () => {
    const refused = authorize('read-reports', callerWith(NOBODY, { state: 'lapsed', until: '2026-10-31T00:00:00.000Z' }), DEFAULT_POLICY);
    expect(refused.ok ? '' : refused.error.message).toContain('Your auditor access ended on 2026-10-31T00:00:00.000Z');
  });

  it('names the project a reader must be able to browse', () => {
    const refused = authorize('read-register', callerWith(NOBODY), DEFAULT_POLICY);
    expect(refused.ok ? '' : refused.error.message).toBe(
      'Only people who may browse SEC in Jira and auditors may read the exception register. If you hold this role, ask a Jira administrator to add you to its group.',
    );
  });
});
