import { z } from 'zod';
import { FRAMEWORKS } from './vocabulary';

/** Scalars every contract module shares; each one says in its message what a valid value looks like. */

export const boundedText = (max: number) =>
  z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });

export const isoDateSchema = z.iso.date({ error: 'must be a calendar date YYYY-MM-DD' });
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant' });
export const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]+-[1-9]\d*$/, 'must be a Jira issue key such as SEC-12');
export const projectKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'must be a Jira project key such as SEC');
export const accountIdSchema = boundedText(128);
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-10');
export const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as 2026-Q4');
export const levelIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case level id such as security-lead');
export const scoreSchema = z.number().min(0).max(10);

/** Opaque keyset cursor, handed out by one page and passed back unchanged for the next. */
export const cursorSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be the cursor returned with the previous page');

export const pageSizeSchema = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);

/** A Jira user as the UI shows one: the display name when the server could resolve it. */
export const personSchema = z.object({
  accountId: accountIdSchema,
  displayName: z.string().max(255).nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const controlReferenceSchema = z.object({ framework: z.enum(FRAMEWORKS), id: boundedText(64) });
export type ControlReference = z.infer<typeof controlReferenceSchema>;

/** Every list answer carries where the next page starts; null on the last page. */
export const nextCursorSchema = cursorSchema.nullable();

/** An object with exactly one entry per tier, in tier order. */
export const tierKeyedRecord = <T extends z.ZodType>(value: T) =>
  z.object({ low: value, medium: value, high: value, critical: value });
