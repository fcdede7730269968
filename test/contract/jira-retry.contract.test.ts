import fc from 'fast-check';
import { createJiraGateway } from '../../src/adapters/jira/jira-gateway';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../src/adapters/jira/retry-policy';
import { recordingRequestJira, type ScriptedResponse } from '../../src/adapters/jira/testing/recording-request-jira';
import { jiraPlatformValidator } from '../../src/sandbox/openapi/testing/jira-platform-spec';
import { FIELD_IDS, jiraResponse } from './jira-fixtures';

const NOW = new Date('2026-03-02T10:00:00Z');
const spec = jiraPlatformValidator();

const issueOk: ScriptedResponse = { status: 200, body: jiraResponse('issue') };
const rateLimited = (retryAfter: string): ScriptedResponse => ({ status: 429, body: jiraResponse('error-rate-limited'), headers: { 'Retry-After': retryAfter } });
const serverError = (status: number): ScriptedResponse => ({ status, body: jiraResponse('error-server') });

const gatewayAnswering = (responses: readonly ScriptedResponse[], retry: RetryPolicy = DEFAULT_RETRY_POLICY) => {
  const jira = recordingRequestJira(responses);
  const sleeps: number[] = [];
  const gateway = createJiraGateway({
    request: jira.request,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    now: () => NOW,
    retry,
  });
  return { gateway, sleeps, requests: jira.requests };
};

describe('Jira gateway retries', () => {
  it.each([
    ['seconds', '3', 3000],
    ['an HTTP date', 'Mon, 02 Mar 2026 10:00:05 GMT', 5000],
  ])('waits as long as a 429 Retry-After in %s asks, then succeeds', async (_form, retryAfter, waitMs) => {
    const { gateway, sleeps, requests } = gatewayAnswering([rateLimited(retryAfter), issueOk]);
    const result = await gateway.getIssue('SEC-12', FIELD_IDS);
    expect(result.ok).toBe(true);
    expect(sleeps).toEqual([waitMs]);
    expect(requests.map((request) => request.path)).toEqual([requests[0]?.path, requests[0]?.path]);
    expect(spec.validateResponse({ method: 'GET', path: '/rest/api/3/issue/SEC-12', status: 200, body: issueOk.body })).toEqual([]);
  });

  it('backs off exponentially with jitter through transient 500 and 503 answers', async () => {
    const { gateway, sleeps, requests } = gatewayAnswering([serverError(500), serverError(503), issueOk]);
    expect((await gateway.getIssue('SEC-12', FIELD_IDS)).ok).toBe(true);
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([375, 750]);
  });

  it('keeps paging a JQL search after a rate-limited page', async () => {
    const { gateway, sleeps } = gatewayAnswering([
      { status: 200, body: jiraResponse('search-jql-page-1') },
      rateLimited('1'),
      { status: 200, body: jiraResponse('search-jql-page-2') },
    ]);
    const pages = [];
    for await (const page of gateway.searchIssues({ jql: 'project = SEC ORDER BY key', fieldIds: FIELD_IDS })) pages.push(page);
    expect(pages.map((page) => page.ok && page.value.issues.map((issue) => issue.key))).toEqual([['SEC-12', 'SEC-13'], ['SEC-14']]);
    expect(sleeps).toEqual([1000]);
  });

  it('surfaces a persistent outage as JIRA.UNAVAILABLE once the attempts are spent', async () => {
    const { gateway, sleeps, requests } = gatewayAnswering(Array.from({ length: 4 }, () => serverError(503)));
    const result = await gateway.getIssue('SEC-12', FIELD_IDS);
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'JIRA.UNAVAILABLE', status: 503, attempts: 4, errorMessages: ['Internal server error'] });
    expect(requests).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts);
    expect(sleeps).toHaveLength(3);
  });

  it('stops waiting when the next wait would overrun the total budget, and says how long Jira asked for', async () => {
    const { gateway, sleeps, requests } = gatewayAnswering([rateLimited('6'), rateLimited('6'), rateLimited('6'), issueOk]);
    const result = await gateway.getIssue('SEC-12', FIELD_IDS);
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'JIRA.RATE_LIMITED', attempts: 3, retryAfterMs: 6000 });
    expect(sleeps).toEqual([6000, 6000]);
    expect(requests).toHaveLength(3);
  });

  it('does not wait at all when Jira asks for longer than the budget allows', async () => {
    const { gateway, sleeps } = gatewayAnswering([rateLimited('3600')]);
    const result = await gateway.getIssue('SEC-12', FIELD_IDS);
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'JIRA.RATE_LIMITED', attempts: 1, retryAfterMs: 3_600_000 });
    expect(sleeps).toEqual([]);
  });

  it('does not retry a 400 and returns what Jira said', async () => {
    const { gateway, sleeps, requests } = gatewayAnswering([{ status: 400, body: jiraResponse('error-transition-refused') }]);
    const result = await gateway.transitionIssue('SEC-12', { transitionId: '31' });
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'JIRA.BAD_REQUEST',
      status: 400,
      attempts: 1,
      errorMessages: [expect.stringContaining('must come from a member of security-leads') as unknown],
    });
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(spec.validateResponse({ method: 'POST', path: '/rest/api/3/issue/SEC-12/transitions', status: 400 })).toEqual([]);
  });

  it('does not repeat a comment after a 500, which may have posted it, but does after a 503, which did not', async () => {
    const comment = { type: 'doc', version: 1, content: [] } as const;
    const afterError = gatewayAnswering([serverError(500)]);
    expect((await afterError.gateway.addComment('SEC-12', comment)).ok).toBe(false);
    expect(afterError.requests).toHaveLength(1);

    const afterUnavailable = gatewayAnswering([serverError(503), { status: 201, body: jiraResponse('comment-created') }]);
    expect(await afterUnavailable.gateway.addComment('SEC-12', comment)).toEqual({ ok: true, value: { id: '10207' } });
    expect(afterUnavailable.requests).toHaveLength(2);
  });

  it('for any run of transient failures, succeeds within the attempts or surfaces the last failure, never waiting past the budget', async () => {
    const transient = fc.oneof(
      fc.constantFrom(500, 502, 503, 504).map(serverError),
      fc.integer({ min: 0, max: 20 }).map((seconds) => rateLimited(String(seconds))),
    );
    const policy: RetryPolicy = { maxAttempts: 5, maxTotalWaitMs: 30_000, baseDelayMs: 200, maxDelayMs: 5_000 };
    await fc.assert(
      fc.asyncProperty(fc.array(transient, { maxLength: 8 }), async (failures) => {
        const { gateway, sleeps, requests } = gatewayAnswering([...failures, issueOk], policy);
        const result = await gateway.getIssue('SEC-12', FIELD_IDS);
        const waited = sleeps.reduce((sum, ms) => sum + ms, 0);
        expect(waited).toBeLessThanOrEqual(policy.maxTotalWaitMs);
        expect(requests.length).toBeLessThanOrEqual(policy.maxAttempts);
        if (result.ok) expect(requests).toHaveLength(failures.length + 1);
        else expect(['JIRA.RATE_LIMITED', 'JIRA.UNAVAILABLE']).toContain(result.error.code);
        expect(result.ok).toBe(requests.length === failures.length + 1);
      }),
    );
  });
});
