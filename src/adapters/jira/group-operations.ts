import { z } from 'zod';
import { ok } from '../../domain/shared/result';
import type { JiraGroup } from './access-operations';
import type { JiraClient } from './jira-client';
import type { JiraResult } from './jira-errors';
import { pageSchema } from './jira-page';
import { withQuery } from './jira-path';

/** Jira's bulk group lookup takes at most this many names per request. */
export const GROUP_LOOKUP_LIMIT = 50;

/**
 * The policy names groups; Jira addresses them by id in notifications. Looked up by name in one request, so a
 * job that notifies a few groups spends one call on it per invocation, not one per notice.
 */
export const groupOperations = (client: JiraClient) => ({
  /** Groups that exist among `names`; a name Jira does not know is simply absent from the answer. */
  async findGroupsByName(names: readonly string[]): Promise<JiraResult<JiraGroup[]>> {
    const wanted = [...new Set(names)].slice(0, GROUP_LOOKUP_LIMIT);
    const result = await client.send({
      operation: 'findGroupsByName',
      method: 'GET',
      path: withQuery('/rest/api/3/group/bulk', { groupName: wanted, maxResults: GROUP_LOOKUP_LIMIT }),
      response: pageSchema(z.looseObject({ name: z.string(), groupId: z.string().nullish() })),
    });
    return result.ok ? ok(result.value.values.map((group) => ({ groupId: group.groupId ?? null, name: group.name }))) : result;
  },
});
