import { z } from 'zod';
import { isoDateSchema, monthSchema, personSchema } from './primitives';
import { TIERS } from './vocabulary';

/** The register's dashboard for the project the page is rendered in: one call fills every tile. */

export const dashboardSummaryRequestSchema = z.object({
  /** How many closed months the monthly series cover, most recent last. */
  months: z.number().int().min(1).max(24).default(12),
});
export type DashboardSummaryRequest = z.input<typeof dashboardSummaryRequestSchema>;

const count = z.number().int().min(0);
const days = z.number().min(0).nullable();

export const dashboardSummaryResponseSchema = z.object({
  asOf: isoDateSchema,
  activeByTier: z.record(z.enum(TIERS), count),
  expiringWithin30Days: count,
  /** Mean days from activation to the end of the exception, over exceptions that ended; null when none has. */
  averageLifespanDays: days,
  decisionsByMonth: z.array(z.object({ month: monthSchema, approved: count, rejected: count })).max(24),
  topApprovers: z.array(z.object({ approver: personSchema, approvals: count })).max(10),
  /** Mean days from submission to the final approval or rejection; null when nothing was decided yet. */
  meanTimeToDecisionDays: days,
  overdueReviews: count,
  renewals: z.object({
    /** Renewal requests not yet decided. */
    pending: count,
    byMonth: z.array(z.object({ month: monthSchema, requested: count, activated: count })).max(24),
  }),
});
export type DashboardSummary = z.infer<typeof dashboardSummaryResponseSchema>;
