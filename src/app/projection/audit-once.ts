import type { AuditDraft } from '../../domain/audit/audit-entry';
import { auditOnce, type AuditOnceDeps } from '../audit/once';

export type { AuditOnceDeps } from '../audit/once';

/** The append throws rather than fails, so an audit taken once is either appended now or was appended before. */
export const appendAuditOnce = async (deps: AuditOnceDeps, key: string, draft: AuditDraft): Promise<'appended' | 'already-appended'> =>
  (await auditOnce(deps, key, draft)).kind === 'already-done' ? 'already-appended' : 'appended';
