import { z } from 'zod';
import { ok } from '../../domain/shared/result';
import type { AdfDocument } from './adf';
import { chunk } from './chunk';
import type { SiteFieldIds } from './field-ids';
import { noContent, requestLine, type JiraClient } from './jira-client';
import { invalidResponse, type JiraResult } from './jira-errors';
import { jiraPath, withQuery } from './jira-path';

/** The standard fields every read asks for, besides the app's custom fields. */
export const STANDARD_ISSUE_FIELDS = ['summary', 'status', 'issuetype', 'project', 'reporter', 'created', 'updated', 'description'] as const;

const issueBeanSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    summary: z.string(),
    status: z.looseObject({
      id: z.string(),
      name: z.string(),
      statusCategory: z.looseObject({ key: z.string() }).optional(),
    }),
    issuetype: z.looseObject({ id: z.string(), name: z.string() }),
    project: z.looseObject({ id: z.string(), key: z.string() }),
    reporter: z.looseObject({ accountId: z.string() }).nullish(),
    created: z.string().optional(),
    updated: z.string().optional(),
    description: z.unknown().optional(),
  }),
});
type IssueBean = z.infer<typeof issueBeanSchema>;

export type JiraIssue<N extends string> = {
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  readonly status: { readonly id: string; readonly name: string; readonly categoryKey: string | undefined };
  readonly issueType: { readonly id: string; readonly name: string };
  readonly project: { readonly id: string; readonly key: string };
  readonly reporterAccountId: string | undefined;
  readonly created: string | undefined;
  readonly updated: string | undefined;
  /** ADF, as Jira stores it. */
  readonly description: unknown;
  /** The app's custom field values by logical name, raw: the use case parses them with the domain's schemas. */
  readonly custom: Readonly<Partial<Record<N, unknown>>>;
};

const toIssue = <N extends string>(bean: IssueBean, fieldIds: SiteFieldIds<N>): JiraIssue<N> => {
  const { fields } = bean;
  const custom: Partial<Record<N, unknown>> = {};
  for (const [name, id] of Object.entries(fieldIds) as [N, string | undefined][]) {
    const value: unknown = id === undefined ? undefined : fields[id];
    if (value !== undefined && value !== null) custom[name] = value;
  }
  return {
    id: bean.id,
    key: bean.key,
    summary: fields.summary,
    status: { id: fields.status.id, name: fields.status.name, categoryKey: fields.status.statusCategory?.key },
    issueType: { id: fields.issuetype.id, name: fields.issuetype.name },
    project: { id: fields.project.id, key: fields.project.key },
    reporterAccountId: fields.reporter?.accountId,
    created: fields.created,
    updated: fields.updated,
    description: fields.description,
    custom,
  };
};

const fieldsFor = (fieldIds: SiteFieldIds<string>): string[] => [
  ...STANDARD_ISSUE_FIELDS,
  ...Object.values(fieldIds).filter((id): id is string => id !== undefined),
];

export type IssueMiss = { readonly idOrKey: string; readonly message: string };
export type BulkIssues<N extends string> = { readonly issues: readonly JiraIssue<N>[]; readonly misses: readonly IssueMiss[] };
export type IssuePage<N extends string> = { readonly issues: readonly JiraIssue<N>[] };

export type IssueSearch<N extends string> = {
  /** Must be bounded (Jira refuses `order by key` alone). */
  readonly jql: string;
  readonly fieldIds: SiteFieldIds<N>;
  readonly pageSize?: number;
};

export type IssueTransition = {
  readonly id: string;
  readonly name: string;
  readonly to: { readonly id: string; readonly name: string };
  readonly isAvailable: boolean;
};

export type TransitionRequest = {
  readonly transitionId: string;
  /** Field values to set on the transition screen, by field id. */
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly comment?: AdfDocument;
};

export type IssueNotification = {
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody?: string;
  readonly to: {
    readonly reporter?: boolean;
    readonly assignee?: boolean;
    readonly watchers?: boolean;
    readonly accountIds?: readonly string[];
    readonly groupIds?: readonly string[];
  };
};

/** bulkfetch accepts at most 100 issues per request. */
export const BULK_FETCH_LIMIT = 100;
const DEFAULT_PAGE_SIZE = 100;

const searchPageSchema = z.looseObject({
  issues: z.array(issueBeanSchema).default([]),
  nextPageToken: z.string().optional(),
});

