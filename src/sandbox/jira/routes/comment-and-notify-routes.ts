import { z } from 'zod';
import { addComment } from '../issue-changes';
import { commentView } from '../issue-view';
import { badRequest, created, noContent, notFound, ok } from '../jira-http';
import type { JiraIssue } from '../jira-model';
import { findGroupByName, projectOf } from '../jira-state';
import type { RouteContext, RouteTable } from '../route-context';
import { andThen, can, parseBody, viewableIssue } from './route-helpers';

const adfDocument = z.object({ type: z.literal('doc'), version: z.literal(1), content: z.array(z.unknown()) }).loose();

const commentSchema = z.object({
  body: z.unknown().refine((body) => adfDocument.safeParse(body).success, 'Comment body must be an Atlassian Document (see the Atlassian Document Format)'),
  visibility: z.unknown().optional(),
  properties: z.array(z.unknown()).optional(),
});

const recipientsSchema = z.object({
  reporter: z.boolean().optional(),
  assignee: z.boolean().optional(),
  watchers: z.boolean().optional(),
  voters: z.boolean().optional(),
  users: z.array(z.object({ accountId: z.string() }).loose()).optional(),
  groups: z.array(z.object({ name: z.string().optional(), groupId: z.string().nullable().optional() }).loose()).optional(),
  groupIds: z.array(z.string()).optional(),
});

const notifySchema = z.object({
  subject: z.string().optional(),
  textBody: z.string().optional(),
  htmlBody: z.string().optional(),
  to: recipientsSchema.loose().optional(),
  restrict: z.unknown().optional(),
});

type Recipients = z.infer<typeof recipientsSchema>;

/**
 * Expands the `to` of a notification into account ids; unknown users or groups are the caller's mistake.
 * The stand-in keeps no watcher lists: an issue's watchers are its reporter and creator, whom Jira makes
 * watchers by default. Votes are not modelled, so `voters` adds nobody.
 */
const recipientsOf = (ctx: RouteContext, issue: JiraIssue, to: Recipients): { accountIds: string[] } | { problem: string } => {
  const { state } = ctx.services;
  const ids = new Set<string>();
  const reporter = issue.values.get('reporter');
  const assignee = issue.values.get('assignee');
  if (to.reporter === true && typeof reporter === 'string') ids.add(reporter);
  if (to.watchers === true) {
    if (typeof reporter === 'string') ids.add(reporter);
    ids.add(issue.creatorAccountId);
  }
  if (to.assignee === true) {
    if (typeof assignee !== 'string') return { problem: 'The issue is unassigned, so the assignee cannot be notified.' };
    ids.add(assignee);
  }
  for (const user of to.users ?? []) {
    if (!state.users.has(user.accountId)) return { problem: `The user with account ID '${user.accountId}' does not exist.` };
    ids.add(user.accountId);
  }
  const groups = [
    ...(to.groups ?? []).map((group) => (group.groupId ? state.groups.get(group.groupId) : findGroupByName(state, group.name ?? ''))),
    ...(to.groupIds ?? []).map((groupId) => state.groups.get(groupId)),
  ];
  for (const group of groups) {
    if (group === undefined) return { problem: 'A group named in the notification does not exist.' };
    for (const member of group.members) ids.add(member);
  }
  return { accountIds: [...ids] };
};

export const commentAndNotifyRoutes: RouteTable = {
  'POST /rest/api/3/issue/{issueIdOrKey}/comment': {
    handle: (ctx) =>
      andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) =>
        andThen(parseBody(commentSchema, ctx.body), (body) => {
          if (!can(ctx, projectOf(ctx.services.state, issue), 'ADD_COMMENTS')) return badRequest('You do not have the permission to comment on this issue.');
          const comment = addComment(ctx.services, issue, ctx.actor, body.body, body.visibility);
          return created(commentView(ctx.view, issue, comment));
        }),
      ),
  },

  'GET /rest/api/3/issue/{issueIdOrKey}/comment/{id}': {
    query: [],
    handle: (ctx) =>
      andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) => {
        const comment = issue.comments.find((candidate) => candidate.id === ctx.params.id);
        return comment === undefined ? notFound(`Can not find a comment for key: ${ctx.params.id ?? ''}.`) : ok(commentView(ctx.view, issue, comment));
      }),
  },

  'POST /rest/api/3/issue/{issueIdOrKey}/notify': {
    handle: (ctx) =>
      andThen(viewableIssue(ctx, ctx.params.issueIdOrKey ?? ''), (issue) =>
        andThen(parseBody(notifySchema, ctx.body), (body) => {
          const recipients = recipientsOf(ctx, issue, body.to ?? { watchers: true });
          if ('problem' in recipients) return badRequest(recipients.problem);
          if (recipients.accountIds.length === 1 && recipients.accountIds[0] === ctx.actor.accountId) {
            return badRequest('The recipient is the same as the calling user.');
          }
          ctx.services.state.notifications.push({
            issueKey: issue.key,
            senderAccountId: ctx.actor.accountId,
            subject: body.subject ?? `${issue.key}: ${String(issue.values.get('summary'))}`,
            ...(body.textBody === undefined ? {} : { textBody: body.textBody }),
            ...(body.htmlBody === undefined ? {} : { htmlBody: body.htmlBody }),
            recipientAccountIds: recipients.accountIds,
            sentAt: ctx.services.clock.now(),
          });
          return noContent();
        }),
      ),
  },
};
