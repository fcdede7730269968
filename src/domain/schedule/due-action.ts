import type { Status } from '../exception/security-exception';
import { calendarDayOf, type IsoDate } from '../shared/dates';

/**
 * What the scheduled jobs must do, as values. Every action carries an idempotency `key`: the job writes it
 * to a ledger with a unique constraint before acting, so an action happens once ever even though Forge may
 * fire a scheduled trigger twice and a job may be re-run after a partial failure.
 */

export type ExpireAction = {
  readonly type: 'expire';
  readonly key: string;
  readonly issueKey: string;
  readonly expiresOn: IsoDate;
  /** The renewal still awaiting a decision when the original expires anyway, so the notice can name it. */
  readonly pendingRenewalKey: string | null;
};

export const EXPIRY_RECIPIENTS = ['requester', 'asset-owner', 'approvers'] as const;
export type ExpiryRecipient = (typeof EXPIRY_RECIPIENTS)[number];

export type ExpiryReminderAction = {
  readonly type: 'remind-expiry';
  readonly key: string;
  readonly issueKey: string;
  readonly expiresOn: IsoDate;
  /** The reminder threshold (days before expiry) this reminder stands for. */
  readonly threshold: number;
  readonly daysLeft: number;
  readonly recipient: ExpiryRecipient;
  readonly accountIds: readonly string[];
  /** Reminders tell people how to renew, because an exception that lapses unnoticed breaks the system it covers. */
  readonly renewalHint: true;
};

export type ReviewAction = {
  readonly type: 'review';
  readonly key: string;
  readonly issueKey: string;
  /** Quarter label such as `2027-Q1`. */
  readonly quarter: string;
  /** The last day the attestation is on time. */
  readonly dueBy: IsoDate;
  readonly overdue: boolean;
  readonly reviewGroup: string;
};

export const STALL_STAGES = ['remind', 'escalate', 'timeout'] as const;
export type StallStage = (typeof STALL_STAGES)[number];

type StalledApprovalBase = {
  readonly type: 'stalled-approval';
  readonly key: string;
  readonly issueKey: string;
  /** Identifies the waiting step (status, pending level, start); a new step restarts the clock. */
  readonly stepId: string;
  readonly status: Status;
  readonly levelId: string;
  readonly waitingSince: string;
  readonly waitingDays: number;
};

export type StalledApprovalAction =
  | (StalledApprovalBase & { readonly stage: 'remind' | 'escalate'; readonly notifyGroup: string })
  | (StalledApprovalBase & { readonly stage: 'timeout'; readonly reason: string });

export type DueAction = ExpireAction | ExpiryReminderAction | ReviewAction | StalledApprovalAction;

/** The policy's "today" for an instant such as `2027-03-28T23:30:00Z`. A malformed instant is a caller bug. */
export const dayOfInstant = (instant: string, timeZone: string): IsoDate => {
  const parsed = new Date(instant);
  if (Number.isNaN(parsed.getTime())) throw new Error(`not an ISO instant: "${instant}"`);
  return calendarDayOf(parsed, timeZone);
};

/**
 * Orders issue keys as people read them (SEC-2 before SEC-10), by code units rather than locale so the order
 * is the same on every runtime.
 */
export const compareIssueKeys = (a: string, b: string): number => {
  const [projectA, numberA] = splitIssueKey(a);
  const [projectB, numberB] = splitIssueKey(b);
  if (projectA !== projectB) return projectA < projectB ? -1 : 1;
  return numberA - numberB;
};

const splitIssueKey = (key: string): [string, number] => {
  const dash = key.lastIndexOf('-');
  return [key.slice(0, dash), Number(key.slice(dash + 1))];
};

/** Sorts by issue key without disturbing the order each rule gives to one issue's actions (sort is stable). */
export const sortByIssueKey = <A extends { readonly issueKey: string }>(actions: readonly A[]): A[] =>
  [...actions].sort((a, b) => compareIssueKeys(a.issueKey, b.issueKey));
