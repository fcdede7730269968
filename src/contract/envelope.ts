import { z } from 'zod';

/**
 * Every resolver answers with this envelope and never throws across the bridge: the UI always gets a stable
 * `code` to branch on and a `message` written for the person who has to act. `fieldErrors` point at the
 * request fields (dotted paths such as `tiers.high.maxDurationDays`) so a form can show each next to its input.
 */

const MAX_FIELD_ERRORS = 500;
const MAX_MESSAGE_CHARS = 4000;

export const fieldErrorSchema = z.object({
  path: z.string().min(1).max(512),
  message: z.string().min(1).max(2000),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const contractErrorSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*$/, 'must be a stable code such as AUTH.FORBIDDEN'),
  message: z.string().min(1).max(MAX_MESSAGE_CHARS),
  fieldErrors: z.array(fieldErrorSchema).max(MAX_FIELD_ERRORS).optional(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

export type Success<T> = { readonly ok: true; readonly data: T };
export type Failure = { readonly ok: false; readonly error: ContractError };
export type Envelope<T> = Success<T> | Failure;

export const envelopeSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: contractErrorSchema })]);

/** Codes any resolver or the UI client may produce, besides the use-case codes of the domain. */
export const ERROR_CODES = {
  /** The payload does not match the key's request schema; `fieldErrors` say where. */
  invalidRequest: 'CONTRACT.INVALID_REQUEST',
  /** The resolver answered something the response schema refuses: a bug on the server side. */
  invalidResponse: 'CONTRACT.INVALID_RESPONSE',
  /** The caller lacks the role the key needs; decided on the server from the invocation context. */
  forbidden: 'AUTH.FORBIDDEN',
  notFound: 'NOT_FOUND',
  /** A cursor from another filter, sort or listing. */
  invalidCursor: 'CONTRACT.INVALID_CURSOR',
  /** The bridge call itself failed (network, platform limit, resolver crash). */
  bridgeFailed: 'BRIDGE.FAILED',
  internal: 'INTERNAL',
} as const;

export const success = <T>(data: T): Success<T> => ({ ok: true, data });

export const failure = (code: string, message: string, fieldErrors?: readonly FieldError[]): Failure => ({
  ok: false,
  error: fieldErrors === undefined ? { code, message } : { code, message, fieldErrors: [...fieldErrors] },
});

/** Dotted path of a zod issue; `(root)` for a problem with the value as a whole. */
export const pathOf = (path: readonly PropertyKey[]): string => (path.length === 0 ? '(root)' : path.map(String).join('.'));

export const toFieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message }));

/** The failure a resolver returns for a payload its request schema refused. */
export const invalidRequest = (error: z.ZodError): Failure => {
  const fieldErrors = toFieldErrors(error).slice(0, MAX_FIELD_ERRORS);
  const shown = fieldErrors.slice(0, 5).map((f) => `${f.path}: ${f.message}`);
  const more = error.issues.length - shown.length;
  const summary = `The request has ${error.issues.length} problem(s): ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  return failure(ERROR_CODES.invalidRequest, summary.slice(0, MAX_MESSAGE_CHARS), fieldErrors);
};
