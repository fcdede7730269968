import { z } from 'zod';
import { isoDateSchema } from '../../domain/exception/security-exception';
import { policyDay } from '../../domain/approval/policy-day';
import type { Policy } from '../../domain/policy/policy-config';
import { addCalendarDays, type IsoDate } from '../../domain/shared/dates';
import type { NoticeText } from '../jobs/job-ports';
import { eachItem, failedOutcome, type JobsDeps } from '../jobs/jobs-deps';
import { notifyOnce } from '../jobs/once';
import { runnable, type JobDefinition } from '../jobs/run-job';
import { monthSchema, REPORT_SECTION_LIMIT, type MonthlyReport, type MonthlyReportRepository, type ReportSelection } from './report-ports';

/**
 * The monthly report (run by the daily trigger once a month has closed in the policy's time zone). Steps:
 *   a. unless the month's report is stored, compile it from the register's indexes and store it; the month is the
 *      key, so of two runs the first stored report stands and the second reads it back;
 *   b. e-mail the security leads once (ledger key before the e-mail, released if it fails).
 * A run stopped after a finds the report and only does b; one stopped after b finds both done.
 */

export const REPORT_JOB = 'monthly-report';

export type ReportJobDeps = JobsDeps & {
  readonly reports: MonthlyReportRepository;
  readonly reportSelection: ReportSelection;
  /**
   * The issue that report e-mails are sent about (Jira e-mails are always about an issue), e.g. the register's home
   * issue; null when the installation has none, and the report is then stored saying it was not e-mailed.
   */
  readonly reportNoticeIssueKey: string | null;
};

export const NO_NOTICE_ISSUE_CODE = 'REPORT.NO_NOTICE_ISSUE';
export const NO_NOTICE_ISSUE_REASON =
  'Not e-mailed: Jira sends e-mails only about an issue, and no register home issue has been set up. ' +
  'Run "Set up project" on the app\'s admin page to create one; later reports are then e-mailed to the review group.';

const planSchema = z.object({ month: monthSchema, periodStart: isoDateSchema, periodEnd: isoDateSchema, nextMonthEnd: isoDateSchema });
type ReportPlan = z.infer<typeof planSchema>;

export const firstDayOfMonth = (month: string): IsoDate => `${month}-01`;
/** Day 1 plus 32 days always lands in the following month. */
export const monthAfter = (month: string): string => addCalendarDays(firstDayOfMonth(month), 32).slice(0, 7);
export const lastDayOfMonth = (month: string): IsoDate => addCalendarDays(firstDayOfMonth(monthAfter(month)), -1);
/** The month that has most recently closed at `now` in the policy's time zone: the one a report is due for. */
export const closedMonthAt = (now: string, policy: Policy): string => addCalendarDays(firstDayOfMonth(policyDay(now, policy).slice(0, 7)), -1).slice(0, 7);

/** The ledger key of a month's report e-mail: recorded once it is sent, so it also tells whether it was. */
export const reportNoticeKey = (month: string): string => `notify:report:${month}`;

/** A report run is keyed `<month>/<day of the attempt>`. */
export const monthOfRunKey = (runKey: string): string => monthSchema.parse(runKey.slice(0, 7));

/** Residual risk from which an exception is listed as above the threshold: the policy's high tier. */
export const reportRiskThreshold = (policy: Policy): number => policy.risk.thresholds.high;

export const compileMonthlyReport = async (deps: ReportJobDeps, plan: ReportPlan): Promise<MonthlyReport> => {
  const threshold = reportRiskThreshold(deps.policy);
  const selection = deps.reportSelection;
  return {
    month: plan.month,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    generatedAt: deps.now(),
    riskThreshold: threshold,
    sections: {
      lackingControls: await selection.lackingControls(REPORT_SECTION_LIMIT),
      aboveRiskThreshold: await selection.aboveRisk(threshold, REPORT_SECTION_LIMIT),
      overdueReviews: await selection.reviewOverdue(policyDay(deps.now(), deps.policy), REPORT_SECTION_LIMIT),
      expiringNextMonth: await selection.expiringIn({ after: plan.periodEnd, through: plan.nextMonthEnd }, REPORT_SECTION_LIMIT),
    },
    ...(deps.reportNoticeIssueKey === null ? { notEmailedBecause: NO_NOTICE_ISSUE_REASON } : {}),
  };
};

const listed = (items: MonthlyReport['sections'][keyof MonthlyReport['sections']]['items'], limit = 5): string =>
  items.length === 0 ? '' : ` First: ${items.slice(0, limit).map((item) => `${item.issueKey} (${item.tier}, ${item.riskScore.toFixed(1)})`).join(', ')}.`;

export const reportNotice = (report: MonthlyReport): { subject: string; text: NoticeText } => {
  const { lackingControls, aboveRiskThreshold, overdueReviews, expiringNextMonth } = report.sections;
  return {
    subject: `Security exception report for ${report.month}`,
    text: [
      `The register's report for ${report.month} (${report.periodStart} to ${report.periodEnd}) is ready.`,
      `${lackingControls.count} active exception(s) lack implemented compensating controls.${listed(lackingControls.items)}`,
      `${aboveRiskThreshold.count} are at or above residual risk ${report.riskThreshold.toFixed(1)}.${listed(aboveRiskThreshold.items)}`,
      `${overdueReviews.count} quarterly review(s) are overdue.${listed(overdueReviews.items)}`,
      `${expiringNextMonth.count} expire in ${monthAfter(report.month)}.${listed(expiringNextMonth.items)}`,
      "Open the register's Reports tab for the full report.",
    ],
  };
};

const compilePass = (deps: ReportJobDeps, plan: ReportPlan) =>
  runnable<string>({
    name: 'compile-and-send',
    page: () => Promise.resolve({ items: [plan.month] }),
    handle: (months, budget) =>
      eachItem(months, budget, (month) => month, async (month) => {
        const stored = await deps.reports.get(month);
        if (stored === null) await deps.reports.save(await compileMonthlyReport(deps, plan));
        const report = stored ?? (await deps.reports.get(month));
        if (report === null) throw new Error(`the ${month} report was saved but cannot be read back`);
        // The stored report stands, including its record of not being e-mailed.
        if (report.notEmailedBecause !== undefined) return { id: month, result: stored === null ? 'acted' : 'skipped' };
        const issueKey = deps.reportNoticeIssueKey;
        if (issueKey === null) {
          return failedOutcome(month, {
            code: NO_NOTICE_ISSUE_CODE,
            message: `The ${month} report is stored but cannot be e-mailed: no register home issue is recorded any more. Run "Set up project" on the app's admin page again.`,
          });
        }
        const sent = await notifyOnce(deps, reportNoticeKey(month), 'notice.monthly-report', deps.now(), {
          issueKey,
          ...reportNotice(report),
          to: { groups: [deps.policy.review.group] },
        });
        if (sent.kind === 'failed') return failedOutcome(month, sent.error);
        return { id: month, result: stored === null || sent.kind === 'done' ? 'acted' : 'skipped' };
      }),
  });

export const monthlyReportJob = (deps: ReportJobDeps): JobDefinition<ReportPlan> => ({
  name: REPORT_JOB,
  planSchema,
  plan: ({ runKey }) => {
    const month = monthOfRunKey(runKey);
    return Promise.resolve({ month, periodStart: firstDayOfMonth(month), periodEnd: lastDayOfMonth(month), nextMonthEnd: lastDayOfMonth(monthAfter(month)) });
  },
  passes: (plan) => [compilePass(deps, plan)],
});
