import { DEFAULT_AUDITOR_GROUP } from '../../adapters/forge/kvs-auditor-grants';

/**
 * The people of the demo site and the Jira groups that give them their roles. Group names are the default policy's
 * (approval levels, peer review, escalation, quarterly review), so the app's rules apply to them unchanged; the
 * sandbox checks at start that every group the active policy names exists.
 */

export type Role = 'requester' | 'security-lead' | 'risk-owner' | 'compliance-lead' | 'ciso' | 'architect' | 'escalation' | 'auditor' | 'admin';

export type Person = {
  readonly accountId: string;
  readonly displayName: string;
  readonly role: Role;
  /** What the user switcher says about them. */
  readonly title: string;
  readonly groups: readonly string[];
  /** The business unit whose assets a requester owns. */
  readonly businessUnit?: string;
  readonly timeZone?: string;
};

/** Everyone who works on exceptions; the auditor only reads, so Jira gives them browse permission alone. */
export const PROJECT_TEAM_GROUP = 'security-exception-users';
export const JIRA_ADMIN_GROUP = 'jira-admins';
/** Auditor grants go only to members of the app's auditor group; the demo keeps the app's default. */
export const AUDITOR_GROUP = DEFAULT_AUDITOR_GROUP;

const requester = (accountId: string, displayName: string, businessUnit: string): Person => ({
  accountId,
  displayName,
  role: 'requester',
  title: `Requester, asset owner in ${businessUnit}`,
  groups: [PROJECT_TEAM_GROUP],
  businessUnit,
});

export const CAST = {
  rita: requester('acc-rita', 'Rita Reyes', 'Payments'),
  omar: requester('acc-omar', 'Omar Haddad', 'Data Platform'),
  mei: requester('acc-mei', 'Mei Chen', 'Retail Web'),
  jonas: requester('acc-jonas', 'Jonas Berg', 'Corporate IT'),
  priya: requester('acc-priya', 'Priya Nair', 'Mobile'),
  sam: {
    accountId: 'acc-sam',
    displayName: 'Sam Okafor',
    role: 'security-lead',
    title: 'Security lead (approves the first level, attests reviews)',
    groups: [PROJECT_TEAM_GROUP, 'security-leads'],
    timeZone: 'Europe/London',
  },
  lena: {
    accountId: 'acc-lena',
    displayName: 'Lena Fischer',
    role: 'security-lead',
    title: 'Security lead',
    groups: [PROJECT_TEAM_GROUP, 'security-leads'],
    timeZone: 'Europe/Berlin',
  },
  raj: { accountId: 'acc-raj', displayName: 'Raj Patel', role: 'risk-owner', title: 'Risk / information owner', groups: [PROJECT_TEAM_GROUP, 'risk-owners'] },
  grace: { accountId: 'acc-grace', displayName: 'Grace Kim', role: 'compliance-lead', title: 'Compliance lead', groups: [PROJECT_TEAM_GROUP, 'compliance-leads'] },
  victor: { accountId: 'acc-victor', displayName: 'Victor Dubois', role: 'ciso', title: 'CISO', groups: [PROJECT_TEAM_GROUP, 'ciso'] },
  ana: {
    accountId: 'acc-ana',
    displayName: 'Ana Souza',
    role: 'architect',
    title: 'Security architect (peer review)',
    groups: [PROJECT_TEAM_GROUP, 'security-architects'],
  },
  eli: { accountId: 'acc-eli', displayName: 'Eli Novak', role: 'escalation', title: 'Escalation contact', groups: [PROJECT_TEAM_GROUP, 'security-escalation'] },
  aude: { accountId: 'acc-aude', displayName: 'Aude Martin', role: 'auditor', title: 'Auditor (read-only)', groups: [AUDITOR_GROUP] },
  ada: { accountId: 'acc-ada', displayName: 'Ada Admin', role: 'admin', title: 'Jira administrator', groups: [PROJECT_TEAM_GROUP, JIRA_ADMIN_GROUP] },
} as const satisfies Record<string, Person>;

export const PEOPLE: readonly Person[] = Object.values(CAST);

export const REQUESTERS: readonly Person[] = PEOPLE.filter((person) => person.role === 'requester');

export const personById = (accountId: string): Person | undefined => PEOPLE.find((person) => person.accountId === accountId);

/** Every group named by someone's membership, with its members. */
export const groupsOfCast = (): ReadonlyMap<string, readonly string[]> => {
  const groups = new Map<string, string[]>();
  for (const person of PEOPLE) {
    for (const group of person.groups) groups.set(group, [...(groups.get(group) ?? []), person.accountId]);
  }
  return groups;
};
