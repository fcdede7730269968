import { policyDay } from '../../domain/approval/policy-day';
import type { Tier } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import { addCalendarDays, type IsoDate } from '../../domain/shared/dates';
import type { RegisterRepository } from '../ports/register-repository';
import { repositoryFilterOf } from './register-listing';
import type { ApproverCount, MonthCount, RegisterStatistics } from './statistics-ports';

export type DashboardDeps = {
  readonly register: RegisterRepository;
  readonly statistics: RegisterStatistics;
  readonly policy: Policy;
  readonly now: () => string;
};

export type MonthlyDecisions = { readonly month: string; readonly approved: number; readonly rejected: number };
export type MonthlyRenewals = { readonly month: string; readonly requested: number; readonly activated: number };

export type DashboardSummary = {
  readonly asOf: IsoDate;
  readonly activeByTier: Readonly<Record<Tier, number>>;
  readonly expiringWithin30Days: number;
  readonly averageLifespanDays: number | null;
  readonly decisionsByMonth: readonly MonthlyDecisions[];
  readonly topApprovers: readonly ApproverCount[];
  readonly overdueReviews: number;
  readonly renewals: { readonly pending: number; readonly byMonth: readonly MonthlyRenewals[] };
};

const EXPIRING_WINDOW_DAYS = 30;
const TOP_APPROVERS = 10;

/** The `count` closed months before the month of `today`, oldest first. */
export const closedMonthsBefore = (today: IsoDate, count: number): string[] => {
  const months: string[] = [];
  let firstOfMonth = `${today.slice(0, 7)}-01`;
  for (let i = 0; i < count; i += 1) {
    firstOfMonth = `${addCalendarDays(firstOfMonth, -1).slice(0, 7)}-01`;
    months.unshift(firstOfMonth.slice(0, 7));
  }
  return months;
};

const countIn = (counts: readonly MonthCount[], month: string): number => counts.find((c) => c.month === month)?.count ?? 0;

/** Every tile of a project's dashboard, each from one bounded query. */
export const dashboardSummary = async (
  deps: DashboardDeps,
  request: { readonly projectKey: string; readonly months: number },
): Promise<DashboardSummary> => {
  const { statistics, policy } = deps;
  const today = policyDay(deps.now(), policy);
  const months = closedMonthsBefore(today, request.months);
  const from = months[0] ?? today.slice(0, 7);
  const { projectKey } = request;
  const [activeByTier, expiring, lifespan, activations, rejections, approvers, overdue, pending, renewalRequests, renewalActivations] =
    await Promise.all([
      statistics.activeByTier(projectKey),
      deps.register.count(repositoryFilterOf(projectKey, { statuses: ['active'], expiringWithinDays: EXPIRING_WINDOW_DAYS }, today)),
      statistics.meanLifespanDays(projectKey),
      statistics.activationsByMonth(projectKey, from, false),
      statistics.rejectionsByMonth(projectKey, from),
      statistics.topApprovers(projectKey, TOP_APPROVERS),
      deps.register.count(repositoryFilterOf(projectKey, { statuses: ['active'], reviewOverdue: true }, today)),
      statistics.pendingRenewals(projectKey),
      statistics.renewalRequestsByMonth(projectKey, from),
      statistics.activationsByMonth(projectKey, from, true),
    ]);
  return {
    asOf: today,
    activeByTier,
    expiringWithin30Days: expiring,
    averageLifespanDays: lifespan,
    decisionsByMonth: months.map((month) => ({ month, approved: countIn(activations, month), rejected: countIn(rejections, month) })),
    topApprovers: approvers,
    overdueReviews: overdue,
    renewals: {
      pending,
      byMonth: months.map((month) => ({ month, requested: countIn(renewalRequests, month), activated: countIn(renewalActivations, month) })),
    },
  };
};
