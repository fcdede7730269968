import { appendAuditEntry, type AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { Caller } from './caller-roles';

export const AUDITOR_ACCESSED = 'auditor.accessed';

/**
 * Every call made by an account holding an auditor grant, current or lapsed, goes into the audit chain: an
 * auditor's reading is itself evidence, and so is an attempt after the grant ran out.
 */
export const recordAuditorAccess = async (
  /** Asked for only when there is something to record, so other callers never load the signing key. */
  audit: () => Promise<AppendAuditEntryDeps>,
  caller: Caller,
  call: { readonly key: string; readonly issueKey: string | null; readonly allowed: boolean; readonly at: string },
): Promise<boolean> => {
  const grant = caller.auditorGrant;
  if (grant.state === 'none') return false;
  await appendAuditEntry(await audit(), {
    at: call.at,
    actor: caller.accountId,
    action: AUDITOR_ACCESSED,
    issueKey: call.issueKey,
    payload: {
      resolver: call.key,
      projectKey: caller.projectKey,
      allowed: call.allowed,
      grant: grant.state,
      grantUntil: grant.until,
    },
  });
  return true;
};
