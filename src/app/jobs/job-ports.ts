import type { SecurityException, Status } from '../../domain/exception/security-exception';
import type { IsoDate } from '../../domain/shared/dates';
import type { Page } from '../ports/page';
import type { Remote } from '../ports/remote';
import type { StoredRegisterEntry } from '../ports/register-repository';

/**
 * What the scheduled jobs need beyond the repositories, as ports. Jira failures carry the gateway's stable code
 * (`JIRA.RATE_LIMITED`, `JIRA.UNAVAILABLE`, ...) after the gateway's own retries have been spent.
 */
export type { Remote, RemoteFailure } from '../ports/remote';

/**
 * Short-lived exclusive leases (KVS under Forge). A scheduled trigger may fire twice: the second invocation finds
 * the lease held and leaves the run to the first. A lease whose holder died frees itself when its TTL runs out.
 */
export interface LeaseStore {
  acquire(name: string, holder: string, ttlMs: number): Promise<'acquired' | 'held'>;
  /** Gives the lease back only if `holder` still holds it. */
  release(name: string, holder: string): Promise<'released' | 'not-held'>;
}

/** Text the app writes on an issue or in an e-mail: paragraphs in order. */
export type NoticeText = readonly string[];

export type Notice = {
  /** The issue the notice is about; Jira sends it only to recipients who may see that issue. */
  readonly issueKey: string;
  readonly subject: string;
  readonly text: NoticeText;
  readonly to: { readonly accountIds?: readonly string[]; readonly groups?: readonly string[] };
  /** Ends the text with how to request a renewal of the issue. */
  readonly renewalLink?: boolean;
};

export interface Notifier {
  notify(notice: Notice): Promise<Remote<undefined>>;
}

/** One exception as Jira holds it now. */
export type ExceptionRead =
  | { readonly kind: 'exception'; readonly exception: SecurityException }
  /** The issue exists but cannot be read as an exception; its Jira status is given when it is one of the workflow's. */
  | { readonly kind: 'unreadable'; readonly status: Status | undefined; readonly reason: string }
  | { readonly kind: 'gone' };

export interface ExceptionReader {
  /** The issues of `entries`, read in bulk; every entry's key has a result. */
  read(entries: readonly StoredRegisterEntry[]): Promise<Remote<ReadonlyMap<string, ExceptionRead>>>;
}

/** The app-only workflow transitions the register takes itself (see the workflow plan). */
export const REGISTER_TRANSITIONS = {
  expire: { name: 'Expire', to: 'expired' },
  timeout: { name: 'Time out', to: 'rejected' },
  supersede: { name: 'Supersede', to: 'superseded' },
} as const satisfies Readonly<Record<string, { readonly name: string; readonly to: Status }>>;
export type RegisterTransition = keyof typeof REGISTER_TRANSITIONS;

export interface IssueTransitions {
  /** Takes the transition with a comment in one request; Jira refuses it when the issue is not where it starts. */
  transition(issueKey: string, transition: RegisterTransition, comment: NoticeText): Promise<Remote<undefined>>;
}

export type DayRange = {
  /** Exclusive. */
  readonly after: IsoDate;
  /** Inclusive. */
  readonly through: IsoDate;
};

/**
 * The narrow selections the jobs page through, each answered from a register index, so a job reads what became
 * due since its last run rather than everything that is due eventually.
 */
export interface DueSelection {
  /** Active exceptions whose last day in force is in the range, by that day then key. */
  expiringIn(range: DayRange, limit: number, cursor?: string): Promise<Page<StoredRegisterEntry>>;
  /** Active exceptions whose quarterly review falls due in the range. */
  reviewDueIn(range: DayRange, limit: number, cursor?: string): Promise<Page<StoredRegisterEntry>>;
  /** Exceptions that entered `status` at `since` or later, by that time then key. */
  enteredStatusSince(status: Status, since: string, limit: number, cursor?: string): Promise<Page<StoredRegisterEntry>>;
}
