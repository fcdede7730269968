import { z } from 'zod';
import { ok } from '../../domain/shared/result';
import { chunk } from './chunk';
import { requestLine, type JiraClient } from './jira-client';
import { invalidResponse, type JiraResult } from './jira-errors';
import { isLastPage, pageSchema } from './jira-page';
import { withQuery } from './jira-path';

/** A person as Jira shows them to the app: the name obeys the person's profile visibility, so it may be an alias. */
export type JiraUser = { readonly accountId: string; readonly displayName: string | undefined; readonly active: boolean };

/**
 * Account ids per request. Jira documents no ceiling, but every id repeats `accountId=` in the URL and an id may
 * be 128 characters long: fifty keeps the request line under 8 KB, which proxies on the way reliably accept.
 */
export const USER_LOOKUP_BATCH = 50;

const userSchema = z.looseObject({ accountId: z.string(), displayName: z.string().optional(), active: z.boolean().default(true) });

export const userOperations = (client: JiraClient) => ({
  /**
   * The users among `accountIds`, de-duplicated and asked for in batches. An id Jira does not know is absent from
   * the answer; an account that was deleted or deactivated comes back with `active: false`.
   */
  async findUsersByAccountId(accountIds: readonly string[]): Promise<JiraResult<JiraUser[]>> {
    const wanted = [...new Set(accountIds)];
    const found: JiraUser[] = [];
    for (const batch of chunk(wanted, USER_LOOKUP_BATCH)) {
      const users = await usersOfBatch(client, batch);
      if (!users.ok) return users;
      found.push(...users.value);
    }
    return ok(found);
  },
});

/** One batch, following Jira's pages in case it hands back fewer users per page than were asked for. */
const usersOfBatch = async (client: JiraClient, batch: readonly string[]): Promise<JiraResult<JiraUser[]>> => {
  const found: JiraUser[] = [];
  for (let startAt = 0; ; ) {
    const call = {
      operation: 'findUsersByAccountId',
      method: 'GET' as const,
      path: withQuery('/rest/api/3/user/bulk', { accountId: batch, startAt, maxResults: batch.length }),
      response: pageSchema(userSchema),
    };
    const page = await client.send(call);
    if (!page.ok) return page;
    found.push(...page.value.values.map(({ accountId, displayName, active }) => ({ accountId, displayName, active })));
    if (isLastPage(page.value, batch.length) || startAt + page.value.values.length >= batch.length) return ok(found);
    if (page.value.values.length === 0) return invalidResponse(requestLine(call), 200, 1, 'Jira returned an empty page that is not the last');
    startAt += page.value.values.length;
  }
};
