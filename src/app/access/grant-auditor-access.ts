import { ok, refuse, type Result } from '../../domain/shared/result';
import { appendAuditEntry, type AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { AuditorGrant, AuditorGrants } from './access-ports';

export type GrantAuditorDeps = {
  readonly auditors: AuditorGrants;
  readonly audit: AppendAuditEntryDeps;
  readonly now: () => string;
  /** How far ahead a grant may end. */
  readonly maxDays: number;
};

export type GrantAuditorCode = 'AUDITOR.GRANT_TOO_LONG' | 'AUDITOR.SELF_GRANT';

export const AUDITOR_GRANTED = 'auditor.granted';

const DAY_MS = 86_400_000;

/**
 * Grants an account read-only auditor access until `until`, replacing any earlier grant; an end at or before now
 * ends the access at once. Access is time-bound, so a grant may reach at most `maxDays` ahead, and nobody grants
 * themselves: the audit trail records who granted whom until when.
 */
export const grantAuditorAccess = async (
  deps: GrantAuditorDeps,
  request: { readonly accountId: string; readonly until: string; readonly by: string },
): Promise<Result<AuditorGrant, GrantAuditorCode>> => {
  const now = deps.now();
  if (request.accountId === request.by) {
    return refuse('AUDITOR.SELF_GRANT', 'Nobody grants auditor access to themselves: ask another security lead or a Jira administrator.');
  }
  const latest = new Date(Date.parse(now) + deps.maxDays * DAY_MS);
  if (Date.parse(request.until) > latest.getTime()) {
    return refuse(
      'AUDITOR.GRANT_TOO_LONG',
      `Auditor access ends within ${deps.maxDays} days of being granted, so ${request.until} is too late: choose ${latest.toISOString()} or earlier, and grant again if the audit runs longer.`,
    );
  }
  const grant: AuditorGrant = { accountId: request.accountId, until: new Date(request.until).toISOString(), grantedBy: request.by, grantedAt: now };
  await deps.auditors.save(grant);
  await appendAuditEntry(deps.audit, {
    at: now,
    actor: request.by,
    action: AUDITOR_GRANTED,
    issueKey: null,
    payload: { auditor: grant.accountId, until: grant.until },
  });
  return ok(grant);
};
