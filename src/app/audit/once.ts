import type { AuditDraft } from '../../domain/audit/audit-entry';
import { ok } from '../../domain/shared/result';
import type { NotificationLedger } from '../ports/notification-ledger';
import type { Remote, RemoteFailure } from '../ports/remote';
import { appendAuditEntry, type AppendAuditEntryDeps } from './append-audit-entry';

export type OnceOutcome = { readonly kind: 'done' } | { readonly kind: 'already-done' } | { readonly kind: 'failed'; readonly error: RemoteFailure };

export type OnceRecord = { readonly key: string; readonly kind: string; readonly issueKey: string | null; readonly at: string };

/**
 * Ledger before side effect. The key is recorded first, so of two runs only the one that recorded it acts; when the
 * effect fails or throws, the key is released and a later run tries again. The one window left is a process killed
 * between recording and acting, which loses that single action rather than repeating it: a duplicate e-mail or audit
 * entry cannot be taken back, a missed one is visible in the ledger and the run record.
 */
export const doOnce = async (ledger: NotificationLedger, record: OnceRecord, effect: () => Promise<Remote<unknown>>): Promise<OnceOutcome> => {
  if ((await ledger.recordOnce(record)) === 'already-recorded') return { kind: 'already-done' };
  let result: Remote<unknown>;
  try {
    result = await effect();
  } catch (error) {
    await ledger.release(record.key);
    throw error;
  }
  if (result.ok) return { kind: 'done' };
  await ledger.release(record.key);
  return { kind: 'failed', error: result.error };
};

export type AuditOnceDeps = {
  readonly audit: AppendAuditEntryDeps;
  readonly ledger: NotificationLedger;
};

/** Appends an audit entry once per `key`, however often the event behind it is delivered. */
export const auditOnce = (deps: AuditOnceDeps, key: string, draft: AuditDraft): Promise<OnceOutcome> =>
  doOnce(deps.ledger, { key, kind: draft.action, issueKey: draft.issueKey, at: draft.at }, async () => {
    await appendAuditEntry(deps.audit, draft);
    return ok(undefined);
  });
