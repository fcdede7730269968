import type { FieldError } from '@contract';

/** Field errors by dotted path; the first message for a path wins, as forms show one message per control. */
export const byPath = (errors: readonly FieldError[]): ReadonlyMap<string, string> => {
  const map = new Map<string, string>();
  for (const e of errors) if (!map.has(e.path)) map.set(e.path, e.message);
  return map;
};
