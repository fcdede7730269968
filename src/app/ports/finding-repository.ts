import type { Result } from '../../domain/shared/result';
import type { Page } from './page';

/** A finding pushed by a scanner integration, keyed by the scanner's own id for it. */
export type IngestedFinding = {
  readonly source: string;
  readonly externalId: string;
  readonly assetId: string;
  readonly title: string;
  readonly severity: 'info' | 'low' | 'medium' | 'high' | 'critical';
  readonly cve?: string;
  readonly cvssVector?: string;
  readonly knownExploited: boolean;
  readonly status: 'open' | 'resolved';
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
};

export interface FindingRepository {
  /**
   * Stores a scanner's report of a finding. Scanners re-send and deliveries arrive out of order, so a report
   * older than the stored one is ignored ('stale') and the first-seen time never moves.
   */
  upsert(finding: IngestedFinding): Promise<'inserted' | 'updated' | 'stale'>;
  get(source: string, externalId: string): Promise<IngestedFinding | null>;
  /** Open findings on an asset, by source and id. */
  openForAsset(assetId: string, limit: number, after?: string): Promise<Result<Page<IngestedFinding>, 'FINDING.INVALID_CURSOR'>>;
}
