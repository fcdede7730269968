/**
 * One page of a keyset-paginated listing. Forge SQL caps a response at 4 MiB and a SELECT at 5 s, so every
 * listing is paged; `next` is an opaque cursor to pass back for the following page, absent on the last one.
 */
export type Page<T> = {
  readonly items: readonly T[];
  readonly next?: string;
};

/** The largest page any repository returns, whatever the caller asks for. */
export const MAX_PAGE_SIZE = 500;
