import type { Platform } from '../../entry/composition/platform';
import { issueEventsHandler } from '../../entry/issue-events.trigger';
import { dailyJobsHandler } from '../../entry/jobs/daily-jobs.scheduled';
import { lifecycleHandler } from '../../entry/lifecycle.trigger';
import { hourlyUpkeepHandler } from '../../entry/migrations.scheduled';
import { recordDecisionHandler } from '../../entry/post-functions/record-decision.post-function';
import { createUiResolver } from '../../entry/resolvers/ui-resolver';
import { weeklyReconcileHandler } from '../../entry/reconcile.scheduled';
import { transitionValidatorHandler } from '../../entry/validators/transition.validator';
import type { TriggerHandler } from '../jira/event-dispatcher';
import type { WorkflowValidatorHandler } from '../jira/workflow-validators';
import type { SandboxApp } from '../host/host-kit';
import type { Frame } from './frames';
import type { ManifestSchedule } from './manifest-modules';
import type { SandboxWorld } from './sandbox-world';

/**
 * The app deployed to the sandbox site as `forge deploy` and `forge install` would do it, module by module from
 * manifest.yml: its triggers subscribed to Jira's events (and sent the install event), its workflow rules offered to
 * Jira's workflows, its resolver answering its frames, its scheduled triggers run by the clock control. Each handler is
 * the production entry handler the manifest names, built for the sandbox platform (SQLite or MariaDB and the site
 * clock) in place of Forge's; a handler the manifest names that the sandbox cannot build stops the start-up.
 */

export type DeployedApp = SandboxApp & {
  /** Runs the scheduled triggers for the site clock's current day; says what ran. */
  runScheduledDay(): Promise<string>;
  /** Runs the weekly reconcile now. */
  reconcile(): Promise<void>;
};

type Scheduled = (request: unknown) => Promise<unknown>;
/** What `Resolver.getDefinitions()` returns: Forge calls it with the call and the backend's runtime payload. */
type ResolverDefinitions = ReturnType<typeof createUiResolver>;

/** The entry handlers by the export name the manifest's `index.<export>` gives, each built for a platform. */
const ENTRY_HANDLERS = {
  triggers: {
    onIssueEvent: (platform: Platform): TriggerHandler => issueEventsHandler(platform),
    onAppLifecycle: (platform: Platform): TriggerHandler => lifecycleHandler(platform),
  },
  validators: {
    validateTransition: (platform: Platform): WorkflowValidatorHandler => transitionValidatorHandler(platform),
  },
  postFunctions: {
    recordDecisionPostFunction: (platform: Platform): TriggerHandler => recordDecisionHandler(platform),
  },
  scheduled: {
    hourlyUpkeep: (platform: Platform): Scheduled => hourlyUpkeepHandler(platform),
    dailyJobs: (platform: Platform): Scheduled => dailyJobsHandler(platform),
    weeklyReconcile: (platform: Platform): Scheduled => weeklyReconcileHandler(platform),
  },
  resolvers: {
    uiResolver: (platform: Platform): ResolverDefinitions => createUiResolver(platform),
  },
} as const;

export class UnknownHandlerError extends Error {
  override readonly name = 'UnknownHandlerError';
}

const build = <H>(table: Readonly<Record<string, (platform: Platform) => H>>, handler: string, module: string, platform: Platform): H => {
  const factory = Object.hasOwn(table, handler) ? table[handler] : undefined;
  if (factory === undefined) {
    throw new UnknownHandlerError(`manifest.yml runs index.${handler} for ${module}, which the sandbox does not deploy: add it to ENTRY_HANDLERS in ${__filename}`);
  }
  return factory(platform);
};

const INSTALLED = 'avi:forge:installed:app';
const DAY_MS = 86_400_000;
const MONDAY = 1;
/** The order the clock control runs scheduled triggers in within a day: the hourly upkeep migrates first. */
const INTERVAL_ORDER: readonly ManifestSchedule['interval'][] = ['fiveMinute', 'hour', 'day', 'week'];

const isReady = (answer: unknown): boolean => typeof answer === 'object' && answer !== null && (answer as { status?: unknown }).status === 'ready';

