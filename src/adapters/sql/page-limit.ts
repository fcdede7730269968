import { MAX_PAGE_SIZE } from '../../app/ports/page';

/** Page sizes are clamped to 1..MAX_PAGE_SIZE; callers follow `next`, so a smaller page loses nothing. */
export const clampPageSize = (limit: number): number => Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE_SIZE);
