import { applyFieldEdits, type PlannedEdits } from './field-edits';
import { emitIssueUpdated, recordChange } from './issue-events';
import type { ChangeItem, ChangelogEntry, JiraComment, JiraIssue } from './jira-model';
import type { Actor } from './permissions';
import type { StandInServices } from './route-context';

/**
 * Committing a change to an issue the way Jira does: values written, `updated` moved, one changelog entry for
 * everything that changed in the request, and one `avi:jira:updated:issue` event for that entry.
 */

export type IssueProperty = { readonly key: string; readonly value: unknown };

export const addComment = (
  services: StandInServices,
  issue: JiraIssue,
  actor: Actor,
  body: unknown,
  visibility?: unknown,
): JiraComment => {
  const comment: JiraComment = {
    id: String(services.state.nextId('comment')),
    authorAccountId: actor.accountId,
    body,
    created: services.clock.now(),
    ...(visibility === undefined ? {} : { visibility }),
  };
  issue.comments.push(comment);
  issue.updated = comment.created;
  return comment;
};

/** What a commit wrote: the changelog entry (absent when nothing changed) and the comments added. */
export type CommittedChange = { readonly entry: ChangelogEntry | undefined; readonly comments: readonly JiraComment[] };

export function commitIssueChanges(input: {
  readonly services: StandInServices;
  readonly issue: JiraIssue;
  readonly actor: Actor;
  readonly planned: PlannedEdits;
  readonly leadingItems?: readonly ChangeItem[];
  readonly properties?: readonly IssueProperty[];
  readonly cause: 'transition' | 'edit';
}): CommittedChange {
  const { services, issue, actor, planned } = input;
  const items = [...(input.leadingItems ?? []), ...applyFieldEdits(services.state, issue, planned.values)];
  for (const property of input.properties ?? []) issue.properties.set(property.key, property.value);
  const comments = planned.comments.map((body) => addComment(services, issue, actor, body));
  if (items.length === 0) return { entry: undefined, comments };
  issue.updated = services.clock.now();
  const entry = recordChange(services, issue, actor, items);
  emitIssueUpdated(services, issue, actor, entry, input.cause);
  return { entry, comments };
}
