import { z } from 'zod';
import { retryInvocationLater, retryTimingOf, type RetryRequest, type RetryTiming } from '../adapters/forge/invocation-retry';
import { handleIssueEvent, type IssueEvent, type IssueEventOutcome, type StatusChange } from '../app/projection/handle-issue-event';
import { issueEventDeps } from './composition/invocation-deps';
import { forgePlatform, type Platform } from './composition/platform';
import { isTransient } from '../app/projection/projection-ports';
import { logLine } from './log-line';
import { ownText, statusChangeItem } from './changelog';

/**
 * `trigger` for avi:jira:created|updated|deleted:issue: keeps the register projection in step with Jira and
 * re-checks status changes the workflow validators should have guarded. The manifest filters out the app's own
 * events (`ignoreSelf`); the handler checks `selfGenerated` again, because reacting to its own writes would loop.
 */

const EVENT_TYPES = {
  'avi:jira:created:issue': 'created',
  'avi:jira:updated:issue': 'updated',
  'avi:jira:deleted:issue': 'deleted',
} as const;

const changelogSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  items: z.array(z.record(z.string(), z.unknown())).default([]),
});

const issueEventSchema = z.looseObject({
  eventType: z.enum(Object.keys(EVENT_TYPES) as [keyof typeof EVENT_TYPES, ...(keyof typeof EVENT_TYPES)[]]),
  selfGenerated: z.boolean().optional(),
  atlassianId: z.string().min(1).optional(),
  timestamp: z.number().int().positive().optional(),
  issue: z.looseObject({
    key: z.string().regex(/^[A-Z][A-Z0-9_]+-[1-9]\d*$/),
    fields: z.looseObject({ issuetype: z.looseObject({ name: z.string() }).nullish() }).optional(),
  }),
  changelog: changelogSchema.optional(),
});
type ParsedIssueEvent = z.infer<typeof issueEventSchema>;

const statusChangeOf = (changelog: ParsedIssueEvent['changelog']): StatusChange | undefined => {
  const item = statusChangeItem(changelog?.items);
  const toName = item === undefined ? undefined : ownText(item, 'toString');
  if (changelog === undefined || item === undefined || toName === undefined) return undefined;
  return { changelogId: changelog.id, fromName: ownText(item, 'fromString'), toName };
};

export const issueEventOf = (event: ParsedIssueEvent, receivedAt: Date): IssueEvent => {
  const common = {
    issueKey: event.issue.key,
    issueTypeName: event.issue.fields?.issuetype?.name,
    actor: event.atlassianId,
    at: new Date(event.timestamp ?? receivedAt.getTime()).toISOString(),
  };
  const type = EVENT_TYPES[event.eventType];
  if (type === 'deleted') return { type, ...common };
  const statusChange = type === 'updated' ? statusChangeOf(event.changelog) : undefined;
  return { type, ...common, ...(statusChange === undefined ? {} : { statusChange }) };
};

export type IssueEventAnswer =
  | { readonly status: 'ignored'; readonly reason: string }
  | { readonly status: 'processed'; readonly outcome: IssueEventOutcome };

const retryAfterOf = (outcome: IssueEventOutcome): RetryTiming | undefined => {
  const { projection, bypass } = outcome;
  if (projection.kind === 'failed' && projection.retryable) {
    return { afterMs: projection.retryAfterMs ?? 60_000, rateLimited: projection.retryAfterMs !== undefined };
  }
  if (bypass?.kind === 'failed' && isTransient(bypass.failure)) return retryTimingOf(bypass.failure);
  const { voiding } = outcome;
  if (voiding?.kind === 'failed' && isTransient(voiding.failure)) return retryTimingOf(voiding.failure);
  return undefined;
};

export const issueEventsHandler =
  (platform: Platform) =>
  async (payload: unknown): Promise<IssueEventAnswer | RetryRequest> => {
    const parsed = issueEventSchema.safeParse(payload);
    if (!parsed.success) {
      logLine('warn', 'issue-events', 'ignored an event the register cannot read', { problems: parsed.error.issues.length });
      return { status: 'ignored', reason: 'unreadable event' };
    }
    if (parsed.data.selfGenerated === true) return { status: 'ignored', reason: 'caused by the app itself' };
    const now = platform.now();
    const outcome = await handleIssueEvent(await issueEventDeps(platform), issueEventOf(parsed.data, now), now.toISOString());
    const retry = retryAfterOf(outcome);
    if (retry !== undefined) {
      logLine('warn', 'issue-events', 'Jira was unavailable; asking the platform to retry', { issueKey: parsed.data.issue.key });
      return retryInvocationLater(retry.afterMs, retry.rateLimited);
    }
    if (outcome.projection.kind === 'failed') {
      logLine('warn', 'issue-events', 'projection failed', { issueKey: parsed.data.issue.key, reason: outcome.projection.reason });
    }
    // Not a reason to retry: the register entry is stored, and the issue's next event or the weekly reconcile
    // writes the fields, since both compare them with what Jira holds.
    if (outcome.projection.kind === 'projected' && outcome.projection.fields?.kind === 'failed') {
      logLine('warn', 'issue-events', 'the computed fields were not written', {
        issueKey: parsed.data.issue.key,
        code: outcome.projection.fields.failure.code,
      });
    }
    return { status: 'processed', outcome };
  };

/** The Forge function of the `issue-events` trigger. */
export const onIssueEvent = issueEventsHandler(forgePlatform);
