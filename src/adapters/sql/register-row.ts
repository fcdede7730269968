import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { RegisterEntry, StoredRegisterEntry } from '../../app/ports/register-repository';
import {
  EXCEPTION_KINDS,
  STATUSES,
  TIERS,
  accountIdSchema,
  controlReferenceSchema,
  isoDateSchema,
  issueKeySchema,
  type ControlReference,
} from '../../domain/exception/security-exception';
import { dbDecimal, dbFlag, dbInteger, jsonText, optionalText, toDbFlag, toDbInstant } from './db-values';
import { parseRow } from './sql-errors';
import type { ExceptionAssetsTable, ExceptionControlsTable, ExceptionRegisterTable } from './schema';

/**
 * Pure mapping between register entries and rows. Days that may be absent are stored as a far-future
 * sentinel so the sort columns are NOT NULL and keyset pagination needs no NULL handling; instants are
 * normalised to UTC milliseconds so text order is time order.
 */
export const NO_DAY = '9999-12-31';

export type RegisterRecord = { readonly entry: StoredRegisterEntry; readonly revision: string };

const instant = z.iso.datetime({ offset: true });

/** What a caller may write: checked before it reaches a column that another engine would reject or truncate. */
const writableEntrySchema = z.object({
  issueKey: issueKeySchema.max(32),
  projectKey: z.string().min(1).max(64),
  title: z.string().min(1).max(255),
  kind: z.enum(EXCEPTION_KINDS),
  status: z.enum(STATUSES),
  tier: z.enum(TIERS),
  riskScore: z.number().min(0).max(10),
  requester: accountIdSchema,
  assetOwner: accountIdSchema,
  businessUnit: z.string().min(1).max(128),
  assetIds: z.array(z.string().min(1).max(128)).max(100),
  controlReferences: z.array(controlReferenceSchema).max(50),
  approvers: z.array(accountIdSchema).max(20),
  expiresOn: isoDateSchema.optional(),
  activatedAt: instant.optional(),
  statusChangedAt: instant,
  nextReviewDue: isoDateSchema.optional(),
  lacksControls: z.boolean(),
  renewalOf: issueKeySchema.max(32).optional(),
  renewalCount: z.number().int().min(0),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  jiraUpdatedAt: instant,
});

const unique = <T>(items: readonly T[], keyOf: (item: T) => string): T[] => [
  ...new Map(items.map((item) => [keyOf(item), item] as const)).values(),
];

const controlKey = (ref: ControlReference): string => `${ref.framework}\u0000${ref.id}`;

/** The row for `entry` at `version`, written under `revision`. Throws on an entry no engine could store faithfully. */
export const registerRowOf = (entry: RegisterEntry, revision: string, version: number): Insertable<ExceptionRegisterTable> => {
  const checked = writableEntrySchema.safeParse(entry);
  if (!checked.success) throw new Error(`register entry ${entry.issueKey} cannot be stored: ${checked.error.message}`);
  return {
    issue_key: entry.issueKey,
    project_key: entry.projectKey,
    title: entry.title,
    kind: entry.kind,
    status: entry.status,
    tier: entry.tier,
    risk_score: Math.round(entry.riskScore * 10) / 10,
    requester: entry.requester,
    asset_owner: entry.assetOwner,
    business_unit: entry.businessUnit,
    asset_ids: JSON.stringify(unique(entry.assetIds, (id) => id)),
    control_refs: JSON.stringify(unique(entry.controlReferences, controlKey).map(({ framework, id }) => ({ framework, id }))),
    approvers: JSON.stringify(entry.approvers),
    expires_on: entry.expiresOn ?? NO_DAY,
    activated_at: entry.activatedAt === undefined ? null : toDbInstant(entry.activatedAt),
    status_changed_at: toDbInstant(entry.statusChangedAt),
    next_review_due: entry.nextReviewDue ?? NO_DAY,
    lacks_controls: toDbFlag(entry.lacksControls),
    renewal_of: entry.renewalOf ?? null,
    renewal_count: entry.renewalCount,
    content_hash: entry.contentHash,
    jira_updated_at: toDbInstant(entry.jiraUpdatedAt),
    revision,
    version,
  };
};

/** The per-asset and per-control index rows of `entry` under `revision`. */
export const registerChildRowsOf = (
  entry: RegisterEntry,
  revision: string,
): { assets: ExceptionAssetsTable[]; controls: ExceptionControlsTable[] } => ({
  assets: unique(entry.assetIds, (id) => id).map((assetId) => ({ issue_key: entry.issueKey, revision, asset_id: assetId })),
  controls: unique(entry.controlReferences, controlKey).map((ref) => ({
    issue_key: entry.issueKey,
    revision,
    framework: ref.framework,
    control_id: ref.id,
  })),
});

const optionalDay = z.string().transform((day) => (day === NO_DAY ? undefined : day));

const registerRowSchema = z
  .object({
    issue_key: z.string(),
    project_key: z.string(),
    title: z.string(),
    kind: z.enum(EXCEPTION_KINDS),
    status: z.enum(STATUSES),
    tier: z.enum(TIERS),
    risk_score: dbDecimal,
    requester: z.string(),
    asset_owner: z.string(),
    business_unit: z.string(),
    asset_ids: jsonText(z.array(z.string())),
    control_refs: jsonText(z.array(controlReferenceSchema)),
    approvers: jsonText(z.array(z.string())),
    expires_on: optionalDay,
    activated_at: optionalText,
    status_changed_at: z.string(),
    next_review_due: optionalDay,
    lacks_controls: dbFlag,
    renewal_of: optionalText,
    renewal_count: dbInteger,
    content_hash: z.string(),
    jira_updated_at: z.string(),
    revision: z.string(),
    version: dbInteger,
  })
  .transform(
    (row): RegisterRecord => ({
      revision: row.revision,
      entry: {
        issueKey: row.issue_key,
        projectKey: row.project_key,
        title: row.title,
        kind: row.kind,
        status: row.status,
        tier: row.tier,
        riskScore: row.risk_score,
        requester: row.requester,
        assetOwner: row.asset_owner,
        businessUnit: row.business_unit,
        assetIds: row.asset_ids,
        controlReferences: row.control_refs,
        approvers: row.approvers,
        ...(row.expires_on === undefined ? {} : { expiresOn: row.expires_on }),
        ...(row.activated_at === undefined ? {} : { activatedAt: row.activated_at }),
        statusChangedAt: row.status_changed_at,
        ...(row.next_review_due === undefined ? {} : { nextReviewDue: row.next_review_due }),
        lacksControls: row.lacks_controls,
        ...(row.renewal_of === undefined ? {} : { renewalOf: row.renewal_of }),
        renewalCount: row.renewal_count,
        contentHash: row.content_hash,
        jiraUpdatedAt: row.jira_updated_at,
        version: row.version,
      },
    }),
  );

export const registerRecordOf = (row: unknown): RegisterRecord => parseRow(registerRowSchema, row, 'exception_register');
