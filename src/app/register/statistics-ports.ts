import type { Tier } from '../../domain/exception/security-exception';

/**
 * Aggregates over the register, each one bounded query answered by the database (the dashboard and the policy
 * preview never page through exceptions to count them). Months are calendar months of the stored UTC instants.
 * `projectKey` null means every project of the installation.
 */
export type MonthCount = { readonly month: string; readonly count: number };

export type ApproverCount = { readonly approver: string; readonly approvals: number };

export interface RegisterStatistics {
  activeByTier(projectKey: string | null): Promise<Readonly<Record<Tier, number>>>;
  /** Exceptions that came into force, by month of activation, from `fromMonth` on; renewals only when asked. */
  activationsByMonth(projectKey: string, fromMonth: string, renewalsOnly: boolean): Promise<readonly MonthCount[]>;
  rejectionsByMonth(projectKey: string, fromMonth: string): Promise<readonly MonthCount[]>;
  /** Renewal requests recorded in the audit chain, by month. */
  renewalRequestsByMonth(projectKey: string, fromMonth: string): Promise<readonly MonthCount[]>;
  /** Renewals raised and not yet decided. */
  pendingRenewals(projectKey: string): Promise<number>;
  /** Mean whole days from the day of activation to the day the exception ended; null when none has ended. */
  meanLifespanDays(projectKey: string): Promise<number | null>;
  /** People whose approvals stand for the current content, most approvals first. */
  topApprovers(projectKey: string, limit: number): Promise<readonly ApproverCount[]>;
  /** Active exceptions of `tier` whose last day in force is more than `days` after their day of activation. */
  activeLongerThan(tier: Tier, days: number): Promise<number>;
  /** Active exceptions of `tier` renewed more than `renewals` times. */
  activeRenewedMoreThan(tier: Tier, renewals: number): Promise<number>;
  /** Assets covered by more than `limit` active exceptions. */
  assetsOverActiveLimit(limit: number): Promise<number>;
  businessUnitsOverActiveLimit(limit: number): Promise<number>;
}
