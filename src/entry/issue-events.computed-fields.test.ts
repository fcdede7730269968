import { SqlRegisterRepository } from '../adapters/sql/sql-register-repository';
import type { StoredRegisterEntry } from '../app/ports/register-repository';
import { anExceptionRequest } from '../domain/testing/builders';
import { call, json, PEOPLE } from '../sandbox/jira/testing/stand-in-world';
import { issueEventsHandler } from './issue-events.trigger';
import { recordDecisionHandler } from './post-functions/record-decision.post-function';
import { createRegisterWorld, type RegisterWorld } from './testing/register-world';

/** A request pre-flight accepts on the stand-in's first day (2026-03-02): its expiry is within the low tier's 180 days. */
const aRequest = () => anExceptionRequest({ requestedExpiry: '2026-08-01', remediationPlan: { summary: 'Replace the appliance', targetDate: '2026-07-15' } });

const FIELD_WRITE = /^\/rest\/api\/3\/app\/field\/value(\?|$)/;

describe('the computed fields of an exception issue', () => {
  let site: RegisterWorld;
  let register: SqlRegisterRepository;

  beforeEach(async () => {
    site = await createRegisterWorld();
    register = new SqlRegisterRepository(site.database);
  });

  afterEach(() => site.close());

  const entryOf = async (key: string): Promise<StoredRegisterEntry> => {
    const entry = await register.get(key);
    if (entry === null) throw new Error(`${key} should be in the register`);
    return entry;
  };
  const fieldWrites = () => site.jiraRequests.filter((request) => request.method === 'POST' && FIELD_WRITE.test(request.path));
  const updatedEvent = (key: string) => ({ eventType: 'avi:jira:updated:issue', issue: { id: '1', key }, atlassianId: PEOPLE.requester });
  const deliver = (event: object) => site.runtime.runAs(null, () => issueEventsHandler(site.platform)(event));

  it('are filled when an exception is created, with the register entry’s score, tier and approval state, for people to see', async () => {
    const key = await site.createException(aRequest());
    await site.settle();

    const entry = await entryOf(key);
    const approvalState = {
      tier: entry.tier,
      requiredLevels: expect.arrayContaining(['security-lead']) as unknown,
      approvedLevels: [],
      approvers: [],
      complete: false,
      contentHash: entry.contentHash,
    };
    expect(site.computedValues(key)).toEqual({ riskScore: entry.riskScore, riskTier: entry.tier, approvalState });
    expect(fieldWrites()).toHaveLength(1);
    const ids = site.computedFieldIds;
    const viewed = json(await call(site.world.jira, 'GET', `/rest/api/3/issue/${key}?fields=${Object.values(ids).join(',')}`, undefined, PEOPLE.lead)) as {
      fields: Record<string, unknown>;
    };
    expect(viewed.fields).toEqual({ [ids.riskScore]: entry.riskScore, [ids.riskTier]: entry.tier, [ids.approvalState]: approvalState });
  });

  it('are not written again by a duplicated delivery or a replayed event', async () => {
    site.world.jira.events.configure({ duplicate: true });
    const key = await site.createException(aRequest());
    await site.settle();
    const written = fieldWrites().length;

    const replayed = await deliver(updatedEvent(key));

    expect(written).toBe(1);
    expect(fieldWrites()).toHaveLength(1);
    expect(replayed).toMatchObject({ status: 'processed', outcome: { projection: { kind: 'projected', fields: { kind: 'in-step' } } } });
  });

  it('follow a change of the rating, in one more request', async () => {
    const key = await site.createException(aRequest());
    await site.settle();
    const before = await entryOf(key);

    await site.editFields(key, { riskInputs: { method: 'matrix', likelihood: 5, impact: 5, threatVectors: ['network'] } });
    await site.settle();

    const entry = await entryOf(key);
    expect([entry.riskScore, entry.tier]).not.toEqual([before.riskScore, before.tier]);
    expect(site.computedValues(key)).toMatchObject({
      riskScore: entry.riskScore,
      riskTier: entry.tier,
      approvalState: { tier: entry.tier, contentHash: entry.contentHash },
    });
    expect(fieldWrites()).toHaveLength(2);
  });

  it('are reported, not retried, when Jira refuses the write; the register entry is stored and the next event writes them', async () => {
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    site.world.jira.events.configure({ paused: true });
    const key = await site.createException(aRequest());
    site.world.jira.injectFault({ status: 500, method: 'POST', pathPattern: FIELD_WRITE });

    const answer = await deliver(updatedEvent(key));

    expect(answer).toMatchObject({
      status: 'processed',
      outcome: { projection: { kind: 'projected', outcome: 'inserted', fields: { kind: 'failed', failure: { code: 'JIRA.UNAVAILABLE' } } } },
    });
    expect(await entryOf(key)).toMatchObject({ issueKey: key, status: 'draft' });
    expect(site.computedValues(key)).toEqual({});
    expect(warned).toHaveBeenCalledWith(expect.stringContaining(`"message":"the computed fields were not written","issueKey":"${key}","code":"JIRA.UNAVAILABLE"`));

    site.world.jira.clearFaults();
    await deliver(updatedEvent(key));

    expect(site.computedValues(key)).toMatchObject({ riskTier: (await entryOf(key)).tier });
  });

  it('show an approval the decision recorder records', async () => {
    const key = await site.createException(aRequest());
    await site.transition(key, 'Submit', PEOPLE.requester);
    await site.transition(key, 'Start review');
    await site.transition(key, 'Complete review');
    await site.settle();
    expect(site.computedValues(key)).toMatchObject({ approvalState: { approvedLevels: [], nextLevel: 'security-lead', approvers: [] } });
    const issue = site.world.jira.issue(key);

    const answer = await site.runtime.runAs(null, () =>
      recordDecisionHandler(site.platform)(
        {
          issue: { id: issue?.id, key },
          transition: { id: '61', from: { id: issue?.statusId }, to: { id: issue?.statusId }, executionId: 'exec-approve-1' },
          atlassianId: PEOPLE.lead,
          changelog: null,
          configuration: { action: 'approve', levelId: 'security-lead' },
        },
        {},
      ),
    );

    expect(answer).toMatchObject({ status: 'processed', outcome: { kind: 'recorded', approval: 'recorded', fields: { kind: 'written', fields: ['approvalState'] } } });
    const entry = await entryOf(key);
    expect(site.computedValues(key)).toMatchObject({
      riskTier: entry.tier,
      approvalState: { approvedLevels: ['security-lead'], approvers: [PEOPLE.lead], contentHash: entry.contentHash },
    });
  });
});
