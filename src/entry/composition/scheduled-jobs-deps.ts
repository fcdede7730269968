import { randomUUID } from 'node:crypto';
import { forgeContinuationQueue } from '../../adapters/forge/forge-continuation-queue';
import { KvsRegisterHome, type RegisterHome } from '../../adapters/forge/kvs-register-home';
import type { JiraGateway } from '../../adapters/jira/jira-gateway';
import { JiraExceptionReader } from '../../adapters/jira/jira-exception-reader';
import { JiraIssueTransitions } from '../../adapters/jira/jira-issue-transitions';
import { JiraNotifier } from '../../adapters/jira/jira-notifier';
import { KvsLeaseStore } from '../../adapters/kvs/kvs-lease-store';
import { SqlDueSelection } from '../../adapters/sql/sql-due-selection';
import { SqlMonthlyReportRepository } from '../../adapters/sql/sql-monthly-report-repository';
import { SqlReportSelection } from '../../adapters/sql/sql-report-selection';
import type { ExceptionReader } from '../../app/jobs/job-ports';
import type { ScheduledJobsDeps } from '../../app/jobs/scheduled-jobs';
import type { Policy } from '../../domain/policy/policy-config';
import { auditDeps, exceptionFieldIds, jiraGateways, openStorage, readIssueAsException, requirePolicy } from './invocation-deps';
import type { FieldIdSource } from './jira-ports';
import type { Platform } from './platform';

/** The `consumer` queue that carries a scheduled run on when it outgrows one invocation (manifest `jobs-continuation`). */
export const JOBS_CONTINUATION_QUEUE = 'scheduled-jobs';

/**
 * Field ids are resolved on the first read, not while building: an invocation with nothing due never asks Jira, and
 * a failure to resolve them fails the items being read (recorded in the run) rather than the whole invocation.
 */
const jobExceptionReader = (gateway: JiraGateway, fieldIds: FieldIdSource, policy: Policy): ExceptionReader => ({
  async read(entries) {
    const ids = await fieldIds();
    return ids.ok ? new JiraExceptionReader(gateway, ids.value, readIssueAsException(policy, Number.POSITIVE_INFINITY)).read(entries) : ids;
  },
});

/**
 * Links in notices need the site's address, which set-up records with the register home. Without it a notice names
 * the issue, which the recipients can find, rather than a link that might lead nowhere.
 */
const issueUrlOf =
  (home: RegisterHome | null) =>
  (issueKey: string): string =>
    home === null ? issueKey : `${home.siteUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(issueKey)}`;

/** The scheduled jobs' dependencies for one invocation; Jira is called as the app, since no user runs the jobs. */
export const buildScheduledJobsDeps = async (platform: Platform): Promise<ScheduledJobsDeps> => {
  const storage = openStorage(platform);
  const gateways = jiraGateways(platform);
  const policy = await requirePolicy();
  const home = await new KvsRegisterHome().get();
  return {
    policy,
    now: () => platform.now().toISOString(),
    runs: storage.jobRuns,
    leases: new KvsLeaseStore(),
    remainingTimeMs: () => platform.remainingMs(),
    invocationId: randomUUID(),
    register: storage.register,
    selection: new SqlDueSelection(storage.database),
    approvals: storage.approvals,
    attestations: storage.attestations,
    ledger: storage.ledger,
    audit: await auditDeps(storage, platform),
    exceptions: jobExceptionReader(gateways.asApp, exceptionFieldIds(gateways), policy),
    transitions: new JiraIssueTransitions(gateways.asApp),
    notifier: new JiraNotifier({ jira: gateways.asApp, issueUrl: issueUrlOf(home) }),
    reports: new SqlMonthlyReportRepository(storage.database),
    reportSelection: new SqlReportSelection(storage.database),
    reportNoticeIssueKey: home?.issueKey ?? null,
    queue: forgeContinuationQueue(JOBS_CONTINUATION_QUEUE),
  };
};
