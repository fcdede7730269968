import { startSandboxWithStubUi, type SandboxUnderTest } from './testing/sandbox-with-stub-ui';
import { SqlApprovalRepository } from '../../adapters/sql/sql-approval-repository';
import { SqlRegisterRepository } from '../../adapters/sql/sql-register-repository';
import { EXCEPTION_ISSUE_TYPE } from '../../app/projection/exception-issue';
import { STATUS_NAMES, type Status } from '../../domain/exception/security-exception';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { USER_COOKIE } from '../host/host-kit';
import { CAST } from '../seed/cast';
import type { Sandbox } from './start-sandbox';

/**
 * The sandbox as `npm start` builds it, without a browser: the demo register played through Jira leaves Jira and the
 * register in agreement, and the host page answers as Jira's UI would (pages, the bridge's frame calls, a validator's
 * refusal shown on the issue, the clock control). The UI build is a stand-in directory here; the browser tests use
 * the real one.
 */

const TODAY = new Date('2026-11-23T09:00:00.000Z');
const STATUS_OF_NAME = new Map(Object.entries(STATUS_NAMES).map(([status, name]) => [name, status as Status]));

describe('the sandbox', () => {
  let underTest: SandboxUnderTest;
  let sandbox: Sandbox;

  const get = (path: string, accountId: string = CAST.sam.accountId) => fetch(`${sandbox.url}${path}`, { headers: { cookie: `${USER_COOKIE}=${accountId}` } });
  const post = (path: string, body: URLSearchParams | string, accountId: string = CAST.sam.accountId, type = 'application/x-www-form-urlencoded') =>
    fetch(`${sandbox.url}${path}`, { method: 'POST', body, redirect: 'manual', headers: { cookie: `${USER_COOKIE}=${accountId}`, 'content-type': type } });

  const issuesIn = (status: Status): string[] => {
    const { state } = sandbox.world.jira;
    return [...state.issues.values()].filter((issue) => state.statuses.get(issue.statusId)?.name === STATUS_NAMES[status]).map((issue) => issue.key);
  };

  beforeAll(async () => {
    underTest = await startSandboxWithStubUi(TODAY, { mode: 'workflow', size: 24, seed: 99, historyDays: 45 });
    sandbox = underTest.sandbox;
  }, 120_000);

  afterAll(() => underTest.close());

  it('plays the whole demo plan through Jira without a refusal', () => {
    expect(sandbox.seeded?.refused).toEqual([]);
    expect(sandbox.seeded?.created).toBe(24);
  });

  it('leaves every exception in Jira in the register, in the status Jira holds', async () => {
    const register = new SqlRegisterRepository(sandbox.world.database);
    const { state } = sandbox.world.jira;
    const issues = [...state.issues.values()];
    const exceptions = issues.filter((issue) => state.issueTypes.get(issue.issueTypeId)?.name === EXCEPTION_ISSUE_TYPE);
    // The register's home issue is the one issue of another type, and it stays out of the register.
    expect(issues.length - exceptions.length).toBe(1);
    for (const issue of exceptions) {
      const entry = await register.get(issue.key);
      expect({ key: issue.key, status: entry?.status }).toEqual({ key: issue.key, status: STATUS_OF_NAME.get(state.statuses.get(issue.statusId)?.name ?? '') });
    }
  });

  it('records an approval of every level of the tier for each active exception', async () => {
    const register = new SqlRegisterRepository(sandbox.world.database);
    const approvals = new SqlApprovalRepository(sandbox.world.database);
    const active = issuesIn('active');
    expect(active.length).toBeGreaterThan(0);
    for (const key of active) {
      const entry = await register.get(key);
      const levels = (await approvals.forIssue(key)).filter((approval) => approval.decision === 'approved').map((approval) => approval.levelId);
      expect(new Set(levels)).toEqual(new Set(DEFAULT_POLICY.tiers[entry?.tier ?? 'low'].levels));
    }
  });

  it('serves the host page, and a UI page with the bridge injected first', async () => {
    const page = await (await get('/projects/SEC/register')).text();
    const frame = /src="(\/app\/register\/index\.html\?frame=([0-9a-f-]{36}))"/.exec(page);
    expect(frame).not.toBeNull();
    const ui = await (await get(frame?.[1] ?? '')).text();
    expect(ui).toMatch(new RegExp(`<head>\\s*<script type="module" src="/sandbox/bridge.js" data-sandbox-frame="${frame?.[2] ?? ''}"></script>`));
    expect((await get('/sandbox/bridge.js')).headers.get('content-type')).toContain('javascript');
  });

  it('answers a frame for the person it was opened for, whoever calls', async () => {
    const page = await (await get('/admin', CAST.aude.accountId)).text();
    const frameId = /data-frame-id="([0-9a-f-]{36})"/.exec(page)?.[1] ?? '';
    const context = (await (await get(`/sandbox/frames/${frameId}`)).json()) as { context: { accountId: string; moduleKey: string } };
    expect(context.context.accountId).toBe(CAST.aude.accountId);
    const session = (await (await post(`/sandbox/frames/${frameId}/invoke`, JSON.stringify({ functionKey: 'session/me', payload: {} }), CAST.sam.accountId, 'application/json')).json()) as {
      ok: boolean;
      data: { user: { accountId: string }; roles: { auditor: boolean } };
    };
    expect(session).toMatchObject({ ok: true, data: { user: { accountId: CAST.aude.accountId }, roles: { auditor: true } } });
  });

  it("shows a validator's refusal on the issue: the requester may not approve her own exception", async () => {
    const [key] = issuesIn('awaiting-approval');
    if (key === undefined) throw new Error('the demo plan has no exception awaiting approval');
    const requester = sandbox.world.jira.issue(key)?.creatorAccountId ?? '';
    const page = await (await get(`/browse/${key}`, requester)).text();
    const approve = /name="transitionId" value="(\d+)">Approve as Security lead</.exec(page)?.[1];
    const answer = await post(`/browse/${key}/transitions`, new URLSearchParams({ transitionId: approve ?? '' }), requester);
    expect(answer.status).toBe(303);
    const after = await (await get(`/browse/${key}`, requester)).text();
    expect(after).toContain('a requester never approves their own exception');
    expect(issuesIn('awaiting-approval')).toContain(key);
  });

  it('moves the clock a day and runs the scheduled jobs of that day', async () => {
    const before = sandbox.world.jira.clock.now();
    const answer = await post('/sandbox/clock', new URLSearchParams({ days: '1', back: '/notifications' }));
    expect(answer.headers.get('location')).toBe('/notifications');
    expect(sandbox.world.jira.clock.now().getTime() - before.getTime()).toBe(86_400_000);
    expect(await (await get('/notifications')).text()).toMatch(/The clock moved 1 day\(s\) to 2026-11-24; the scheduled triggers ran each day \(hourly-upkeep, daily-jobs/);
  });

  it.each([
    ['a clock step that is not a whole number of days', '/sandbox/clock', new URLSearchParams({ days: '0.5' })],
    ['someone who is not in the cast', '/sandbox/user', new URLSearchParams({ accountId: 'acc-nobody' })],
  ])('refuses %s', async (_case, path, body) => {
    expect((await post(path, body)).status).toBe(400);
  });

  it('signs people in with a cookie and sends them back only to a page of its own', async () => {
    const answer = await post('/sandbox/user', new URLSearchParams({ accountId: CAST.raj.accountId, back: '//evil.example/' }));
    expect(answer.headers.get('location')).toBe('/projects/SEC/register');
    expect(answer.headers.get('set-cookie')).toContain(`${USER_COOKIE}=${CAST.raj.accountId}`);
  });
});
