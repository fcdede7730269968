import { z } from 'zod';
import { ok } from '../../domain/shared/result';
import type { AdfDocument } from './adf';
import { noContent, type JiraClient } from './jira-client';
import type { JiraResult } from './jira-errors';
import type { JsonValue } from './property-operations';

export type IssueCreation = {
  readonly projectKey: string;
  readonly issueTypeName: string;
  readonly summary: string;
  readonly description?: AdfDocument | JsonValue;
  /** Other field values by field id, as Jira's create screen takes them. */
  readonly fields?: Readonly<Record<string, JsonValue>>;
  /** Entity properties set in the same request, so the issue never exists without them. */
  readonly properties?: Readonly<Record<string, JsonValue>>;
};

export type CreatedIssue = { readonly id: string; readonly key: string };

export type IssueLinkTypeDetails = {
  readonly id: string;
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
};

export type IssueLinkRequest = {
  readonly typeName: string;
  /** Jira shows the type's outward description on this issue ("SEC-9 renews SEC-1"). */
  readonly inwardIssueKey: string;
  readonly outwardIssueKey: string;
};

const linkTypeSchema = z.looseObject({ id: z.string(), name: z.string(), inward: z.string(), outward: z.string() });

/** Creating issues and linking them: how a renewal comes into being next to the exception it renews. */
export const issueLinkOperations = (client: JiraClient) => ({
  /** Not safe to repeat after a 5xx (Jira may have created the issue), so the client retries only 429 and 503. */
  async createIssue(creation: IssueCreation): Promise<JiraResult<CreatedIssue>> {
    const result = await client.send({
      operation: 'createIssue',
      method: 'POST',
      path: '/rest/api/3/issue',
      body: {
        fields: {
          project: { key: creation.projectKey },
          issuetype: { name: creation.issueTypeName },
          summary: creation.summary,
          ...(creation.description === undefined ? {} : { description: creation.description }),
          ...creation.fields,
        },
        ...(creation.properties === undefined
          ? {}
          : { properties: Object.entries(creation.properties).map(([key, value]) => ({ key, value })) }),
      },
      response: z.looseObject({ id: z.string(), key: z.string() }),
    });
    return result.ok ? ok({ id: result.value.id, key: result.value.key }) : result;
  },

  async listIssueLinkTypes(): Promise<JiraResult<IssueLinkTypeDetails[]>> {
    const result = await client.send({
      operation: 'listIssueLinkTypes',
      method: 'GET',
      path: '/rest/api/3/issueLinkType',
      response: z.looseObject({ issueLinkTypes: z.array(linkTypeSchema).default([]) }),
    });
    return result.ok ? ok(result.value.issueLinkTypes.map(({ id, name, inward, outward }) => ({ id, name, inward, outward }))) : result;
  },

  /** Needs Administer Jira. */
  async createIssueLinkType(type: Omit<IssueLinkTypeDetails, 'id'>): Promise<JiraResult<IssueLinkTypeDetails>> {
    const result = await client.send({
      operation: 'createIssueLinkType',
      method: 'POST',
      path: '/rest/api/3/issueLinkType',
      body: { name: type.name, inward: type.inward, outward: type.outward },
      response: linkTypeSchema,
    });
    return result.ok ? ok({ id: result.value.id, name: result.value.name, inward: result.value.inward, outward: result.value.outward }) : result;
  },

  /** A missing link type is JIRA.NOT_FOUND. */
  createIssueLink(link: IssueLinkRequest): Promise<JiraResult<undefined>> {
    return client.send({
      operation: 'createIssueLink',
      method: 'POST',
      path: '/rest/api/3/issueLink',
      body: { type: { name: link.typeName }, inwardIssue: { key: link.inwardIssueKey }, outwardIssue: { key: link.outwardIssueKey } },
      response: noContent,
    });
  },
});
