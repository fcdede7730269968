import type { GatewayResult, Page, PageRequest } from './provisioning-gateway';

/**
 * Finds the configuration item set-up would create, so a second run reuses it instead of creating a copy.
 * Jira refuses two items of a kind whose names differ only in case, so names are compared that way too.
 */

const PAGE_SIZE = 50;
/** Name-filtered lists are short; a list still going after this many pages is not one Jira would send. */
const MAX_PAGES = 100;

export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export async function findByName<T extends { readonly name: string }>(
  name: string,
  listPage: (page: PageRequest) => Promise<GatewayResult<Page<T>>>,
): Promise<GatewayResult<T | undefined>> {
  let startAt = 0;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await listPage({ startAt, pageSize: PAGE_SIZE });
    if (!page.ok) return page;
    const found = page.value.values.find((item) => sameName(item.name, name));
    if (found !== undefined || page.value.isLast || page.value.values.length === 0) return { ok: true, value: found };
    startAt = page.value.startAt + page.value.values.length;
  }
  return {
    ok: false,
    error: {
      code: 'SETUP.LIST_TOO_LONG',
      message: `Jira kept returning pages while set-up looked for "${name}" (${MAX_PAGES} pages of ${PAGE_SIZE}); report this to the app maintainers.`,
      operation: 'findByName',
      errorMessages: [],
    },
  };
}
