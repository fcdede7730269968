import { anActor } from '../../domain/testing/builders';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { runDailyAt, sent } from '../jobs/testing/drive';
import { createJobWorld, PEOPLE, VALIDATOR_MODULE_KEYS, type JobWorld } from '../jobs/testing/job-world';
import { checkRenewalSubmission } from './check-renewal-submission';
import { confirmRenewalReassessment } from './confirm-renewal-reassessment';
import { requestRenewal } from './request-renewal';
import { RENEWAL_PROPERTY } from './renewal-record';
import { supersedeRenewedOriginal } from './supersede-renewed-original';

/**
 * Renewals on the stand-in: a linked issue with the original's fields, which cannot be submitted before its risk
 * assessment and controls are re-validated, goes through approval like a new request, and supersedes the original
 * when it activates; the chain's renewal count and days are capped per tier.
 */
describe('renewing an exception', () => {
  let world: JobWorld;
  const requester = anActor(PEOPLE.requester);

  beforeEach(async () => {
    world = await createJobWorld({ start: '2027-01-20T09:00:00.000Z' });
    // The submit validator refuses a renewal whose re-assessment is missing or stale, as the intake validator does.
    world.jira.registerWorkflowValidator(VALIDATOR_MODULE_KEYS.intake, async ({ issue }) => {
      const entry = await world.entry(issue.key);
      const deps = world.renewalDeps();
      const reads = await deps.exceptions.read([entry]);
      const read = reads.ok ? reads.value.get(issue.key) : undefined;
      if (read?.kind !== 'exception') return { result: false, errorMessage: `${issue.key} cannot be read` };
      const checked = await checkRenewalSubmission(deps, read);
      return checked.ok ? { result: true } : { result: false, errorMessage: checked.error.message };
    });
  });

  afterEach(() => world.close());

  const asRequester = <T>(fn: () => Promise<T>) => world.runtime.runAs(PEOPLE.requester, fn);
  const request = (issueKey: string) => asRequester(() => requestRenewal(world.renewalDeps(), { issueKey, actor: requester }));
  const confirm = (issueKey: string) => asRequester(() => confirmRenewalReassessment(world.renewalDeps(), { issueKey, actor: requester }));
  const supersede = (renewalKey: string) => world.runtime.runAs(null, () => supersedeRenewedOriginal(world.deps(), { renewalKey }));

  /** Submits the renewal and takes it through review and the security lead's approval to Active, as people do. */
  const approveAndActivate = async (renewalKey: string) => {
    await world.transition(renewalKey, 'Submit', PEOPLE.requester);
    await world.transition(renewalKey, 'Start review', PEOPLE.architect);
    await world.transition(renewalKey, 'Complete review', PEOPLE.architect);
    await world.transition(renewalKey, 'Approve as Security lead', PEOPLE.lead);
    await world.transition(renewalKey, 'Activate', PEOPLE.lead);
    await world.reproject(renewalKey);
  };

  const renewalKeyOf = (result: Awaited<ReturnType<typeof request>>): string => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value.renewalKey;
  };

  it('creates one linked renewal with the original’s fields, refuses its submission until re-assessed, and supersedes the original on activation', async () => {
    const original = await world.seedException({ expiresOn: '2027-02-01', requestedExpiry: '2027-02-01', activatedAt: '2026-11-03T10:00:00Z', attestedQuarters: ['2027-Q1'] });
    const requested = await request(original.key);
    expect(requested).toMatchObject({ ok: true, value: { created: true, preflight: { requiredApprovers: [{ levelId: 'security-lead' }], notices: [] } } });
    const renewalKey = renewalKeyOf(requested);

    expect(await request(original.key)).toEqual({ ok: true, value: { renewalKey, created: false } });
    const issue = world.jira.issue(renewalKey);
    expect(issue?.values.get('reporter')).toBe(PEOPLE.requester);
    expect(issue?.values.get(world.fieldIds.riskInputs)).toEqual(world.jira.issue(original.key)?.values.get(world.fieldIds.riskInputs));
    // 180 days from today: the tier's maximum, within the chain's remaining 450 days.
    expect(issue?.values.get(world.fieldIds.requestedExpiry)).toBe('2027-07-19');
    expect(issue?.properties.get(RENEWAL_PROPERTY)).toMatchObject({ renewalOf: original.key, chainBefore: { renewalCount: 0, cumulativeDays: 90 }, reassessment: null });
    expect(world.jira.state.issueLinks.map((link) => [link.inwardIssueId, link.outwardIssueId])).toEqual([[issue?.id, world.jira.issue(original.key)?.id]]);
    expect(await world.entry(renewalKey)).toMatchObject({ status: 'draft', renewalOf: original.key, renewalCount: 1 });

    await expect(world.transition(renewalKey, 'Submit', PEOPLE.requester)).rejects.toThrow('must update the risk assessment and re-validate each compensating control');
    expect(await confirm(renewalKey)).toMatchObject({ ok: true, value: { preflight: { ready: true, tier: 'low' } } });
    await approveAndActivate(renewalKey);
    expect(await supersede(renewalKey)).toEqual({ ok: true, value: { originalKey: original.key, outcome: 'superseded' } });
    expect(await supersede(renewalKey)).toEqual({ ok: true, value: { originalKey: original.key, outcome: 'already-superseded' } });

    expect(world.statusOf(original.key)).toBe('superseded');
    expect((await world.entry(original.key)).status).toBe('superseded');
    expect(world.statusOf(renewalKey)).toBe('active');
    expect(sent(world, (n) => n.issueKey === original.key).map((n) => n.subject)).toEqual([`${original.key} is superseded by its renewal`]);
    expect((await world.auditStore.forIssue(original.key, 0, 10)).map((entry) => entry.action)).toEqual(['exception.renewal-requested', 'exception.superseded']);
    expect((await world.auditStore.forIssue(renewalKey, 0, 10)).map((entry) => entry.action)).toEqual(['exception.renewal-reassessed']);
  });

  it('refuses a submission whose content changed after the re-assessment', async () => {
    const original = await world.seedException({ expiresOn: '2027-02-01', requestedExpiry: '2027-02-01', attestedQuarters: ['2027-Q1'] });
    const renewalKey = renewalKeyOf(await request(original.key));
    await confirm(renewalKey);
    world.jira.issue(renewalKey)?.values.set(world.fieldIds.requestedExpiry, '2027-05-01');
    await expect(world.transition(renewalKey, 'Submit', PEOPLE.requester)).rejects.toThrow('changed after its re-assessment was confirmed');
  });

  it('sends a renewal beyond the tier’s renewal cap to the highest approval level, with a notice saying why', async () => {
    let current = await world.seedException({ expiresOn: '2027-02-01', requestedExpiry: '2027-02-01', activatedAt: '2026-11-03T10:00:00Z', attestedQuarters: ['2027-Q1'] });
    const notices: string[][] = [];
    const approvers: string[][] = [];
    const renewals: string[] = [];
    for (let renewal = 1; renewal <= 3; renewal += 1) {
      const renewalKey = renewalKeyOf(await request(current.key));
      renewals.push(renewalKey);
      const confirmed = await confirm(renewalKey);
      if (!confirmed.ok) throw new Error(confirmed.error.message);
      notices.push([...confirmed.value.preflight.notices]);
      approvers.push(confirmed.value.preflight.requiredApprovers.map((approver) => approver.levelId));
      if (renewal < 3) {
        await approveAndActivate(renewalKey);
        await supersede(renewalKey);
        current = { ...current, key: renewalKey };
      }
    }
    expect(approvers).toEqual([['security-lead'], ['security-lead'], ['security-lead', 'ciso']]);
    // 90 days of the original and 180 of each active renewal; the third is proposed the 90 days left of the 540-day cap.
    expect(renewals.map((key) => (world.jira.issue(key)?.properties.get(RENEWAL_PROPERTY) as { chainBefore: unknown }).chainBefore)).toEqual([
      { renewalCount: 0, cumulativeDays: 90 },
      { renewalCount: 1, cumulativeDays: 270 },
      { renewalCount: 2, cumulativeDays: 450 },
    ]);
    expect(notices.slice(0, 2)).toEqual([[], []]);
    expect(world.jira.issue(renewals[2] ?? '')?.values.get(world.fieldIds.requestedExpiry)).toBe('2027-04-20');
    expect(notices[2]).toEqual([
      `${renewals[1] ?? ''} is over the renewal cap: it is renewal 3 of its chain, above the 2 a low exception may have. ` +
        'It therefore also needs CISO approval (group ciso).',
    ]);
  });

  it('lets the original expire while its renewal is pending, and the renewal may still be approved', async () => {
    const original = await world.seedException({ expiresOn: '2027-02-01', requestedExpiry: '2027-02-01', activatedAt: '2026-11-03T10:00:00Z', attestedQuarters: ['2027-Q1'] });
    const renewalKey = renewalKeyOf(await request(original.key));
    await confirm(renewalKey);
    await world.transition(renewalKey, 'Submit', PEOPLE.requester);
    await world.reproject(renewalKey);
    await runDailyAt(world, '2027-02-02T06:00:00.000Z');
    expect(world.statusOf(original.key)).toBe('expired');
    expect(world.jira.issue(original.key)?.comments.map((comment) => JSON.stringify(comment.body))).toEqual([
      expect.stringContaining(`Its renewal ${renewalKey} is still awaiting a decision`),
    ]);
    await world.transition(renewalKey, 'Start review', PEOPLE.architect);
    await world.transition(renewalKey, 'Complete review', PEOPLE.architect);
    await world.transition(renewalKey, 'Approve as Security lead', PEOPLE.lead);
    await world.transition(renewalKey, 'Activate', PEOPLE.lead);
    await world.reproject(renewalKey);
    expect(await supersede(renewalKey)).toMatchObject({ ok: true, value: { outcome: 'superseded' } });
    expect(world.statusOf(original.key)).toBe('superseded');
  });

  it('keeps the original in force while its renewal is pending when the policy says so', async () => {
    await world.close();
    world = await createJobWorld({ start: '2027-01-20T09:00:00.000Z', policy: { ...DEFAULT_POLICY, renewal: { originalExpiresWhileRenewalPending: false } } });
    world.jira.registerWorkflowValidator(VALIDATOR_MODULE_KEYS.intake, () => ({ result: true }));
    const original = await world.seedException({ expiresOn: '2027-02-01', requestedExpiry: '2027-02-01', attestedQuarters: ['2027-Q1'] });
    const renewalKey = renewalKeyOf(await request(original.key));
    await world.transition(renewalKey, 'Submit', PEOPLE.requester);
    await world.reproject(renewalKey);
    await runDailyAt(world, '2027-02-02T06:00:00.000Z');
    expect(world.statusOf(original.key)).toBe('active');
  });

  it('refuses a renewal to someone who neither requested the exception nor owns its asset', async () => {
    const original = await world.seedException({ expiresOn: '2027-02-01', requestedExpiry: '2027-02-01' });
    const refused = await world.runtime.runAs(PEOPLE.lead, () => requestRenewal(world.renewalDeps(), { issueKey: original.key, actor: anActor(PEOPLE.lead) }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'RENEWAL.NOT_PERMITTED' } });
  });
});
