import { z } from 'zod';
import { retryInvocationLater, retryTimingOf, type RetryRequest } from '../../adapters/forge/invocation-retry';
import { AuditAppendContendedError } from '../../app/audit/append-audit-entry';
import { recordDecision, type RecordDecisionDeps, type RecordDecisionOutcome } from '../../app/approvals/record-decision';
import { isStorageError } from '../../app/ports/storage-error';
import { isTransient } from '../../app/projection/projection-ports';
import { statusNamed } from '../../app/projection/read-exception-issue';
import { issueKeySchema, type Status } from '../../domain/exception/security-exception';
import { LIFECYCLE_ACTIONS } from '../../domain/lifecycle/lifecycle-types';
import { ownText, statusChangeItem } from '../changelog';
import { forgePlatform, type Platform } from '../composition/platform';
import { recordDecisionDeps } from '../composition/rule-deps';
import { logLine } from '../log-line';

/**
 * `jira:workflowPostFunction` that records decisions (see src/app/approvals/record-decision.ts for why a post
 * function). Jira sends it after a transition: the issue, the transition with its `executionId`, who made it
 * (`atlassianId`), the transition's changelog and comment, and the configuration set-up gave it (the lifecycle
 * action and, for an approval, the level). Failures that may pass are answered with a retry request.
 */

/** Jira hands the configuration back as the JSON string that was saved or already parsed. */
const recorderConfigSchema = z.preprocess(
  (saved) => {
    if (typeof saved !== 'string') return saved;
    try {
      return JSON.parse(saved) as unknown;
    } catch {
      return saved;
    }
  },
  z.object({ action: z.enum(LIFECYCLE_ACTIONS), levelId: z.string().min(1).max(40).optional() }),
);

const eventSchema = z.looseObject({
  issue: z.looseObject({ key: issueKeySchema }),
  transition: z.looseObject({
    executionId: z.string().min(1).max(255),
    from: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }),
    to: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }),
  }),
  atlassianId: z.string().trim().min(1),
  changelog: z.looseObject({ items: z.array(z.record(z.string(), z.unknown())).default([]) }).nullish(),
  comment: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }).nullish(),
  configuration: z.unknown(),
});
type RecorderEvent = z.infer<typeof eventSchema>;

const installationSchema = z.looseObject({ installContext: z.string().min(1).optional() });

/** The status the transition left: the changelog's status change, or none for a transition back to the same status. */
const leftStatusOf = (event: RecorderEvent): { readonly known: true; readonly status?: Status } | { readonly known: false } => {
  if (event.transition.from.id === event.transition.to.id) return { known: true };
  const item = statusChangeItem(event.changelog?.items);
  const status = statusNamed(item === undefined ? undefined : ownText(item, 'fromString'));
  return status === undefined ? { known: false } : { known: true, status };
};

export type RecorderAnswer = { readonly status: 'ignored'; readonly reason: string } | { readonly status: 'processed'; readonly outcome: RecordDecisionOutcome };

const ONE_MINUTE_MS = 60_000;

export const recordDecisionHandler =
  (
    platform: Platform,
    depsFor: (installation: string | undefined) => Promise<RecordDecisionDeps> = (installation) => recordDecisionDeps(platform, installation),
    record: typeof recordDecision = recordDecision,
  ) =>
  async (payload: unknown, context: unknown): Promise<RecorderAnswer | RetryRequest> => {
    const parsed = eventSchema.safeParse(payload);
    if (!parsed.success) {
      logLine('error', 'decision-recorder', 'ignored a post-function event the register cannot read', { problems: parsed.error.issues.length });
      return { status: 'ignored', reason: 'unreadable event' };
    }
    const event = parsed.data;
    const config = recorderConfigSchema.safeParse(event.configuration);
    const left = leftStatusOf(event);
    if (!config.success || !left.known) {
      logLine('error', 'decision-recorder', 'ignored a transition whose decision cannot be told', { issueKey: event.issue.key, configured: config.success });
      return { status: 'ignored', reason: config.success ? 'the status the transition left is unknown' : 'the post function has no valid configuration' };
    }
    const installation = installationSchema.safeParse(context);
    try {
      const outcome = await record(await depsFor(installation.success ? installation.data.installContext : undefined), {
        issueKey: event.issue.key,
        action: config.data.action,
        ...(config.data.levelId === undefined ? {} : { levelId: config.data.levelId }),
        actor: event.atlassianId,
        ...(left.status === undefined ? {} : { leftStatus: left.status }),
        executionId: event.transition.executionId,
        ...(event.comment === null || event.comment === undefined ? {} : { commentId: event.comment.id }),
        now: platform.now().toISOString(),
      });
      if (outcome.kind === 'failed' && isTransient(outcome.failure)) {
        logLine('warn', 'decision-recorder', 'Jira was unavailable; asking the platform to retry', { issueKey: event.issue.key });
        const retry = retryTimingOf(outcome.failure);
        return retryInvocationLater(retry.afterMs, retry.rateLimited);
      }
      if (outcome.kind === 'failed' || outcome.kind === 'not-counted') {
        logLine('warn', 'decision-recorder', 'a decision was not recorded', { issueKey: event.issue.key, kind: outcome.kind });
      }
      return { status: 'processed', outcome };
    } catch (error) {
      if (!isStorageError(error) && !(error instanceof AuditAppendContendedError)) throw error;
      logLine('warn', 'decision-recorder', 'storage was unavailable; asking the platform to retry', { issueKey: event.issue.key, code: error.code });
      return retryInvocationLater(ONE_MINUTE_MS, false);
    }
  };

/** The Forge function of the `jira:workflowPostFunction` that records decisions. */
export const recordDecisionPostFunction = recordDecisionHandler(forgePlatform);
