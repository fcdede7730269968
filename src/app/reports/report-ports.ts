import { z } from 'zod';
import { isoDateSchema, issueKeySchema, TIERS } from '../../domain/exception/security-exception';
import type { IsoDate } from '../../domain/shared/dates';
import type { DayRange } from '../jobs/job-ports';
import type { Page } from '../ports/page';

/**
 * The monthly report: what a security lead should look at when a month closes. It is generated once per month,
 * stored as a record (never recomputed, so it shows the register as it was), listed in the register and e-mailed.
 */

export const REPORT_SECTION_LIMIT = 100;

export const reportItemSchema = z.object({
  issueKey: issueKeySchema,
  projectKey: z.string().min(1).max(64),
  title: z.string().min(1).max(255),
  tier: z.enum(TIERS),
  riskScore: z.number().min(0).max(10),
  assetOwner: z.string().min(1).max(128),
  expiresOn: isoDateSchema.optional(),
  nextReviewDue: isoDateSchema.optional(),
});
export type ReportItem = z.infer<typeof reportItemSchema>;

/** How many exceptions the section holds, and the first of them (at most REPORT_SECTION_LIMIT) in its order. */
export const reportSectionSchema = z.object({
  count: z.number().int().min(0),
  items: z.array(reportItemSchema).max(REPORT_SECTION_LIMIT),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2027-01');

export const monthlyReportSchema = z.object({
  month: monthSchema,
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  generatedAt: z.iso.datetime({ offset: true }),
  /** Residual risk score from which an active exception counts as above the threshold. */
  riskThreshold: z.number().min(0).max(10),
  sections: z.object({
    /** Tier needs compensating controls, none implemented or verified; riskiest first. */
    lackingControls: reportSectionSchema,
    /** Residual risk at or above the threshold; riskiest first. */
    aboveRiskThreshold: reportSectionSchema,
    /** Quarterly review not attested by its due day; longest overdue first. */
    overdueReviews: reportSectionSchema,
    /** Last day in force in the month after the reported one; soonest first. */
    expiringNextMonth: reportSectionSchema,
  }),
  /** Set when the report was not e-mailed, saying why: it is then read in the register only. */
  notEmailedBecause: z.string().min(1).max(500).optional(),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

export type MonthlyReportSummary = Pick<MonthlyReport, 'month' | 'generatedAt' | 'riskThreshold' | 'notEmailedBecause'> & {
  readonly counts: { readonly [S in keyof MonthlyReport['sections']]: number };
};

export interface MonthlyReportRepository {
  /** The first report saved for a month stands. */
  save(report: MonthlyReport): Promise<'saved' | 'already-saved'>;
  get(month: string): Promise<MonthlyReport | null>;
  /** Newest month first; `before` is the `next` of the previous page. */
  list(limit: number, before?: string): Promise<Page<MonthlyReportSummary>>;
}

/** The report's selections, each answered from a register index. */
export interface ReportSelection {
  lackingControls(limit: number): Promise<ReportSection>;
  aboveRisk(minScore: number, limit: number): Promise<ReportSection>;
  /** Next review due before `day`. */
  reviewOverdue(day: IsoDate, limit: number): Promise<ReportSection>;
  expiringIn(range: DayRange, limit: number): Promise<ReportSection>;
}
