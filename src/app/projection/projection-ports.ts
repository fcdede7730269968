import type { Remote, RemoteFailure } from '../ports/remote';
import type { ComputedFieldValues } from './computed-fields';
import type { ComputedFieldName, ExceptionIssue } from './exception-issue';

/**
 * What the projection needs from Jira, as ports. Failures carry Jira's stable code (`JIRA.UNAVAILABLE`, ...) and,
 * when Jira asked for it, how long to wait: the entry layer turns a transient failure into a platform retry.
 */
export type { Remote, RemoteFailure } from '../ports/remote';

/** Failures worth trying again later: Jira was busy or down, not wrong about the request. */
export const isTransient = (failure: RemoteFailure): boolean =>
  failure.code === 'JIRA.RATE_LIMITED' || failure.code === 'JIRA.UNAVAILABLE';

export type IssueLookup =
  | { readonly kind: 'found'; readonly issue: ExceptionIssue }
  /** Jira has no such issue (deleted, or moved where the app cannot see it). */
  | { readonly kind: 'gone' }
  | { readonly kind: 'failed'; readonly failure: RemoteFailure };

export type IssueBatch = {
  readonly issues: readonly ExceptionIssue[];
  /** Keys Jira could not return. */
  readonly missing: readonly string[];
};

export interface ExceptionIssueReader {
  get(issueKey: string): Promise<IssueLookup>;
  getMany(issueKeys: readonly string[]): Promise<Remote<IssueBatch>>;
  /** Every Security Exception issue of the site, by issue key ascending, one page at a time; a failed page ends it. */
  pages(): AsyncIterable<Remote<readonly ExceptionIssue[]>>;
}

/** A comment the app writes on an issue: paragraphs, then a bulleted list; the adapter renders it as ADF. */
export type IssueComment = {
  readonly paragraphs: readonly string[];
  readonly bullets: readonly string[];
};

/** Flags and comments the app puts on issues, acting as the app. */
export interface IssueAnnotations {
  /** The property's value, or undefined when it was never set. */
  readProperty(issueKey: string, propertyKey: string): Promise<Remote<unknown>>;
  writeProperty(issueKey: string, propertyKey: string, value: unknown): Promise<Remote<undefined>>;
  addComment(issueKey: string, comment: IssueComment): Promise<Remote<{ readonly id: string }>>;
}

export interface GroupDirectory {
  /** Names of the Jira groups the account belongs to. */
  groupsOf(accountId: string): Promise<Remote<readonly string[]>>;
}

/** The app's read-only computed fields on issues, written as the app (people and other apps cannot set them). */
export interface ComputedFieldWriter {
  /** The computed fields this site has; the values of others are neither read nor written. */
  onSite(): Promise<Remote<readonly ComputedFieldName[]>>;
  /** Sets the given fields of one issue (by its numeric id) in one request, without a changelog entry. */
  write(issueId: string, values: Partial<ComputedFieldValues>): Promise<Remote<undefined>>;
}
