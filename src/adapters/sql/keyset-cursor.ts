import { z } from 'zod';

/**
 * Opaque keyset cursors: the sort value and the unique tie-breaker of the last row of a page, plus which
 * ordering they belong to. Cursors come back from the UI, so they are parsed, and a cursor minted for one
 * ordering is rejected for another instead of silently skipping rows.
 */
export type KeysetPosition = { readonly value: string | number; readonly key: string };

const cursorSchema = z.object({ o: z.string(), v: z.union([z.string(), z.number()]), k: z.string() });

export const encodeCursor = (ordering: string, position: KeysetPosition): string =>
  Buffer.from(JSON.stringify({ o: ordering, v: position.value, k: position.key }), 'utf8').toString('base64url');

/** The position in `cursor`, or null when it is malformed or belongs to another ordering or value type. */
export const decodeCursor = (cursor: string, ordering: string, valueType: 'string' | 'number'): KeysetPosition | null => {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.o !== ordering || typeof parsed.data.v !== valueType) return null;
  return { value: parsed.data.v, key: parsed.data.k };
};
