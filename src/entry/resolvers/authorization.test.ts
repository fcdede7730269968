import { KvsAuditorGrants } from '../../adapters/forge/kvs-auditor-grants';
import { CONTRACT, RESOLVER_KEYS, responseEnvelopeSchema, type ResolverKey } from '../../contract';
import { SAMPLES } from '../../contract/testing/samples';
import { findProject } from '../../sandbox/jira/jira-state';
import { PEOPLE } from '../../sandbox/jira/testing/stand-in-world';
import { anExceptionRequest } from '../../domain/testing/builders';
import { createRegisterWorld, type RegisterWorld } from '../testing/register-world';
import { AUDITOR_ACCESSED } from '../../app/access/record-auditor-access';
import { createUiResolver } from './ui-resolver';

/**
 * Every resolver key called as every role, through the real @forge/resolver definitions, the local Forge runtime
 * and the Jira stand-in's own permission checks. Who may call what is the table below; everything else must be
 * refused with AUTH.FORBIDDEN, decided from the platform's account id alone.
 */

const ROLES = {
  requester: PEOPLE.requester,
  securityLead: PEOPLE.lead,
  riskOwner: 'acc-risk',
  complianceLead: 'acc-compliance',
  ciso: 'acc-ciso',
  admin: PEOPLE.admin,
  auditor: 'acc-auditor',
  expiredAuditor: 'acc-auditor-expired',
  outsider: PEOPLE.outsider,
} as const;
type Role = keyof typeof ROLES;

const EVERYONE = Object.keys(ROLES) as Role[];
const PROJECT_MEMBERS: readonly Role[] = ['requester', 'securityLead', 'riskOwner', 'complianceLead', 'ciso', 'admin'];
const LEADS_ADMINS_AUDITORS: readonly Role[] = ['securityLead', 'admin', 'auditor'];
const LEADS_ADMINS: readonly Role[] = ['securityLead', 'admin'];

const ALLOWED: { readonly [K in ResolverKey]: readonly Role[] } = {
  'register/list': [...PROJECT_MEMBERS, 'auditor'],
  'register/export-page': LEADS_ADMINS_AUDITORS,
  'dashboard/summary': [...PROJECT_MEMBERS, 'auditor'],
  'reviews/queue': LEADS_ADMINS_AUDITORS,
  'reviews/attest': ['securityLead'],
  'reports/list': LEADS_ADMINS_AUDITORS,
  'reports/get': LEADS_ADMINS_AUDITORS,
  'exception/panel': [...PROJECT_MEMBERS, 'auditor'],
  'exception/request-renewal': PROJECT_MEMBERS,
  'intake/preflight': [...PROJECT_MEMBERS, 'auditor'],
  'admin/policy/get': LEADS_ADMINS_AUDITORS,
  'admin/policy/validate': LEADS_ADMINS,
  'admin/policy/save': LEADS_ADMINS,
  'admin/setup/run': ['admin'],
  'admin/setup/status': LEADS_ADMINS_AUDITORS,
  'admin/integrations/get': LEADS_ADMINS_AUDITORS,
  'admin/integrations/save': LEADS_ADMINS,
  'admin/auditors/get': LEADS_ADMINS,
  'admin/auditors/grant': LEADS_ADMINS,
  'session/me': EVERYONE,
};

/** Calls that change something: never allowed to an auditor or a requester without the owning role. */
const MUTATING: readonly ResolverKey[] = ['reviews/attest', 'admin/policy/save', 'admin/setup/run', 'admin/integrations/save', 'admin/auditors/grant'];

const DAY_MS = 86_400_000;

let world: RegisterWorld;
let handler: ReturnType<typeof createUiResolver>;
let issueKey: string;

const payloadFor = (key: ResolverKey): unknown => {
  const sample: unknown = SAMPLES[key].request;
  if (key === 'reviews/attest') return { ...(sample as object), issueKey, quarter: '2026-Q1' };
  if (key === 'admin/policy/validate' || key === 'admin/policy/save') return { ...(sample as object), expectedRevision: 0 };
  if (key === 'reviews/queue') return { pageSize: 25, includeAttested: true };
  if (key === 'admin/auditors/grant') return { accountId: 'acc-someone', until: '2026-03-20T00:00:00.000Z' };
  if (key === 'register/list') return { pageSize: 25 };
  if (typeof sample === 'object' && sample !== null && 'issueKey' in sample) return { ...sample, issueKey };
  return sample;
};

const call = async (key: ResolverKey, accountId: string | null, payload: unknown = payloadFor(key), context: object = {}) => {
  const answer = await world.runtime.runAs(accountId, () =>
    handler(
      { call: { functionKey: key, payload }, context: { extension: { project: { key: 'SEC' }, issue: { key: issueKey } }, ...context } },
      { principal: accountId === null ? undefined : { accountId }, installContext: 'ari:cloud:jira::site/cloud-9d3e' },
    ),
  );
  return responseEnvelopeSchema(key).parse(answer);
};

