import { sqliteInMemory, type TestDatabase } from '../../adapters/sql/testing/test-database';
import { SqlNotificationLedger } from '../../adapters/sql/sql-notification-ledger';
import { testSigningKey } from '../../domain/audit/testing/signed-chain';
import { InMemoryAuditStore } from '../audit/testing/in-memory-audit-store';
import { signerOf } from '../audit/testing/test-signer';
import { FLAGS_PROPERTY, flagBypass, readFlags, type FlagBypassDeps, type FlagBypassRequest } from './flag-bypass';
import { InMemoryAnnotations } from './testing/in-memory-annotations';
import type { BypassedRule } from './transition-rules';

const rule: BypassedRule = {
  code: 'BYPASS.ACTIVATION_RULES',
  ruleCode: 'APPROVAL.QUORUM_INCOMPLETE',
  rule: 'an exception comes into force only with every required approval of its current content',
  message: 'SEC-1 cannot be activated yet: it still needs Security lead approval (group security-leads).',
  remedy: 'A security lead should move it back to Awaiting Approval until every level has approved, or revoke it.',
};

const request = (changelogId = '501'): FlagBypassRequest => ({
  issueKey: 'SEC-1',
  transition: { changelogId, fromName: 'Awaiting Approval', toName: 'Active', actor: 'acc-admin', at: '2026-11-03T10:00:00.000Z' },
  rule,
  detectedAt: '2026-11-03T10:00:05.000Z',
  detectedBy: 'system:issue-events',
});

describe('flagBypass', () => {
  let database: TestDatabase;
  let annotations: InMemoryAnnotations;
  let store: InMemoryAuditStore;
  let deps: FlagBypassDeps;

  beforeEach(async () => {
    database = await sqliteInMemory.create();
    annotations = new InMemoryAnnotations();
    store = new InMemoryAuditStore();
    deps = {
      annotations,
      ledger: new SqlNotificationLedger(database.database),
      audit: { store, signer: signerOf(testSigningKey(1)), pauseBeforeRetry: () => Promise.resolve() },
    };
  });

  afterEach(() => database.close());

  it('flags the issue, comments what rule was bypassed and audits it', async () => {
    const result = await flagBypass(deps, request());

    expect(result).toMatchObject({ kind: 'flagged', firstTime: true, flag: { changelogId: '501', code: rule.code, commentId: '10000' } });
    expect(readFlags(annotations.properties.get(`SEC-1/${FLAGS_PROPERTY}`))).toEqual([
      expect.objectContaining({ code: 'BYPASS.ACTIVATION_RULES', ruleCode: 'APPROVAL.QUORUM_INCOMPLETE', detectedAt: '2026-11-03T10:00:05.000Z' }),
    ]);
    expect(annotations.comments).toHaveLength(1);
    expect(annotations.comments[0]?.comment.paragraphs[0]).toBe(
      'Security exception register: SEC-1 was moved from Awaiting Approval to Active by acc-admin at 2026-11-03T10:00:00.000Z, ' +
        'bypassing the rule that an exception comes into force only with every required approval of its current content.',
    );
    const audited = await store.page(0, 10);
    expect(audited.map(({ action, actor, issueKey }) => ({ action, actor, issueKey }))).toEqual([
      { action: 'exception.bypass-detected', actor: 'acc-admin', issueKey: 'SEC-1' },
    ]);
    expect(audited[0]?.payload).toMatchObject({ changelogId: '501', from: 'Awaiting Approval', to: 'Active', ruleCode: 'APPROVAL.QUORUM_INCOMPLETE' });
  });

  it('adds nothing the second time the same change is processed', async () => {
    await flagBypass(deps, request());
    const again = await flagBypass(deps, request());

    expect(again).toMatchObject({ kind: 'flagged', firstTime: false });
    expect(annotations.comments).toHaveLength(1);
    expect(await store.page(0, 10)).toHaveLength(1);
  });

  it('keeps one flag per status change', async () => {
    await flagBypass(deps, request('501'));
    await flagBypass(deps, request('502'));

    expect(readFlags(annotations.properties.get(`SEC-1/${FLAGS_PROPERTY}`)).map((flag) => flag.changelogId)).toEqual(['501', '502']);
    expect(annotations.comments).toHaveLength(2);
  });

  it('comments on the retry when the comment failed the first time, and only once', async () => {
    annotations.failNext('addComment', { code: 'JIRA.UNAVAILABLE', message: 'Jira is down' });
    const failed = await flagBypass(deps, request());
    const retried = await flagBypass(deps, request());

    expect(failed).toEqual({ kind: 'failed', failure: { code: 'JIRA.UNAVAILABLE', message: 'Jira is down' } });
    expect(retried).toMatchObject({ kind: 'flagged', firstTime: false, flag: { commentId: '10000' } });
    expect(annotations.comments).toHaveLength(1);
    expect(await store.page(0, 10)).toHaveLength(1);
  });

  it('replaces a flags property the register cannot read instead of trusting it', async () => {
    annotations.properties.set(`SEC-1/${FLAGS_PROPERTY}`, { flags: 'tampered' });
    await flagBypass(deps, request());
    expect(readFlags(annotations.properties.get(`SEC-1/${FLAGS_PROPERTY}`))).toHaveLength(1);
  });
});