export const issueOperations = (client: JiraClient) => ({
  async getIssue<N extends string>(issueIdOrKey: string, fieldIds: SiteFieldIds<N>): Promise<JiraResult<JiraIssue<N>>> {
    const result = await client.send({
      operation: 'getIssue',
      method: 'GET',
      path: withQuery(jiraPath`/rest/api/3/issue/${issueIdOrKey}`, { fields: fieldsFor(fieldIds).join(',') }),
      response: issueBeanSchema,
    });
    return result.ok ? ok(toIssue(result.value, fieldIds)) : result;
  },

  /** Any number of issues, fetched 100 at a time; issues Jira could not return are listed in `misses`. */
  async bulkFetchIssues<N extends string>(issueIdsOrKeys: readonly string[], fieldIds: SiteFieldIds<N>): Promise<JiraResult<BulkIssues<N>>> {
    const issues: JiraIssue<N>[] = [];
    const misses: IssueMiss[] = [];
    for (const batch of chunk(issueIdsOrKeys, BULK_FETCH_LIMIT)) {
      const result = await client.send({
        operation: 'bulkFetchIssues',
        method: 'POST',
        path: '/rest/api/3/issue/bulkfetch',
        body: { issueIdsOrKeys: batch, fields: fieldsFor(fieldIds) },
        idempotent: true,
        response: z.looseObject({
          issues: z.array(issueBeanSchema).default([]),
          issueErrors: z.array(z.looseObject({ id: z.string(), errorMessage: z.string().default('') })).default([]),
        }),
      });
      if (!result.ok) return result;
      issues.push(...result.value.issues.map((bean) => toIssue(bean, fieldIds)));
      misses.push(...result.value.issueErrors.map((miss) => ({ idOrKey: miss.id, message: miss.errorMessage })));
    }
    return ok({ issues, misses });
  },

  /**
   * Pages of a JQL search, following `nextPageToken` until Jira gives none. A failed page is yielded and ends
   * the iteration; a token Jira already gave would loop for ever, so it ends the iteration as an invalid response.
   */
  async *searchIssues<N extends string>(search: IssueSearch<N>): AsyncGenerator<JiraResult<IssuePage<N>>, void, undefined> {
    const seen = new Set<string>();
    let nextPageToken: string | undefined;
    do {
      const call = {
        operation: 'searchIssues',
        method: 'POST',
        path: '/rest/api/3/search/jql',
        body: {
          jql: search.jql,
          fields: fieldsFor(search.fieldIds),
          maxResults: search.pageSize ?? DEFAULT_PAGE_SIZE,
          ...(nextPageToken === undefined ? {} : { nextPageToken }),
        },
        idempotent: true,
        response: searchPageSchema,
      } as const;
      const page = await client.send(call);
      if (!page.ok) {
        yield page;
        return;
      }
      yield ok({ issues: page.value.issues.map((bean) => toIssue(bean, search.fieldIds)) });
      nextPageToken = page.value.nextPageToken;
      if (nextPageToken !== undefined && seen.has(nextPageToken)) {
        yield invalidResponse(requestLine(call), 200, 1, 'Jira returned a nextPageToken it had already given');
        return;
      }
      if (nextPageToken !== undefined) seen.add(nextPageToken);
    } while (nextPageToken !== undefined);
  },

  /** The transitions the caller could take now (and, for the app, why others are unavailable). */
  async getTransitions(issueIdOrKey: string): Promise<JiraResult<IssueTransition[]>> {
    const result = await client.send({
      operation: 'getTransitions',
      method: 'GET',
      path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/transitions`,
      response: z.looseObject({
        transitions: z
          .array(
            z.looseObject({
              id: z.string(),
              name: z.string(),
              to: z.looseObject({ id: z.string(), name: z.string() }),
              isAvailable: z.boolean().default(true),
            }),
          )
          .default([]),
      }),
    });
    return result.ok
      ? ok(result.value.transitions.map(({ id, name, to, isAvailable }) => ({ id, name, to: { id: to.id, name: to.name }, isAvailable })))
      : result;
  },

  /** Jira runs the workflow's validators; a refusal comes back as JIRA.BAD_REQUEST with the validator's message. */
  async transitionIssue(issueIdOrKey: string, request: TransitionRequest): Promise<JiraResult<undefined>> {
    return client.send({
      operation: 'transitionIssue',
      method: 'POST',
      path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/transitions`,
      body: {
        transition: { id: request.transitionId },
        ...(request.fields === undefined ? {} : { fields: request.fields }),
        ...(request.comment === undefined ? {} : { update: { comment: [{ add: { body: request.comment } }] } }),
      },
      response: noContent,
    });
  },

  async addComment(issueIdOrKey: string, body: AdfDocument): Promise<JiraResult<{ id: string }>> {
    const result = await client.send({
      operation: 'addComment',
      method: 'POST',
      path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/comment`,
      body: { body },
      response: z.looseObject({ id: z.string() }),
    });
    return result.ok ? ok({ id: result.value.id }) : result;
  },

  /** Jira queues the e-mail; it goes only to recipients who may see the issue. */
  async notifyIssue(issueIdOrKey: string, notification: IssueNotification): Promise<JiraResult<undefined>> {
    const { to } = notification;
    return client.send({
      operation: 'notifyIssue',
      method: 'POST',
      path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/notify`,
      body: {
        subject: notification.subject,
        textBody: notification.textBody,
        ...(notification.htmlBody === undefined ? {} : { htmlBody: notification.htmlBody }),
        to: {
          reporter: to.reporter ?? false,
          assignee: to.assignee ?? false,
          watchers: to.watchers ?? false,
          voters: false,
          users: (to.accountIds ?? []).map((accountId) => ({ accountId })),
          groupIds: [...(to.groupIds ?? [])],
        },
      },
      response: noContent,
    });
  },
});