beforeAll(async () => {
  world = await createRegisterWorld();
  const { jira } = world.world;
  for (const [accountId, name, group] of [
    [ROLES.riskOwner, 'Rick Risk', 'risk-owners'],
    [ROLES.complianceLead, 'Cora Compliance', 'compliance-leads'],
    [ROLES.ciso, 'Cy Ciso', 'ciso'],
    [ROLES.auditor, 'Audra Auditor', 'auditors'],
    [ROLES.expiredAuditor, 'Ex Auditor', 'auditors'],
  ] as const) {
    jira.seedUser({ accountId, displayName: name });
    jira.seedGroup(group, [...(jira.state.groups.size === 0 ? [] : []), accountId]);
  }
  jira.seedGroup('auditors', [ROLES.auditor, ROLES.expiredAuditor]);
  const project = findProject(jira.state, 'SEC');
  if (project === undefined) throw new Error('no SEC project');
  const browse = project.permissions.get('BROWSE_PROJECTS') ?? { anyoneWithSiteAccess: false, groups: [], accountIds: [] };
  project.permissions.set('BROWSE_PROJECTS', { ...browse, accountIds: [...browse.accountIds, ROLES.riskOwner, ROLES.complianceLead, ROLES.ciso] });

  const now = world.world.jira.clock.now().getTime();
  await world.runtime.runAs(null, async () => {
    const grants = new KvsAuditorGrants();
    await grants.save({ accountId: ROLES.auditor, until: new Date(now + 30 * DAY_MS).toISOString(), grantedBy: PEOPLE.lead, grantedAt: new Date(now).toISOString() });
    await grants.save({ accountId: ROLES.expiredAuditor, until: new Date(now - DAY_MS).toISOString(), grantedBy: PEOPLE.lead, grantedAt: new Date(now - 60 * DAY_MS).toISOString() });
  });
  issueKey = await world.createException(anExceptionRequest({ requestedExpiry: '2026-05-01' }));
  await world.settle();
  handler = createUiResolver(world.platform);
}, 60_000);

afterAll(() => world.close());

describe('who may call which resolver', () => {
  const cases = RESOLVER_KEYS.flatMap((key) => EVERYONE.map((role) => [key, role, ALLOWED[key].includes(role)] as const));

  it.each(cases)('%s as %s: allowed %s', async (key, role, allowed) => {
    const answer = await call(key, ROLES[role]);
    if (allowed) expect(answer.ok ? 'answered' : answer.error.code).not.toBe('AUTH.FORBIDDEN');
    else expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  }, 30_000);

  it('lets no auditor and no plain requester change anything', () => {
    for (const key of MUTATING) {
      expect(ALLOWED[key]).not.toContain('auditor');
      expect(ALLOWED[key]).not.toContain('expiredAuditor');
      expect(ALLOWED[key]).not.toContain('requester');
    }
  });

  it('has a row for every key of the contract', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(Object.keys(CONTRACT).sort());
  });
});

describe('where the identity comes from', () => {
  it('refuses a call without a signed-in account', async () => {
    expect(await call('session/me', null)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('takes the account from the platform, never from the context or the payload', async () => {
    const answer = await call('admin/policy/get', PEOPLE.outsider, {}, { accountId: PEOPLE.admin });
    expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('tells each person their own roles', async () => {
    const lead = await call('session/me', PEOPLE.lead);
    expect(lead).toMatchObject({ ok: true, data: { user: { accountId: PEOPLE.lead }, roles: { securityLead: true, reviewer: true, admin: false, auditor: false, requester: true } } });
    const auditor = await call('session/me', ROLES.auditor);
    expect(auditor).toMatchObject({ ok: true, data: { roles: { auditor: true, requester: false }, auditorAccessUntil: expect.any(String) as string } });
    const expired = await call('session/me', ROLES.expiredAuditor);
    expect(expired).toMatchObject({ ok: true, data: { roles: { auditor: false }, auditorAccessUntil: null } });
  });
});

describe('auditor access', () => {
  it('records every call of a grant holder in the audit chain, allowed or not', async () => {
    const countEntries = async () =>
      (await world.database.db.selectFrom('audit_chain').select(['actor', 'action']).where('action', '=', AUDITOR_ACCESSED).execute()).length;
    const before = await countEntries();
    await call('register/list', ROLES.auditor);
    await call('admin/policy/save', ROLES.auditor);
    await call('register/list', ROLES.expiredAuditor);
    await call('register/list', PEOPLE.lead);
    expect((await countEntries()) - before).toBe(3);
  });
});
