import { z } from 'zod';
import { badRequest, created, jiraError, notFound, ok, type RouteResult } from '../jira-http';
import type { IssueLinkType, JiraIssue } from '../jira-model';
import { findGroupByName, findIssue, projectOf } from '../jira-state';
import type { RouteContext, RouteTable } from '../route-context';
import { andThen, can, canGlobally, pageOf, parseBody, requireAdmin } from './route-helpers';

/**
 * Issue links and their types, and the bulk group lookup: how a renewal is linked to the exception it renews and
 * how notifications address the policy's groups. The stand-in does not model the *Link Issues* permission:
 * linking needs *Browse Projects* on both issues.
 */

const linkTypeView = (ctx: RouteContext, type: IssueLinkType): Record<string, unknown> => ({
  ...type,
  self: `${ctx.services.baseUrl}/rest/api/3/issueLinkType/${type.id}`,
});

const linkTypeSchema = z.object({
  name: z.string().trim().min(1, 'The issue link type name is required.').max(255),
  inward: z.string().trim().min(1, 'The inward description is required.').max(255),
  outward: z.string().trim().min(1, 'The outward description is required.').max(255),
});

const issueRefSchema = z.object({ id: z.string().optional(), key: z.string().optional() });

const linkSchema = z.object({
  type: z.object({ id: z.string().optional(), name: z.string().optional() }),
  inwardIssue: issueRefSchema,
  outwardIssue: issueRefSchema,
  comment: z.unknown().optional(),
});

const findLinkType = (ctx: RouteContext, ref: z.infer<typeof linkSchema>['type']): IssueLinkType | undefined =>
  [...ctx.services.state.issueLinkTypes.values()].find((type) =>
    ref.id === undefined ? type.name.toLowerCase() === (ref.name ?? '').toLowerCase() : type.id === ref.id,
  );

const linkedIssue = (ctx: RouteContext, ref: z.infer<typeof issueRefSchema>): JiraIssue | undefined => {
  const issue = findIssue(ctx.services.state, ref.id ?? ref.key ?? '');
  return issue !== undefined && can(ctx, projectOf(ctx.services.state, issue), 'BROWSE_PROJECTS') ? issue : undefined;
};

const createLink = (ctx: RouteContext, body: z.infer<typeof linkSchema>): RouteResult => {
  const type = findLinkType(ctx, body.type);
  if (type === undefined) return notFound(`No issue link type with name '${body.type.name ?? body.type.id ?? ''}' found.`);
  const inward = linkedIssue(ctx, body.inwardIssue);
  const outward = linkedIssue(ctx, body.outwardIssue);
  if (inward === undefined || outward === undefined) return notFound('Issue does not exist or you do not have permission to see it.');
  const { state } = ctx.services;
  const exists = state.issueLinks.some(
    (link) => link.typeId === type.id && link.inwardIssueId === inward.id && link.outwardIssueId === outward.id,
  );
  if (!exists) state.issueLinks.push({ id: String(state.nextId('issueLink')), typeId: type.id, inwardIssueId: inward.id, outwardIssueId: outward.id });
  return created();
};

export const issueLinkRoutes: RouteTable = {
  'GET /rest/api/3/issueLinkType': {
    handle: (ctx) => ok({ issueLinkTypes: [...ctx.services.state.issueLinkTypes.values()].map((type) => linkTypeView(ctx, type)) }),
  },

  'POST /rest/api/3/issueLinkType': {
    handle: (ctx) =>
      andThen(requireAdmin(ctx, 401), () =>
        andThen(parseBody(linkTypeSchema, ctx.body), (body) => {
          const { state } = ctx.services;
          if ([...state.issueLinkTypes.values()].some((type) => type.name.toLowerCase() === body.name.toLowerCase())) {
            return badRequest(`An issue link type with the name '${body.name}' already exists.`);
          }
          const type: IssueLinkType = { id: String(state.nextId('issueLinkType')), ...body };
          state.issueLinkTypes.set(type.id, type);
          return created(linkTypeView(ctx, type));
        }),
      ),
  },

  'POST /rest/api/3/issueLink': {
    handle: (ctx) => andThen(parseBody(linkSchema, ctx.body), (body) => createLink(ctx, body)),
  },

  'GET /rest/api/3/group/bulk': {
    query: ['groupName', 'groupId', 'startAt', 'maxResults'],
    handle: (ctx) => {
      if (!canGlobally(ctx, 'USER_PICKER')) return jiraError(403, ['You need the Browse users and groups permission to look up groups.']);
      const { state } = ctx.services;
      const byName = ctx.query.all('groupName').flatMap((name) => {
        const group = findGroupByName(state, name);
        return group === undefined ? [] : [group];
      });
      const byId = ctx.query.all('groupId').flatMap((groupId) => {
        const group = state.groups.get(groupId);
        return group === undefined ? [] : [group];
      });
      const groups = [...new Map([...byName, ...byId].map((group) => [group.groupId, group])).values()].sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      return ok(pageOf(ctx, groups, (group) => ({ groupId: group.groupId, name: group.name }), '/rest/api/3/group/bulk'));
    },
  },
};
