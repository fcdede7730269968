import { appendAuditEntry } from '../audit/append-audit-entry';
import { InMemoryAuditStore } from '../audit/testing/in-memory-audit-store';
import { signerOf } from '../audit/testing/test-signer';
import type { Approval } from '../../domain/approval/approval';
import { testSigningKey } from '../../domain/audit/testing/signed-chain';
import { contentHash } from '../../domain/exception/content-hash';
import type { SecurityException } from '../../domain/exception/security-exception';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { anApproval, anException } from '../../domain/testing/builders';
import type { LedgerRecord, NotificationLedger } from '../ports/notification-ledger';
import type { IssueComment, Remote } from '../projection/projection-ports';
import { contentDigests } from './approved-content';
import type { ReturnForApproval } from './decision-ports';
import { voidStaleApprovals, type VoidStaleDeps } from './void-stale-approvals';

const NOW = '2026-11-10T08:00:00.000Z';
const approved = anException({ key: 'SEC-9', status: 'active' });
const edited: SecurityException = { ...approved, requestedExpiry: '2027-01-20' };

const ledgerOf = (): NotificationLedger & { readonly keys: Set<string> } => {
  const keys = new Set<string>();
  return {
    keys,
    recordOnce: (record: LedgerRecord) => Promise.resolve(keys.has(record.key) ? 'already-recorded' : (keys.add(record.key), 'recorded')),
    has: (key) => Promise.resolve(keys.has(key)),
    recordedAmong: (among) => Promise.resolve(new Set(among.filter((key) => keys.has(key)))),
    release: (key) => Promise.resolve(keys.delete(key) ? 'released' : 'absent'),
  };
};

type World = {
  readonly deps: VoidStaleDeps;
  readonly store: InMemoryAuditStore;
  readonly ledger: ReturnType<typeof ledgerOf>;
  readonly taken: { issueKey: string; via: ReturnForApproval; comment: IssueComment }[];
  readonly comments: IssueComment[];
  readonly voided: string[];
  answer: Remote<undefined>;
};

const worldOf = (): World => {
  const store = new InMemoryAuditStore();
  const ledger = ledgerOf();
  const world: World = {
    store,
    ledger,
    taken: [],
    comments: [],
    voided: [],
    answer: { ok: true, value: undefined },
    deps: {
      audit: { store, signer: signerOf(testSigningKey(3)), pauseBeforeRetry: () => Promise.resolve() },
      ledger,
      auditTrail: store,
      policy: DEFAULT_POLICY,
      approvals: {
        voidStale: (issueKey, hash) => {
          world.voided.push(`${issueKey}:${hash}`);
          return Promise.resolve(1);
        },
      },
      transitions: {
        returnForApproval: (issueKey, via, comment) => {
          world.taken.push({ issueKey, via, comment });
          return Promise.resolve(world.answer);
        },
      },
      annotations: {
        addComment: (_issueKey, comment) => {
          world.comments.push(comment);
          return Promise.resolve({ ok: true, value: { id: '1' } });
        },
      },
    },
  };
  return world;
};

const leadApproval: Approval = anApproval(approved, { levelId: 'security-lead', approver: 'acc-lead' });

const recordApprovalInAudit = (world: World): Promise<unknown> =>
  appendAuditEntry(world.deps.audit, {
    at: '2026-11-02T10:00:00.000Z',
    actor: 'acc-lead',
    action: 'exception.approved',
    issueKey: approved.key,
    payload: { contentHash: contentHash(approved), tier: approved.tier, approvedContent: contentDigests(approved) },
  });

describe('voidStaleApprovals', () => {
  it('does nothing while every approval is bound to the content as it is', async () => {
    const world = worldOf();
    expect(await voidStaleApprovals(world.deps, { exception: approved, approvals: [leadApproval], editor: 'acc-requester', now: NOW })).toEqual({ kind: 'nothing-stale' });
    expect([world.taken, world.comments, world.voided]).toEqual([[], [], []]);
  });

  it('leaves a closed exception’s approvals alone', async () => {
    const world = worldOf();
    const outcome = await voidStaleApprovals(world.deps, { exception: { ...edited, status: 'expired' }, approvals: [leadApproval], editor: undefined, now: NOW });
    expect(outcome.kind).toBe('not-applicable');
    expect([world.taken, world.comments, world.voided, await world.store.page(0, 10)]).toEqual([[], [], [], []]);
  });

  it('keeps nothing of a failed attempt, so the retried event finishes the job exactly once', async () => {
    const world = worldOf();
    await recordApprovalInAudit(world);
    world.answer = { ok: false, error: { code: 'JIRA.UNAVAILABLE', message: 'down' } };
    const request = { exception: edited, approvals: [leadApproval], editor: 'acc-requester', now: NOW };

    expect(await voidStaleApprovals(world.deps, request)).toEqual({ kind: 'failed', failure: { code: 'JIRA.UNAVAILABLE', message: 'down' } });
    expect([world.ledger.keys.size, world.voided, (await world.store.page(0, 10)).length]).toEqual([0, [], 1]);

    world.answer = { ok: true, value: undefined };
    const retried = await voidStaleApprovals(world.deps, request);
    const replayed = await voidStaleApprovals(world.deps, request);

    expect(retried).toEqual({ kind: 'voided', via: 'void', voided: 1, changedFields: ['requestedExpiry'], returned: true });
    expect(replayed.kind).toBe('voided');
    expect(world.taken.map((taken) => taken.via)).toEqual(['void', 'void']);
    expect((await world.store.page(0, 10)).map((entry) => entry.action)).toEqual(['exception.approved', 'exception.approvals-voided']);
  });

  it('says the content changed without naming fields when no approval of it was audited', async () => {
    const world = worldOf();
    const outcome = await voidStaleApprovals(world.deps, { exception: { ...edited, status: 'awaiting-approval' }, approvals: [leadApproval], editor: undefined, now: NOW });
    expect(outcome).toMatchObject({ kind: 'voided', via: 'void', changedFields: null, returned: false });
    expect(world.comments[0]?.paragraphs[0]).toBe('Security exception register: SEC-9 was approved, but its risk-relevant content changed afterwards, so the approvals of acc-lead no longer count.');
  });
});
