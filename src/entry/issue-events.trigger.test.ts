import { SqlApprovalRepository } from '../adapters/sql/sql-approval-repository';
import { SqlAuditStore } from '../adapters/sql/sql-audit-store';
import { SqlRegisterRepository } from '../adapters/sql/sql-register-repository';
import { FLAGS_PROPERTY, readFlags } from '../app/projection/flag-bypass';
import { contentHash } from '../domain/exception/content-hash';
import { DEFAULT_POLICY } from '../domain/policy/default-policy';
import { assessRisk } from '../domain/risk';
import { anApproval, anException, anExceptionRequest } from '../domain/testing/builders';
import { call, PEOPLE } from '../sandbox/jira/testing/stand-in-world';
import { issueEventsHandler } from './issue-events.trigger';
import { createRegisterWorld, type RegisterWorld } from './testing/register-world';

/** A request pre-flight accepts on the stand-in's first day (2026-03-02): its expiry is within the low tier's 180 days. */
const aRequest = (overrides: Parameters<typeof anExceptionRequest>[0] = {}) =>
  anExceptionRequest({ requestedExpiry: '2026-08-01', remediationPlan: { summary: 'Replace the appliance', targetDate: '2026-07-15' }, ...overrides });

describe('the issue-events trigger', () => {
  let site: RegisterWorld;
  let register: SqlRegisterRepository;
  let audit: SqlAuditStore;

  beforeEach(async () => {
    site = await createRegisterWorld();
    register = new SqlRegisterRepository(site.database);
    audit = new SqlAuditStore(site.database);
  });

  afterEach(() => site.close());

  const auditActions = async () => (await audit.page(0, 100)).map((entry) => `${entry.action} ${entry.issueKey ?? ''} by ${entry.actor}`);
  const deliveries = (outcome: 'delivered' | 'failed') => site.world.jira.events.deliveries().filter((record) => record.outcome === outcome);

  it('projects a created exception, with its rating, into the register', async () => {
    const request = aRequest();
    const key = await site.createException(request);
    await site.settle();

    const risk = assessRisk({ ...request, riskInputs: request.riskInputs ?? { method: 'matrix', likelihood: 1, impact: 1 } }, DEFAULT_POLICY);
    expect(await register.get(key)).toMatchObject({
      issueKey: key,
      projectKey: 'SEC',
      status: 'draft',
      title: request.title,
      requester: PEOPLE.requester,
      tier: risk.ok ? risk.value.tier : 'none',
      contentHash: contentHash(request),
      version: 1,
    });
    expect(deliveries('failed')).toEqual([]);
  });

  it('follows edits and transitions', async () => {
    const key = await site.createException(aRequest());
    await site.settle();
    await site.editFields(key, { requestedExpiry: '2026-07-20' });
    await site.transition(key, 'Submit', PEOPLE.requester);
    await site.settle();

    const entry = await register.get(key);
    expect(entry).toMatchObject({ status: 'submitted', contentHash: contentHash(aRequest({ requestedExpiry: '2026-07-20' })) });
    expect(entry?.jiraUpdatedAt).toBe(site.world.jira.clock.now().toISOString());
  });

  it('removes a deleted exception and audits who deleted it', async () => {
    const key = await site.createException(aRequest());
    await site.settle();
    await site.deleteIssue(key, PEOPLE.admin);
    await site.settle();

    expect(await register.get(key)).toBeNull();
    expect(await auditActions()).toEqual([`exception.deleted ${key} by ${PEOPLE.admin}`]);
  });

  it('leaves the register as Jira has it when every event arrives twice and in reverse order', async () => {
    site.world.jira.events.configure({ duplicate: true, outOfOrder: true, paused: true });
    const kept = await site.createException(aRequest(), 'Kept');
    const deleted = await site.createException(aRequest(), 'Deleted');
    await site.editFields(kept, { requestedExpiry: '2026-07-25' });
    site.world.jira.clock.advance({ minutes: 5 });
    await site.transition(kept, 'Submit', PEOPLE.requester);
    await site.deleteIssue(deleted);
    site.world.jira.events.configure({ paused: false });
    await site.world.jira.events.deliverPending();
    await site.settle();

    expect(await register.get(kept)).toMatchObject({ status: 'submitted', title: 'Kept', jiraUpdatedAt: site.world.jira.clock.now().toISOString() });
    expect(await register.get(deleted)).toBeNull();
    expect(await auditActions()).toEqual([`exception.deleted ${deleted} by ${PEOPLE.admin}`]);
    expect(deliveries('failed')).toEqual([]);
  });

  it('leaves issues of other types alone without reading them', async () => {
    await call(site.world.jira, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' }, summary: 'Patch the proxy' } }, PEOPLE.requester);
    await site.settle();
    site.world.jira.injectFault({ status: 503 });
    const [delivered] = site.world.jira.events.deliveries();
    const answer = await site.runtime.runAs(null, () => issueEventsHandler(site.platform)(delivered?.event));

    expect(answer).toEqual({ status: 'processed', outcome: { projection: { kind: 'skipped', reason: 'a Task issue, not a Security Exception' } } });
    expect(await register.get('SEC-1')).toBeNull();
  });

  it('resolves the app’s field ids once and keeps them in the installation’s KVS for later invocations', async () => {
    await site.createException(aRequest());
    await site.settle();
    site.world.jira.injectFault({ status: 500, pathPattern: /^\/rest\/api\/3\/field$/ });
    const second = await site.createException(aRequest());
    await site.settle();

    expect(await register.get(second)).toMatchObject({ issueKey: second });
    expect(deliveries('failed')).toEqual([]);
  });

  it('never sees the events its own writes cause, and ignores one the platform delivers anyway', async () => {
    const key = await site.createException(aRequest());
    await site.settle();
    const before = site.world.jira.events.deliveries().length;
    await site.editFields(key, { requestedExpiry: '2026-07-28' }, null);
    await site.settle();

    expect(site.world.jira.events.deliveries()).toHaveLength(before);
    const answer = await issueEventsHandler(site.platform)({
      eventType: 'avi:jira:updated:issue',
      selfGenerated: true,
      issue: { id: '1', key },
      atlassianId: site.world.jira.app.accountId,
    });
    expect(answer).toEqual({ status: 'ignored', reason: 'caused by the app itself' });
  });

  it('records an exception it cannot read as a projection failure, without failing the delivery or the others', async () => {
    const logged = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = await site.createException(aRequest(), 'Broken');
    const fine = await site.createException(aRequest(), 'Fine');
    await site.transition(broken, 'Submit', PEOPLE.requester);
    await site.settle();
    const before = await register.get(broken);
    site.world.jira.clock.advance({ minutes: 1 });
    await site.editFields(broken, { compensatingControls: { items: [{ id: 'ctl-1', status: 'promised' }], statuses: [] } });
    await site.editFields(fine, { requestedExpiry: '2026-07-30' });
    await site.settle();

    expect(deliveries('failed')).toEqual([]);
    expect(await register.get(broken)).toEqual(before);
    expect(await register.get(fine)).toMatchObject({ jiraUpdatedAt: site.world.jira.clock.now().toISOString() });
    const answer = await issueEventsHandler(site.platform)({ eventType: 'avi:jira:updated:issue', issue: { id: '1', key: broken }, atlassianId: PEOPLE.requester });
    expect(answer).toMatchObject({ status: 'processed', outcome: { projection: { kind: 'failed', retryable: false } } });
    expect(JSON.stringify(answer)).toContain('compensatingControls.items.0.type');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`"issueKey":"${broken}"`));
  });

  it('asks the platform to retry when Jira is unavailable, and projects on the retry', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const key = await site.createException(aRequest());
    await site.settle();
    await register.remove(key);
    const event = { eventType: 'avi:jira:updated:issue', issue: { id: '1', key }, atlassianId: PEOPLE.requester };
    site.world.jira.injectFault({ status: 503, pathPattern: /\/rest\/api\/3\/issue\/SEC-1\b/ });
    const answer = await site.runtime.runAs(null, () => issueEventsHandler(site.platform)(event));
    site.world.jira.clearFaults();
    const retried = await site.runtime.runAs(null, () => issueEventsHandler(site.platform)(event));

    expect(answer).toMatchObject({ retryOptions: { retryAfter: 60, retryReason: 'FUNCTION_RETRY_REQUEST' } });
    expect(retried).toMatchObject({ status: 'processed', outcome: { projection: { kind: 'projected', outcome: 'inserted' } } });
  });

  describe('a transition that bypassed the workflow rules', () => {
    const activateWithoutValidator = async (): Promise<string> => {
      const key = await site.createException(aRequest());
      await site.transition(key, 'Submit', PEOPLE.requester);
      await site.transition(key, 'Start review');
      await site.transition(key, 'Complete review');
      await site.settle();
      return key;
    };

    it('is flagged on the issue and in the audit chain: property, comment and audit entry', async () => {
      const key = await activateWithoutValidator();
      await site.transition(key, 'Activate', PEOPLE.lead);
      await site.settle();

      const issue = site.world.jira.issue(key);
      const flags = readFlags(issue?.properties.get(FLAGS_PROPERTY));
      expect(flags).toEqual([
        expect.objectContaining({
          code: 'BYPASS.ACTIVATION_RULES',
          ruleCode: 'APPROVAL.QUORUM_INCOMPLETE',
          transition: { from: 'Awaiting Approval', to: 'Active' },
          actor: PEOPLE.lead,
        }),
      ]);
      expect(issue?.comments).toHaveLength(1);
      expect(JSON.stringify(issue?.comments[0]?.body)).toContain('bypassing the rule that an exception comes into force only with every required approval');
      expect(issue?.comments[0]?.authorAccountId).toBe(site.world.jira.app.accountId);
      expect(await auditActions()).toEqual([`exception.bypass-detected ${key} by ${PEOPLE.lead}`]);
      expect(await register.get(key)).toMatchObject({ status: 'active' });
    });

    it('is flagged once however often its event is delivered', async () => {
      const key = await activateWithoutValidator();
      site.world.jira.events.configure({ duplicate: true });
      await site.transition(key, 'Activate', PEOPLE.lead);
      await site.settle();

      expect(site.world.jira.issue(key)?.comments).toHaveLength(1);
      expect(readFlags(site.world.jira.issue(key)?.properties.get(FLAGS_PROPERTY))).toHaveLength(1);
      expect(await auditActions()).toEqual([`exception.bypass-detected ${key} by ${PEOPLE.lead}`]);
    });

    it('is not flagged when every level approved the current content', async () => {
      const key = await activateWithoutValidator();
      const exception = anException({ key, tier: (await register.get(key))?.tier ?? 'low' });
      const approvals = new SqlApprovalRepository(site.database);
      const required = DEFAULT_POLICY.tiers[exception.tier].levels;
      const people = ['acc-lead', 'acc-risk', 'acc-compliance', 'acc-ciso'];
      for (const [i, levelId] of required.entries()) {
        await approvals.record(key, anApproval(exception, { levelId, approver: people[i] ?? 'acc-x', contentHash: contentHash(aRequest()) }));
      }
      await site.transition(key, 'Activate', PEOPLE.lead);
      await site.settle();

      expect(site.world.jira.issue(key)?.comments).toEqual([]);
      expect(site.world.jira.issue(key)?.properties.has(FLAGS_PROPERTY)).toBe(false);
      expect(await register.get(key)).toMatchObject({ status: 'active', approvers: people.slice(0, required.length) });
    });
  });
});
