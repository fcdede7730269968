import type { AuditDraft } from '../../domain/audit/audit-entry';
import { appendAuditEntry, type AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { NotificationLedger } from '../ports/notification-ledger';

export type AuditOnceDeps = {
  readonly audit: AppendAuditEntryDeps;
  readonly ledger: NotificationLedger;
};

/**
 * Appends an audit entry once per `key`, however often the event behind it is delivered. The key is taken in the
 * ledger first; if the append then fails the key is released, so the platform's retry records the entry.
 */
export const appendAuditOnce = async (
  deps: AuditOnceDeps,
  key: string,
  draft: AuditDraft,
): Promise<'appended' | 'already-appended'> => {
  const taken = await deps.ledger.recordOnce({ key, kind: draft.action, issueKey: draft.issueKey, at: draft.at });
  if (taken === 'already-recorded') return 'already-appended';
  try {
    await appendAuditEntry(deps.audit, draft);
  } catch (error) {
    await deps.ledger.release(key);
    throw error;
  }
  return 'appended';
};
