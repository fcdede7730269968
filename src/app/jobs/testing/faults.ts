import { STATUS_NAMES, type Status } from '../../../domain/exception/security-exception';
import type { ScheduledJobsDeps } from '../scheduled-jobs';
import type { JobWorld } from './job-world';

/** Thrown in place of one step of a run: the step does not happen, and the run sees it fail. */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';
}

export type FaultPlan = {
  /** 1-based step that fails; none when absent, to count the steps of a clean run. */
  readonly failAt?: number;
  /** Every step taken, as `port.method`, in order. */
  readonly steps: string[];
};

/**
 * Wraps every port of a job invocation so that each call is a numbered step, and step `failAt` fails instead of
 * running. Storage, leases, the run record, the queue and every Jira call (through the reader, the transitions and
 * the notifier) are steps, so a test can stop a job at any point it can be stopped.
 */
export const withFaultAt = (deps: ScheduledJobsDeps, plan: FaultPlan): ScheduledJobsDeps => {
  let step = 0;
  const wrap = <T extends object>(name: string, target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          step += 1;
          const label = `${name}.${String(property)}`;
          plan.steps.push(label);
          if (step === plan.failAt) return Promise.reject(new InjectedFault(`injected fault at step ${step}: ${label}`));
          return (value as (...parameters: unknown[]) => unknown).apply(object, args);
        };
      },
    });
  return {
    ...deps,
    register: wrap('register', deps.register),
    selection: wrap('selection', deps.selection),
    approvals: wrap('approvals', deps.approvals),
    attestations: wrap('attestations', deps.attestations),
    ledger: wrap('ledger', deps.ledger),
    audit: { ...deps.audit, store: wrap('audit', deps.audit.store) },
    exceptions: wrap('exceptions', deps.exceptions),
    transitions: wrap('transitions', deps.transitions),
    notifier: wrap('notifier', deps.notifier),
    runs: wrap('runs', deps.runs),
    leases: wrap('leases', deps.leases),
    reports: wrap('reports', deps.reports),
    reportSelection: wrap('reportSelection', deps.reportSelection),
    queue: wrap('queue', deps.queue),
  };
};

/** Leases that never refuse: two invocations then really run the same job at the same time. */
export const withoutLeases = (deps: ScheduledJobsDeps): ScheduledJobsDeps => ({
  ...deps,
  leases: { acquire: () => Promise.resolve('acquired'), release: () => Promise.resolve('released') },
});

const statusName = (world: JobWorld, statusId: string): string => world.jira.state.statuses.get(statusId)?.name ?? statusId;

/** A reminder sent a day late counts the days left from the day it is sent; it is still the same reminder. */
const withoutDaysLeft = (subject: string): string => subject.replace(/expires (in \d+ days?|at the end of today)/, 'expires soon');

/**
 * Everything the jobs change, without times: Jira statuses and comment counts, the e-mails sent (a multiset), the
 * audit trail, the register's statuses, the ledger and the stored reports. Two runs that did the same things,
 * once each, have equal snapshots whenever they did them.
 */
export const snapshotOf = async (world: JobWorld) => {
  const issues = [...world.jira.state.issues.values()].map((issue) => `${issue.key} ${statusName(world, issue.statusId)} comments:${issue.comments.length}`).sort();
  const notifications = world.jira
    .notifications()
    .map((n) => `${n.issueKey} | ${withoutDaysLeft(n.subject)} | ${[...n.recipientAccountIds].sort().join(',')}`)
    .sort();
  const audit = (await world.auditStore.page(0, 1000)).map((entry) => `${entry.issueKey ?? '-'} ${entry.action} ${entry.actor}`).sort();
  const register = (await world.database.db.selectFrom('exception_register').select(['issue_key', 'status']).execute())
    .map((row) => `${row.issue_key} ${STATUS_NAMES[row.status as Status]}`)
    .sort();
  const ledger = (await world.database.db.selectFrom('notification_ledger').select('ledger_key').execute()).map((row) => row.ledger_key).sort();
  const reports = (await world.reports.list(100)).items.map((report) => report.month);
  return { issues, notifications, audit, register, ledger, reports };
};
