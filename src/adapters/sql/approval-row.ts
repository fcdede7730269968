import type { Insertable } from 'kysely';
import { z } from 'zod';
import { approvalSchema, type Approval } from '../../domain/approval/approval';
import { optionalText, toDbInstant } from './db-values';
import { parseRow } from './sql-errors';
import type { ApprovalsTable } from './schema';

/** Pure mapping between approval decisions and rows; instants are stored in UTC milliseconds. */
export const approvalRowOf = (issueKey: string, approval: Approval): Insertable<ApprovalsTable> => ({
  issue_key: issueKey,
  level_id: approval.levelId,
  approver: approval.approver,
  content_hash: approval.contentHash,
  decision: approval.decision,
  decided_at: toDbInstant(approval.decidedAt),
  reason: approval.reason ?? null,
  voided_at: approval.voidedAt === undefined ? null : toDbInstant(approval.voidedAt),
});

const approvalRowSchema = z
  .object({
    level_id: z.string(),
    approver: z.string(),
    content_hash: z.string(),
    decision: z.string(),
    decided_at: z.string(),
    reason: optionalText,
    voided_at: optionalText,
  })
  .transform((row) => ({
    levelId: row.level_id,
    approver: row.approver,
    decision: row.decision,
    contentHash: row.content_hash,
    decidedAt: row.decided_at,
    ...(row.reason === undefined ? {} : { reason: row.reason }),
    ...(row.voided_at === undefined ? {} : { voidedAt: row.voided_at }),
  }))
  .pipe(approvalSchema);

export const approvalOf = (row: unknown): Approval => parseRow(approvalRowSchema, row, 'approvals');
