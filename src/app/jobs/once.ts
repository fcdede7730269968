import type { AuditDraft } from '../../domain/audit/audit-entry';
import { ok } from '../../domain/shared/result';
import { appendAuditEntry, type AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { NotificationLedger } from '../ports/notification-ledger';
import { failedOutcome } from './jobs-deps';
import type { Notice, Notifier, Remote, RemoteFailure } from './job-ports';
import type { ItemOutcome } from './run-job';

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

export type OnceDeps = { readonly ledger: NotificationLedger; readonly audit: AppendAuditEntryDeps; readonly notifier: Notifier };

export const auditOnce = (deps: Pick<OnceDeps, 'ledger' | 'audit'>, key: string, draft: AuditDraft): Promise<OnceOutcome> =>
  doOnce(deps.ledger, { key, kind: draft.action, issueKey: draft.issueKey, at: draft.at }, async () => {
    await appendAuditEntry(deps.audit, draft);
    return ok(undefined);
  });

export const notifyOnce = (deps: Pick<OnceDeps, 'ledger' | 'notifier'>, key: string, kind: string, at: string, notice: Notice): Promise<OnceOutcome> =>
  doOnce(deps.ledger, { key, kind, issueKey: notice.issueKey, at }, () => deps.notifier.notify(notice));

/** An item whose steps each ran once: failed if any failed, acted if any acted now, else skipped (all done before). */
export const outcomeOfSteps = (issueKey: string, steps: readonly OnceOutcome[]): ItemOutcome => {
  const failed = steps.find((step) => step.kind === 'failed');
  if (failed?.kind === 'failed') return failedOutcome(issueKey, failed.error);
  return { id: issueKey, result: steps.some((step) => step.kind === 'done') ? 'acted' : 'skipped' };
};

/**
 * Records a status change in the audit trail once, then tells people once. A failed audit stops before the notice,
 * so the next run does both in order.
 */
export const auditThenNotify = async (
  deps: OnceDeps & { readonly now: () => string },
  issueKey: string,
  audit: { readonly key: string; readonly draft: AuditDraft },
  notice: { readonly key: string; readonly kind: string; readonly notice: Notice },
): Promise<ItemOutcome> => {
  const audited = await auditOnce(deps, audit.key, audit.draft);
  if (audited.kind === 'failed') return outcomeOfSteps(issueKey, [audited]);
  const notified = await notifyOnce(deps, notice.key, notice.kind, deps.now(), notice.notice);
  return outcomeOfSteps(issueKey, [audited, notified]);
};
