import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { IngestedFinding } from '../../app/ports/finding-repository';
import { dbFlag, optionalText, toDbFlag, toDbInstant } from './db-values';
import { parseRow } from './sql-errors';
import type { FindingsTable } from './schema';

/** Pure mapping between ingested scanner findings and rows. */
export const findingRowOf = (finding: IngestedFinding): Insertable<FindingsTable> => ({
  source: finding.source,
  external_id: finding.externalId,
  asset_id: finding.assetId,
  title: finding.title,
  severity: finding.severity,
  cve: finding.cve ?? null,
  cvss_vector: finding.cvssVector ?? null,
  known_exploited: toDbFlag(finding.knownExploited),
  status: finding.status,
  first_seen_at: toDbInstant(finding.firstSeenAt),
  last_seen_at: toDbInstant(finding.lastSeenAt),
});

const findingRowSchema = z
  .object({
    source: z.string(),
    external_id: z.string(),
    asset_id: z.string(),
    title: z.string(),
    severity: z.enum(['info', 'low', 'medium', 'high', 'critical']),
    cve: optionalText,
    cvss_vector: optionalText,
    known_exploited: dbFlag,
    status: z.enum(['open', 'resolved']),
    first_seen_at: z.string(),
    last_seen_at: z.string(),
  })
  .transform(
    (row): IngestedFinding => ({
      source: row.source,
      externalId: row.external_id,
      assetId: row.asset_id,
      title: row.title,
      severity: row.severity,
      ...(row.cve === undefined ? {} : { cve: row.cve }),
      ...(row.cvss_vector === undefined ? {} : { cvssVector: row.cvss_vector }),
      knownExploited: row.known_exploited,
      status: row.status,
      firstSeenAt: row.first_seen_at,
      lastSeenAt: row.last_seen_at,
    }),
  );

export const findingOf = (row: unknown): IngestedFinding => parseRow(findingRowSchema, row, 'findings');
