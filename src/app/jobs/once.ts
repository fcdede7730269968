import type { AuditDraft } from '../../domain/audit/audit-entry';
import type { AppendAuditEntryDeps } from '../audit/append-audit-entry';
import { auditOnce, doOnce, type OnceOutcome } from '../audit/once';
import type { NotificationLedger } from '../ports/notification-ledger';
import { failedOutcome } from './jobs-deps';
import type { Notice, Notifier } from './job-ports';
import type { ItemOutcome } from './run-job';

export { auditOnce, type OnceOutcome } from '../audit/once';

export type OnceDeps = { readonly ledger: NotificationLedger; readonly audit: AppendAuditEntryDeps; readonly notifier: Notifier };

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
