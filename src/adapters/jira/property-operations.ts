import { z } from 'zod';
import { ok } from '../../domain/shared/result';
import { noContent, type JiraClient } from './jira-client';
import type { JiraResult } from './jira-errors';
import { jiraPath, withQuery } from './jira-path';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export type AppFieldUpdate = { readonly issueIds: readonly number[]; readonly value: JsonValue };
export type MultiFieldUpdate = AppFieldUpdate & { readonly customField: string };

const entityPropertySchema = z.looseObject({ key: z.string(), value: z.unknown() });

/**
 * Entity properties (the audit checkpoints and app state kept on issues and projects) and the values of the
 * app's read-only Forge custom fields, which only the app may write.
 */
export const propertyOperations = (client: JiraClient) => ({
  /** A property that was never set is JIRA.NOT_FOUND. */
  async getIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<JiraResult<unknown>> {
    const result = await client.send({
      operation: 'getIssueProperty',
      method: 'GET',
      path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
      response: entityPropertySchema,
    });
    return result.ok ? ok(result.value.value) : result;
  },

  /** Jira caps a property value at 32,768 characters of JSON. */
  setIssueProperty(issueIdOrKey: string, propertyKey: string, value: JsonValue): Promise<JiraResult<undefined>> {
    return client.send({
      operation: 'setIssueProperty',
      method: 'PUT',
      path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
      body: value,
      response: noContent,
    });
  },

  async getProjectProperty(projectIdOrKey: string, propertyKey: string): Promise<JiraResult<unknown>> {
    const result = await client.send({
      operation: 'getProjectProperty',
      method: 'GET',
      path: jiraPath`/rest/api/3/project/${projectIdOrKey}/properties/${propertyKey}`,
      response: entityPropertySchema,
    });
    return result.ok ? ok(result.value.value) : result;
  },

  setProjectProperty(projectIdOrKey: string, propertyKey: string, value: JsonValue): Promise<JiraResult<undefined>> {
    return client.send({
      operation: 'setProjectProperty',
      method: 'PUT',
      path: jiraPath`/rest/api/3/project/${projectIdOrKey}/properties/${propertyKey}`,
      body: value,
      response: noContent,
    });
  },

  /** Sets one app field on the listed issues; `generateChangelog: false` keeps computed values out of the history. */
  setAppFieldValue(
    fieldIdOrKey: string,
    updates: readonly AppFieldUpdate[],
    options: { readonly generateChangelog?: boolean } = {},
  ): Promise<JiraResult<undefined>> {
    return client.send({
      operation: 'setAppFieldValue',
      method: 'PUT',
      path: withQuery(jiraPath`/rest/api/3/app/field/${fieldIdOrKey}/value`, { generateChangelog: options.generateChangelog }),
      body: { updates },
      response: noContent,
    });
  },

  /** Sets several app fields in one request; writing the same values again changes nothing, so it may be retried. */
  setAppFieldValues(updates: readonly MultiFieldUpdate[], options: { readonly generateChangelog?: boolean } = {}): Promise<JiraResult<undefined>> {
    return client.send({
      operation: 'setAppFieldValues',
      method: 'POST',
      path: withQuery('/rest/api/3/app/field/value', { generateChangelog: options.generateChangelog }),
      body: { updates },
      idempotent: true,
      response: noContent,
    });
  },
});
