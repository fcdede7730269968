import type { IsoDate } from '../../domain/shared/dates';
import type { Remote } from '../jobs/job-ports';
import type { RenewalRecord } from './renewal-record';

export type RenewalCreation = {
  readonly originalKey: string;
  readonly summary: string;
  /** The renewal's own requested expiry, in place of the original's. */
  readonly requestedExpiry: IsoDate;
  readonly record: RenewalRecord;
};

/** The renewal's issue in Jira. */
export interface RenewalIssues {
  /**
   * Creates the renewal in the original's project: the original's exception fields and description copied, the
   * requested expiry given, and the renewal record set in the same request, so the issue never exists without it.
   */
  create(creation: RenewalCreation): Promise<Remote<{ readonly key: string }>>;
  /** Links "<renewal> renews <original>", creating the link type when the site does not have it yet. */
  link(renewalKey: string, originalKey: string): Promise<Remote<undefined>>;
  /** The renewal record of an issue, or null for an issue that renews nothing. */
  readRecord(issueKey: string): Promise<Remote<RenewalRecord | null>>;
  writeRecord(issueKey: string, record: RenewalRecord): Promise<Remote<undefined>>;
}
