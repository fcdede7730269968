import { policyDay } from '../../domain/approval/policy-day';
import type { Policy } from '../../domain/policy/policy-config';
import { addCalendarDays, daysBetween, firstDayOfNextQuarter, quarterOf, type IsoDate } from '../../domain/shared/dates';
import { ok, type Result } from '../../domain/shared/result';
import type { RegisterCursorCode, RegisterRepository, StoredRegisterEntry } from '../ports/register-repository';

export type ReviewQueueItem = {
  readonly entry: StoredRegisterEntry;
  /** The last day the review is on time. */
  readonly dueBy: IsoDate;
  readonly overdue: boolean;
};

export type ReviewQueue = {
  readonly quarter: string;
  readonly items: readonly ReviewQueueItem[];
  /** Every review due this quarter or overdue from before, across pages. */
  readonly total: number;
  readonly next?: string;
};

const lastDayOfQuarter = (day: IsoDate): IsoDate => addCalendarDays(firstDayOfNextQuarter(day), -1);

/**
 * The quarter's review queue: active exceptions whose review is due by the end of the current quarter and not
 * attested (an attestation moves the next review into the next quarter), overdue ones first. Read from the due-review
 * index, a page at a time.
 */
export const listReviewQueue = async (
  deps: { readonly register: RegisterRepository; readonly policy: Policy; readonly now: () => string },
  request: { readonly pageSize: number; readonly cursor?: string },
): Promise<Result<ReviewQueue, RegisterCursorCode>> => {
  const today = policyDay(deps.now(), deps.policy);
  const query = { kind: 'review', onOrBefore: lastDayOfQuarter(today) } as const;
  const page = await deps.register.due(query, request.pageSize, request.cursor);
  if (!page.ok) return page;
  const items = page.value.items.flatMap((entry) =>
    entry.nextReviewDue === undefined ? [] : [{ entry, dueBy: entry.nextReviewDue, overdue: daysBetween(entry.nextReviewDue, today) > 0 }],
  );
  return ok({
    quarter: quarterOf(today),
    items,
    total: await deps.register.countDue(query),
    ...(page.value.next === undefined ? {} : { next: page.value.next }),
  });
};
