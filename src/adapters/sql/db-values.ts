import { z } from 'zod';

/**
 * Parsers for values as the three drivers return them. SQLite and mysql2 give numbers where Forge SQL gives
 * strings (BIGINT, DECIMAL, COUNT), flags are stored as 0/1 integers, and lists are JSON text. Rows come from
 * our own tables, but a row the app cannot read must fail loudly, never be half-understood.
 */
export const dbInteger = z.union([z.number(), z.bigint(), z.string().regex(/^-?\d+$/)]).transform((value, ctx) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `not a safe integer: ${String(value)}` });
    return z.NEVER;
  }
  return n;
});

export const dbDecimal = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number).pipe(z.number().finite());

export const dbFlag = dbInteger.pipe(z.union([z.literal(0), z.literal(1)])).transform((flag) => flag === 1);

export const toDbFlag = (flag: boolean): number => (flag ? 1 : 0);

/** JSON text holding a value of `schema`. */
export const jsonText = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** NULL columns become absent properties, the way the domain writes optional values. */
export const optionalText = z
  .string()
  .nullable()
  .transform((value) => value ?? undefined);

/**
 * Instants are stored as UTC ISO strings with milliseconds so that text order is time order on every engine;
 * the same instant written with another offset or precision maps to the same stored value.
 */
export const toDbInstant = (instant: string): string => {
  const parsed = new Date(instant);
  if (Number.isNaN(parsed.getTime())) throw new Error(`not an ISO instant: "${instant}"`);
  return parsed.toISOString();
};
