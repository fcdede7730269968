import { EXCEPTION_ISSUE_TYPE } from '../../app/projection/exception-issue';
import { descriptionOf } from '../../app/projection/testing/exception-issue-builder';
import { STATUS_NAMES } from '../../domain/exception/security-exception';
import type { JiraStandIn } from '../jira/jira-stand-in';
import type { DemoRegister } from './demo-register';
import { fieldsOf } from './seed-register';

/**
 * A large register in seconds rather than hours: the plan's exceptions are put into Jira as they stand at the end of
 * the plan, as if they had been raised before the app was installed (seeding fires no events), and the app's own
 * reconcile then projects every one of them into the register. Jira and the register agree as they do after any
 * reconcile; what an import lacks is the app's approval records, so it is for volume (benchmarks), not for the demo.
 */

export type ImportDeps = {
  readonly jira: JiraStandIn;
  readonly projectKey: string;
  readonly fieldIds: Readonly<Record<string, string>>;
  /** Runs the app's reconcile until it has projected every issue. */
  readonly reconcile: () => Promise<void>;
};

export async function importRegister(deps: ImportDeps, plan: DemoRegister): Promise<{ readonly imported: number }> {
  const firstStep = new Map<number, number>();
  const lastStep = new Map<number, number>();
  for (const step of plan.steps) {
    if (!firstStep.has(step.exception)) firstStep.set(step.exception, step.atMs);
    lastStep.set(step.exception, step.atMs);
  }
  const end = new Date(plan.start.getTime() + (plan.steps.at(-1)?.atMs ?? 0));
  if (end > deps.jira.clock.now()) deps.jira.clock.set(end);
  for (const exception of plan.exceptions) {
    deps.jira.seedIssue({
      projectKey: deps.projectKey,
      issueType: EXCEPTION_ISSUE_TYPE,
      summary: exception.summary,
      reporterAccountId: exception.requester.accountId,
      status: STATUS_NAMES[exception.fate],
      created: new Date(plan.start.getTime() + (firstStep.get(exception.index) ?? 0)),
      updated: new Date(plan.start.getTime() + (lastStep.get(exception.index) ?? 0)),
      values: { description: descriptionOf(exception.request), ...fieldsOf(exception, deps.fieldIds) },
    });
  }
  await deps.reconcile();
  return { imported: plan.exceptions.length };
}
