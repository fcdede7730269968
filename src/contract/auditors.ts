import { z } from 'zod';
import { accountIdSchema, boundedText, isoDateTimeSchema, personSchema } from './primitives';

/**
 * Time-bound, read-only auditor access. A grant names one account and when its access ends; only members of the
 * auditor group can use one. Granting again replaces the end; a grant ending now or earlier ends the access at once.
 */

/** Auditor access is granted for an audit, not indefinitely: at most this many days ahead. */
export const MAX_AUDITOR_GRANT_DAYS = 90;

export const auditorGrantViewSchema = z.object({
  auditor: personSchema,
  until: isoDateTimeSchema,
  grantedBy: personSchema,
  grantedAt: isoDateTimeSchema,
  /** The grant has not ended yet (membership of the auditor group is checked on every call). */
  active: z.boolean(),
});
export type AuditorGrantView = z.infer<typeof auditorGrantViewSchema>;

export const adminAuditorsGetRequestSchema = z.object({});
export type AdminAuditorsGetRequest = z.input<typeof adminAuditorsGetRequestSchema>;
export const adminAuditorsGetResponseSchema = z.object({
  /** The Jira group whose members may hold a grant. */
  group: boundedText(255),
  grants: z.array(auditorGrantViewSchema).max(1000),
});
export type AuditorsView = z.infer<typeof adminAuditorsGetResponseSchema>;

export const adminAuditorsGrantRequestSchema = z.object({
  accountId: accountIdSchema,
  until: isoDateTimeSchema,
});
export type AdminAuditorsGrantRequest = z.input<typeof adminAuditorsGrantRequestSchema>;
export const adminAuditorsGrantResponseSchema = z.object({ grant: auditorGrantViewSchema });
export type AdminAuditorsGrantResponse = z.infer<typeof adminAuditorsGrantResponseSchema>;
