import type { SentNotification } from '../../../sandbox/jira/jira-model';
import { runDailyJobs, runHourlyJobs, type ScheduledRunResult } from '../scheduled-jobs';
import type { JobWorld } from './job-world';

/** Moves the site's clock to `instant` (forward only) and runs the daily trigger there, as one invocation. */
export const runDailyAt = (world: JobWorld, instant: string): Promise<ScheduledRunResult[]> => {
  world.jira.clock.set(new Date(instant));
  return world.runtime.runAs(null, () => runDailyJobs(world.deps()));
};

export const runHourlyAt = (world: JobWorld, instant: string): Promise<ScheduledRunResult[]> => {
  world.jira.clock.set(new Date(instant));
  return world.runtime.runAs(null, () => runHourlyJobs(world.deps()));
};

/** Runs the daily trigger at `time` (UTC) on every day from `from` through `through`. */
export const runDailyEachDay = async (world: JobWorld, from: string, through: string, time = '06:00:00.000Z'): Promise<void> => {
  for (let day = new Date(`${from}T${time}`); day.getTime() <= Date.parse(`${through}T${time}`); day = new Date(day.getTime() + 86_400_000)) {
    await runDailyAt(world, day.toISOString());
  }
};

export type SentView = { readonly day: string; readonly issueKey: string; readonly subject: string; readonly to: readonly string[] };

/** What was e-mailed, as day, issue, subject and sorted recipients. */
export const sent = (world: JobWorld, filter: (notification: SentNotification) => boolean = () => true): SentView[] =>
  world.jira
    .notifications()
    .filter(filter)
    .map((notification) => ({
      day: notification.sentAt.toISOString().slice(0, 10),
      issueKey: notification.issueKey,
      subject: notification.subject,
      to: [...notification.recipientAccountIds].sort(),
    }));