export const deployApp = async (world: SandboxWorld): Promise<DeployedApp> => {
  const { jira, runtime, platform, manifest } = world;

  for (const trigger of manifest.triggers) {
    const handler = build(ENTRY_HANDLERS.triggers, trigger.handler, `trigger ${trigger.key}`, platform);
    if (trigger.events.includes(INSTALLED)) {
      const answer = await runtime.runAs(null, () => handler({ eventType: INSTALLED, selfGenerated: false, app: { version: '1.0.0' } }, {}));
      if (!isReady(answer)) throw new Error(`the app's ${trigger.key} trigger did not complete the installation: ${JSON.stringify(answer)}`);
    }
    const productEvents = trigger.events.filter((event) => event.startsWith('avi:jira:'));
    if (productEvents.length > 0) jira.registerTrigger({ key: trigger.key, events: productEvents, handler, ignoreSelf: trigger.ignoreSelf });
  }
  for (const rule of manifest.workflowValidators) {
    const handler = build(ENTRY_HANDLERS.validators, rule.handler, `workflow validator ${rule.key}`, platform);
    jira.registerWorkflowValidator(rule.key, handler, { name: rule.name, ...(rule.errorMessage === undefined ? {} : { errorMessage: rule.errorMessage }) });
  }
  for (const rule of manifest.workflowPostFunctions) {
    jira.registerWorkflowPostFunction(rule.key, build(ENTRY_HANDLERS.postFunctions, rule.handler, `workflow post function ${rule.key}`, platform), {
      name: rule.name,
    });
  }
  const schedules = [...manifest.scheduledTriggers]
    .sort((a, b) => INTERVAL_ORDER.indexOf(a.interval) - INTERVAL_ORDER.indexOf(b.interval))
    .map((schedule) => ({ ...schedule, run: build(ENTRY_HANDLERS.scheduled, schedule.handler, `scheduled trigger ${schedule.key}`, platform) }));
  const request = (key: string) => ({ context: { cloudId: jira.app.cloudId, moduleKey: key } });
  const resolvers = new Map(
    Object.entries(manifest.resolvers).map(([moduleKey, handler]) => [moduleKey, build(ENTRY_HANDLERS.resolvers, handler, `the resolver of ${moduleKey}`, platform)]),
  );
  const installContext = `ari:cloud:jira::site/${jira.app.cloudId}`;

  const runScheduledDay = async (): Promise<string> => {
    const ran: string[] = [];
    for (const schedule of schedules) {
      if (schedule.interval === 'week' && jira.clock.now().getUTCDay() !== MONDAY) continue;
      await runtime.runAs(null, () => schedule.run(request(schedule.key)));
      await jira.events.settle();
      ran.push(schedule.key);
    }
    return ran.join(', ');
  };

  return {
    runScheduledDay,
    async reconcile() {
      const weekly = schedules.find((schedule) => schedule.interval === 'week');
      if (weekly === undefined) throw new Error('manifest.yml declares no weekly scheduled trigger to reconcile with');
      await runtime.runAs(null, () => weekly.run(request(weekly.key)));
    },
    async advanceDays(days) {
      const ran: string[] = [];
      for (let day = 0; day < days; day += 1) {
        jira.clock.advance({ ms: DAY_MS });
        ran.push(await runScheduledDay());
      }
      return `The clock moved ${days} day(s) to ${jira.clock.now().toISOString().slice(0, 10)}; the scheduled triggers ran each day (${ran.at(-1) ?? 'none'}).`;
    },
    async invoke(frame: Frame, context, functionKey, payload) {
      const resolver = resolvers.get(frame.moduleKey);
      if (resolver === undefined) throw new Error(`manifest.yml gives the module ${frame.moduleKey} no resolver, so its frame cannot invoke ${functionKey}`);
      const answer: unknown = await runtime.runAs(frame.accountId, () =>
        resolver({ call: { functionKey, payload }, context }, { principal: { accountId: frame.accountId }, installContext }),
      );
      await jira.events.settle();
      return answer;
    },
  };
};
