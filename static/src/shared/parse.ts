/** The parsed value, or undefined when the value does not parse, for input that is dropped rather than reported. */
export const parsedOrUndefined = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown): T | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** Typed text, trimmed, or undefined when blank, so an empty input means the value is left out. */
export const blankToUndefined = (value: string): string | undefined => (value.trim().length === 0 ? undefined : value.trim());
