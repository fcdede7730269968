import type { RegisterRepository } from '../ports/register-repository';
import { appendAuditOnce, type AuditOnceDeps } from './audit-once';

export type ForgetIssueDeps = AuditOnceDeps & { readonly register: RegisterRepository };

export type ForgetIssueRequest = {
  readonly issueKey: string;
  /** Who caused it: the account from the event, or `system:<job>` when the register found out by itself. */
  readonly actor: string;
  readonly at: string;
  /** `exception.deleted` when the issue is gone; `exception.left-register` when it is no longer an exception issue. */
  readonly action: 'exception.deleted' | 'exception.left-register';
  readonly reason: string;
  /** The event says the issue was a Security Exception, so its removal is audited even if the register never held it. */
  readonly knownException: boolean;
};

export type ForgetIssueResult = { readonly removed: boolean; readonly audited: boolean };

/**
 * Takes an issue out of the register. The audit entry comes first and is keyed by issue, so a replayed delete
 * event, or the reconcile finding the same deletion later, records it once; the last state the register held is
 * kept in the entry as the evidence of what disappeared.
 */
export const forgetIssue = async (deps: ForgetIssueDeps, request: ForgetIssueRequest): Promise<ForgetIssueResult> => {
  const stored = await deps.register.get(request.issueKey);
  let audited = false;
  if (stored !== null || request.knownException) {
    const appended = await appendAuditOnce(deps, `${request.action}:${request.issueKey}`, {
      at: request.at,
      actor: request.actor,
      action: request.action,
      issueKey: request.issueKey,
      payload: {
        reason: request.reason,
        lastStatus: stored?.status ?? null,
        lastTier: stored?.tier ?? null,
        lastContentHash: stored?.contentHash ?? null,
        lastJiraUpdatedAt: stored?.jiraUpdatedAt ?? null,
      },
    });
    audited = appended === 'appended';
  }
  const removed = await deps.register.remove(request.issueKey);
  return { removed: removed === 'removed', audited };
};
