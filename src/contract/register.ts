import { z } from 'zod';
import {
  accountIdSchema,
  boundedText,
  controlReferenceSchema,
  cursorSchema,
  isoDateSchema,
  isoDateTimeSchema,
  issueKeySchema,
  nextCursorSchema,
  pageSizeSchema,
  personSchema,
  scoreSchema,
} from './primitives';
import { REGISTER_FLAGS, STATUSES, TIERS } from './vocabulary';

/**
 * The register page and its CSV export. The project is the one the page is rendered in: the resolver reads it
 * from the invocation context, never from the payload. Every filter is applied on the server, so a page and
 * its total always describe the same set of exceptions.
 */

export const registerFilterSchema = z
  .object({
    status: z.array(z.enum(STATUSES)).max(STATUSES.length).optional(),
    tier: z.array(z.enum(TIERS)).max(TIERS.length).optional(),
    /** Asset id, exact match. */
    asset: boundedText(128).optional(),
    /** Account ids. */
    owner: accountIdSchema.optional(),
    requester: accountIdSchema.optional(),
    /** Someone who approved a level of the current content. */
    approver: accountIdSchema.optional(),
    businessUnit: boundedText(128).optional(),
    controlRef: controlReferenceSchema.optional(),
    /** Expires on or before today + n days (today in the policy's time zone); 0 means today. */
    expiringWithinDays: z.number().int().min(0).max(3650).optional(),
    reviewOverdue: z.boolean().optional(),
    lacksControls: z.boolean().optional(),
    /** Words matched against key and title. */
    text: boundedText(200).optional(),
  })
  .strict();
export type RegisterFilter = z.infer<typeof registerFilterSchema>;

export const REGISTER_SORT_FIELDS = ['expiresOn', 'riskScore', 'nextReviewDue', 'updated'] as const;
export type RegisterSortField = (typeof REGISTER_SORT_FIELDS)[number];

export const registerSortSchema = z.object({
  field: z.enum(REGISTER_SORT_FIELDS),
  direction: z.enum(['asc', 'desc']),
});
export type RegisterSort = z.infer<typeof registerSortSchema>;

export const DEFAULT_REGISTER_SORT: RegisterSort = { field: 'expiresOn', direction: 'asc' };
export const REGISTER_PAGE_SIZES = [25, 50, 100] as const;

/** A cursor belongs to the filter and sort it was minted for; the server refuses it for any other. */
export const registerListRequestSchema = z.object({
  filter: registerFilterSchema.default({}),
  sort: registerSortSchema.default(DEFAULT_REGISTER_SORT),
  cursor: cursorSchema.optional(),
  pageSize: pageSizeSchema(100, 25),
});
export type RegisterListRequest = z.input<typeof registerListRequestSchema>;

export const registerRowSchema = z.object({
  key: issueKeySchema,
  title: boundedText(255),
  status: z.enum(STATUSES),
  tier: z.enum(TIERS),
  residualScore: scoreSchema,
  assets: z.array(z.object({ id: boundedText(128), name: boundedText(255) })).max(100),
  owner: personSchema,
  requester: personSchema,
  businessUnit: boundedText(128),
  expiresOn: isoDateSchema.nullable(),
  /** Whole days from today to the last day in force; negative once expired; null without an expiry. */
  daysLeft: z.number().int().nullable(),
  nextReviewDue: isoDateSchema.nullable(),
  flags: z.array(z.enum(REGISTER_FLAGS)).max(REGISTER_FLAGS.length),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

export const registerListResponseSchema = z.object({
  rows: z.array(registerRowSchema).max(100),
  /** How many exceptions match the filter, across all pages. */
  total: z.number().int().min(0),
  nextCursor: nextCursorSchema,
  /** "Today" in the policy's time zone: the day `daysLeft` and the flags were computed for. */
  asOf: isoDateSchema,
});
export type RegisterListResponse = z.infer<typeof registerListResponseSchema>;

/** Column order of the CSV export; every exported row has one cell per column, already formatted as text. */
export const EXPORT_COLUMNS = [
  'Key',
  'Title',
  'Status',
  'Tier',
  'Residual score',
  'Assets',
  'Owner',
  'Requester',
  'Business unit',
  'Control references',
  'Approvers',
  'Expires on',
  'Days left',
  'Next review due',
  'Flags',
] as const;

export const registerExportPageRequestSchema = z.object({
  filter: registerFilterSchema.default({}),
  sort: registerSortSchema.default(DEFAULT_REGISTER_SORT),
  cursor: cursorSchema.optional(),
  pageSize: pageSizeSchema(500, 500),
});
export type RegisterExportPageRequest = z.input<typeof registerExportPageRequestSchema>;

export const registerExportPageResponseSchema = z.object({
  columns: z.array(z.string()).length(EXPORT_COLUMNS.length).refine((c) => c.every((name, i) => name === EXPORT_COLUMNS[i]), {
    message: `columns must be ${EXPORT_COLUMNS.join(', ')}`,
  }),
  rows: z
    .array(z.array(z.string().max(32000)).length(EXPORT_COLUMNS.length))
    .max(500),
  total: z.number().int().min(0),
  nextCursor: nextCursorSchema,
  /** When this page was read. */
  generatedAt: isoDateTimeSchema,
});
export type RegisterExportPageResponse = z.infer<typeof registerExportPageResponseSchema>;
