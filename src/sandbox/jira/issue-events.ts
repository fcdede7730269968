import type { ForgeEvent } from './event-dispatcher';
import type { ChangeItem, ChangelogEntry, JiraIssue } from './jira-model';
import { projectOf } from './jira-state';
import { dateTime, issueTypeView, projectRefView, statusView, type ViewContext } from './jira-views';
import type { Actor } from './permissions';
import type { StandInServices } from './route-context';

/**
 * Forge's Jira issue events (`avi:jira:*:issue`) in the documented payload shape: the issue with a small set
 * of fields (users reduced to `accountId`), who caused it (`atlassianId`), and for updates the changelog.
 * `selfGenerated` marks events the app caused through `asApp()`, which `ignoreSelf` triggers never see.
 */

const accountRef = (accountId: string | null | undefined): { accountId: string } | null =>
  accountId === null || accountId === undefined ? null : { accountId };

const eventIssue = (ctx: ViewContext, issue: JiraIssue): Record<string, unknown> => {
  const type = ctx.state.issueTypes.get(issue.issueTypeId);
  const status = ctx.state.statuses.get(issue.statusId);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.values.get('summary'),
      issuetype: type === undefined ? null : issueTypeView(ctx, type),
      creator: accountRef(issue.creatorAccountId),
      created: dateTime(ctx, issue.created),
      project: projectRefView(ctx, projectOf(ctx.state, issue)),
      reporter: accountRef(issue.values.get('reporter') as string | undefined),
      assignee: accountRef(issue.values.get('assignee') as string | null | undefined),
      updated: dateTime(ctx, issue.updated),
      status: status === undefined ? null : statusView(ctx, status),
    },
  };
};

const siteView = (services: StandInServices): ViewContext => ({
  state: services.state,
  baseUrl: services.baseUrl,
  timeZone: services.siteTimeZone,
});

const common = (services: StandInServices, issue: JiraIssue, actor: Actor, eventType: string): ForgeEvent => ({
  eventType,
  selfGenerated: actor.kind === 'app',
  issue: eventIssue(siteView(services), issue),
  atlassianId: actor.accountId,
  associatedUsers: [{ accountId: actor.accountId }],
  timestamp: services.clock.now().getTime(),
});

export const emitIssueCreated = (services: StandInServices, issue: JiraIssue, actor: Actor): void =>
  services.events.emit(common(services, issue, actor, 'avi:jira:created:issue'));

export const emitIssueDeleted = (services: StandInServices, issue: JiraIssue, actor: Actor): void =>
  services.events.emit(common(services, issue, actor, 'avi:jira:deleted:issue'));

/** `issue_generic` is the event a workflow transition fires; field edits fire `issue_updated`. */
export const emitIssueUpdated = (
  services: StandInServices,
  issue: JiraIssue,
  actor: Actor,
  entry: ChangelogEntry,
  cause: 'transition' | 'edit',
): void => {
  const ctx = siteView(services);
  const statusItem = entry.items.find((item: ChangeItem) => item.fieldId === 'status');
  const associatedStatuses = [statusItem?.from, statusItem?.to].flatMap((id) => {
    const status = id === null || id === undefined ? undefined : services.state.statuses.get(id);
    return status === undefined ? [] : [statusView(ctx, status)];
  });
  services.events.emit({
    ...common(services, issue, actor, 'avi:jira:updated:issue'),
    changelog: { id: entry.id, items: entry.items.map((item) => ({ ...item })) },
    jiraEventTypeName: cause === 'transition' ? 'issue_generic' : 'issue_updated',
    ...(associatedStatuses.length > 0 ? { associatedStatuses } : {}),
  });
};

/** Appends a changelog entry for `items` written by `actor` now; returns it for the event. */
export const recordChange = (
  services: StandInServices,
  issue: JiraIssue,
  actor: Actor,
  items: readonly ChangeItem[],
): ChangelogEntry => {
  const entry: ChangelogEntry = {
    id: String(services.state.nextId('changelog')),
    authorAccountId: actor.accountId,
    created: services.clock.now(),
    items,
  };
  issue.changelog.push(entry);
  return entry;
};
