import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { policyDay } from '../../domain/approval/policy-day';
import { isInApproval, type ControlReference, type Status, type Tier } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import { addCalendarDays, daysBetween, type IsoDate } from '../../domain/shared/dates';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type {
  RegisterCursorCode,
  RegisterFilter,
  RegisterRepository,
  RegisterSortField,
  StoredRegisterEntry,
} from '../ports/register-repository';

/** What a person looks for in one project's register; every criterion is applied by the database. */
export type RegisterSearch = {
  readonly statuses?: readonly Status[];
  readonly tiers?: readonly Tier[];
  readonly assetId?: string;
  readonly owner?: string;
  readonly requester?: string;
  readonly approver?: string;
  readonly businessUnit?: string;
  readonly controlReference?: ControlReference;
  /** Last day in force on or before today + n (today in the policy's time zone). */
  readonly expiringWithinDays?: number;
  readonly reviewOverdue?: boolean;
  /** Next quarterly review due before this day (the review queue's "due by the end of the quarter"). */
  readonly reviewDueBefore?: IsoDate;
  readonly lacksControls?: boolean;
  readonly text?: string;
};

export type RegisterOrder = { readonly by: RegisterSortField; readonly direction: 'asc' | 'desc' };

export const REGISTER_FLAGS = ['expiring-soon', 'review-overdue', 'lacks-controls', 'approval-stalled', 'renewal'] as const;
export type RegisterFlag = (typeof REGISTER_FLAGS)[number];

export type RegisterRow = {
  readonly entry: StoredRegisterEntry;
  /** Whole days from today to the last day in force; negative once past; null without one. */
  readonly daysLeft: number | null;
  readonly flags: readonly RegisterFlag[];
};

export type RegisterListing = {
  readonly rows: readonly RegisterRow[];
  readonly total: number;
  readonly next?: string;
  /** Today in the policy's time zone: the day `daysLeft` and the flags are computed for. */
  readonly asOf: IsoDate;
};

export type RegisterListingDeps = {
  readonly register: RegisterRepository;
  readonly policy: Policy;
  readonly now: () => string;
};

export type RegisterListingRequest = {
  readonly projectKey: string;
  readonly search: RegisterSearch;
  readonly order: RegisterOrder;
  readonly limit: number;
  readonly cursor?: string;
};

/** At most this many words of a text search are matched; more would only make a slower query find the same rows. */
const MAX_WORDS = 8;
const FINGERPRINT_CHARS = 16;

const wordsOf = (text: string): string[] => [...new Set(text.trim().split(/\s+/).filter((word) => word !== ''))].slice(0, MAX_WORDS);

export const repositoryFilterOf = (projectKey: string, search: RegisterSearch, today: IsoDate): RegisterFilter => ({
  projectKey,
  ...(search.statuses === undefined ? {} : { statuses: search.statuses }),
  ...(search.tiers === undefined ? {} : { tiers: search.tiers }),
  ...(search.assetId === undefined ? {} : { assetId: search.assetId }),
  ...(search.owner === undefined ? {} : { assetOwner: search.owner }),
  ...(search.requester === undefined ? {} : { requester: search.requester }),
  ...(search.approver === undefined ? {} : { approver: search.approver }),
  ...(search.businessUnit === undefined ? {} : { businessUnit: search.businessUnit }),
  ...(search.controlReference === undefined ? {} : { controlReference: search.controlReference }),
  ...(search.expiringWithinDays === undefined ? {} : { expiresOnOrBefore: addCalendarDays(today, search.expiringWithinDays) }),
  ...(search.reviewOverdue === undefined ? {} : { reviewOverdue: { asOf: today, overdue: search.reviewOverdue } }),
  ...(search.reviewDueBefore === undefined ? {} : { reviewOverdue: { asOf: search.reviewDueBefore, overdue: true } }),
  ...(search.lacksControls === undefined ? {} : { lacksControls: search.lacksControls }),
  ...(search.text === undefined ? {} : { words: wordsOf(search.text) }),
});

/**
 * A cursor is bound to the search and order it was minted for: the repository's keyset position is prefixed with
 * a fingerprint of both, so a cursor replayed with another filter is refused instead of silently skipping rows.
 */
const fingerprintOf = (request: Pick<RegisterListingRequest, 'projectKey' | 'search' | 'order'>): string =>
  createHash('sha256')
    .update(canonicalize({ projectKey: request.projectKey, search: request.search, order: request.order }) ?? '')
    .digest('hex')
    .slice(0, FINGERPRINT_CHARS);

const invalidCursor = () =>
  refuse<RegisterCursorCode>(
    'REGISTER.INVALID_CURSOR',
    'This page link was made for another filter or sort order: go back to the first page.',
  );

/** Why a row deserves attention, from what the register holds about it. */
export const flagsOf = (entry: StoredRegisterEntry, policy: Policy, today: IsoDate): RegisterFlag[] => {
  const active = entry.status === 'active';
  const reminderWindow = policy.tiers[entry.tier].reminderDays[0] ?? 0;
  const waitingDays = daysBetween(policyDay(entry.statusChangedAt, policy), today);
  const flags: Record<RegisterFlag, boolean> = {
    'expiring-soon': active && entry.expiresOn !== undefined && daysBetween(today, entry.expiresOn) <= reminderWindow,
    'review-overdue': active && entry.nextReviewDue !== undefined && daysBetween(entry.nextReviewDue, today) > 0,
    'lacks-controls': entry.lacksControls,
    'approval-stalled': isInApproval(entry.status) && waitingDays >= policy.approvalTimeouts.remindAfterDays,
    renewal: entry.renewalOf !== undefined,
  };
  return REGISTER_FLAGS.filter((flag) => flags[flag]);
};

export const rowOf = (entry: StoredRegisterEntry, policy: Policy, today: IsoDate): RegisterRow => ({
  entry,
  daysLeft: entry.expiresOn === undefined ? null : daysBetween(today, entry.expiresOn),
  flags: flagsOf(entry, policy, today),
});

/** One page of a project's register and how many exceptions match in all. */
export const listRegister = async (
  deps: RegisterListingDeps,
  request: RegisterListingRequest,
): Promise<Result<RegisterListing, RegisterCursorCode>> => {
  const fingerprint = fingerprintOf(request);
  const { cursor } = request;
  if (cursor !== undefined && (!cursor.startsWith(fingerprint) || cursor.length === FINGERPRINT_CHARS)) return invalidCursor();
  const today = policyDay(deps.now(), deps.policy);
  const filter = repositoryFilterOf(request.projectKey, request.search, today);
  const page = await deps.register.page({
    filter,
    sort: request.order,
    limit: request.limit,
    ...(cursor === undefined ? {} : { after: cursor.slice(FINGERPRINT_CHARS) }),
  });
  if (!page.ok) return invalidCursor();
  return ok({
    rows: page.value.items.map((entry) => rowOf(entry, deps.policy, today)),
    total: await deps.register.count(filter),
    ...(page.value.next === undefined ? {} : { next: `${fingerprint}${page.value.next}` }),
    asOf: today,
  });
};
