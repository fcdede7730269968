import { securityLeadLevel } from '../../domain/lifecycle/actor-roles';
import type { Policy } from '../../domain/policy/policy-config';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type { Caller, Roles } from './caller-roles';

/**
 * Who may do what, in one table. Reading follows Jira: whoever may browse the project may read its register, as
 * they could read its issues; an active auditor grant reads everything. Changing anything needs the role that owns
 * it, and never an auditor, whatever else the auditor's account could do: auditor sessions are read-only.
 */
export const CAPABILITIES = [
  'read-register',
  'export-register',
  'read-reviews',
  'attest-reviews',
  'read-reports',
  'request-renewal',
  'read-policy',
  'edit-policy',
  'read-setup',
  'run-setup',
  'read-integrations',
  'edit-integrations',
  'manage-auditors',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type AccessCode = 'AUTH.FORBIDDEN';

type Rule = {
  readonly allows: (roles: Roles) => boolean;
  /** Whether an active auditor grant may use it: only reading. */
  readonly readOnly: boolean;
  /** What the capability does, after "may". */
  readonly doing: string;
  /** Who may, for the refusal. */
  readonly who: (policy: Policy | null, projectKey: string | null) => string;
};

const projectReaders = (projectKey: string | null): string =>
  projectKey === null ? 'people who may browse the project in Jira' : `people who may browse ${projectKey} in Jira`;
const leads = (policy: Policy | null): string =>
  policy === null ? 'security leads' : `security leads (members of ${securityLeadLevel(policy).group})`;
const reviewers = (policy: Policy | null): string => (policy === null ? 'reviewers' : `reviewers (members of ${policy.review.group})`);

const RULES: { readonly [C in Capability]: Rule } = {
  'read-register': {
    allows: (r) => r.requester,
    readOnly: true,
    doing: 'read the exception register',
    who: (_policy, project) => `${projectReaders(project)} and auditors`,
  },
  'export-register': {
    allows: (r) => r.requester && (r.securityLead || r.admin),
    readOnly: true,
    doing: 'export the register',
    who: (policy, project) => `${leads(policy)} and Jira administrators among ${projectReaders(project)}, and auditors`,
  },
  'read-reviews': {
    allows: (r) => r.requester && (r.reviewer || r.securityLead || r.admin),
    readOnly: true,
    doing: 'see the quarterly review queue',
    who: (policy, project) => `${reviewers(policy)}, ${leads(policy)} and Jira administrators among ${projectReaders(project)}, and auditors`,
  },
  'attest-reviews': {
    allows: (r) => r.requester && (r.reviewer || r.securityLead),
    readOnly: false,
    doing: 'attest quarterly reviews',
    who: (policy, project) => `${reviewers(policy)} and ${leads(policy)} among ${projectReaders(project)}`,
  },
  'read-reports': {
    allows: (r) => r.securityLead || r.admin,
    readOnly: true,
    doing: 'read the monthly reports',
    who: (policy) => `${leads(policy)}, Jira administrators and auditors`,
  },
  'request-renewal': {
    allows: (r) => r.requester,
    readOnly: false,
    doing: 'request renewals',
    who: (_policy, project) => projectReaders(project),
  },
  'read-policy': {
    allows: (r) => r.securityLead || r.admin,
    readOnly: true,
    doing: 'read the approval policy',
    who: (policy) => `${leads(policy)}, Jira administrators and auditors`,
  },
  'edit-policy': {
    allows: (r) => r.securityLead || r.admin,
    readOnly: false,
    doing: 'change the approval policy',
    who: (policy) => `${leads(policy)} and Jira administrators`,
  },
  'read-setup': {
    allows: (r) => r.securityLead || r.admin,
    readOnly: true,
    doing: 'see project set-up',
    who: (policy) => `${leads(policy)}, Jira administrators and auditors`,
  },
  'run-setup': {
    // Set-up changes Jira's own configuration as the caller, which Jira allows administrators only.
    allows: (r) => r.admin,
    readOnly: false,
    doing: 'set up projects',
    who: () => 'Jira administrators',
  },
  'read-integrations': {
    allows: (r) => r.securityLead || r.admin,
    readOnly: true,
    doing: 'see the integrations',
    who: (policy) => `${leads(policy)}, Jira administrators and auditors`,
  },
  'edit-integrations': {
    allows: (r) => r.securityLead || r.admin,
    readOnly: false,
    doing: 'change integrations or their secrets',
    who: (policy) => `${leads(policy)} and Jira administrators`,
  },
  'manage-auditors': {
    allows: (r) => r.securityLead || r.admin,
    readOnly: false,
    doing: 'grant auditor access',
    who: (policy) => `${leads(policy)} and Jira administrators`,
  },
};

export const mayUse = (capability: Capability, roles: Roles): boolean => {
  const rule = RULES[capability];
  if (roles.auditor) return rule.readOnly;
  return rule.allows(roles);
};

/** Allowed, or refused with a message naming who may and what the caller can do about it. */
export const authorize = (capability: Capability, caller: Caller, policy: Policy | null): Result<true, AccessCode> => {
  if (mayUse(capability, caller.roles)) return ok(true);
  const rule = RULES[capability];
  if (caller.roles.auditor) {
    return refuse(
      'AUTH.FORBIDDEN',
      `Auditor access is read-only, so you cannot ${rule.doing}. Only ${rule.who(policy, caller.projectKey)} may.`,
    );
  }
  const lapsed =
    caller.auditorGrant.state === 'lapsed'
      ? ` Your auditor access ended on ${caller.auditorGrant.until} or you are no longer in the auditor group; ask a security lead to renew it.`
      : '';
  return refuse(
    'AUTH.FORBIDDEN',
    `Only ${rule.who(policy, caller.projectKey)} may ${rule.doing}.${lapsed} If you hold this role, ask a Jira administrator to add you to its group.`,
  );
};
