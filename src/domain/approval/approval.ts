import { z } from 'zod';
import { accountIdSchema } from '../exception/security-exception';

/**
 * One recorded decision on one approval level. Approvals are bound to the content hash of the
 * risk-relevant fields at the moment of approval; a different current hash means the approval is void.
 */
export const approvalSchema = z.object({
  levelId: z.string().min(1).max(40),
  approver: accountIdSchema,
  decision: z.enum(['approved', 'rejected']),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
  decidedAt: z.iso.datetime({ offset: true }),
  reason: z.string().trim().max(4000).optional(),
  /** Set when the approval was voided (content changed, re-rating); voided approvals never count. */
  voidedAt: z.iso.datetime({ offset: true }).optional(),
});
export type Approval = z.infer<typeof approvalSchema>;

/** Who is acting, as the entry layer established it (account from the platform context, groups from Jira). */
export type Actor = {
  readonly accountId: string;
  readonly groups: readonly string[];
};

/**
 * Scheduled jobs and triggers act as `system:<job>` (the audit trail's actor convention). The entry layer
 * builds this only for its own jobs, never from a request payload, so a person can never act as the system.
 */
export const systemActor = (job: string): Actor => ({ accountId: `system:${job}`, groups: [] });
export const isSystemActor = (actor: Actor): boolean => actor.accountId === 'system' || actor.accountId.startsWith('system:');
