import { z } from 'zod';

/** One page of an offset-paged Jira list (`startAt` / `maxResults`). */
export type Page<T> = { readonly values: readonly T[]; readonly isLast: boolean; readonly startAt: number };

export type PageRequest = { readonly startAt?: number; readonly pageSize?: number };

export const DEFAULT_PAGE_SIZE = 50;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    values: z.array(item).default([]),
    isLast: z.boolean().optional(),
    startAt: z.number().int().default(0),
    total: z.number().int().optional(),
  });

type RawPage<T> = { readonly values: readonly T[]; readonly isLast?: boolean; readonly startAt: number; readonly total?: number };

/** Jira omits `isLast` on some lists; then the page is the last when it reaches `total` or comes back short. */
export const isLastPage = (page: RawPage<unknown>, pageSize: number): boolean =>
  page.isLast ?? (page.total === undefined ? page.values.length < pageSize : page.startAt + page.values.length >= page.total);

export const toPage = <T, U>(page: RawPage<T>, pageSize: number, map: (value: T) => U): Page<U> => ({
  values: page.values.map(map),
  isLast: isLastPage(page, pageSize),
  startAt: page.startAt,
});
