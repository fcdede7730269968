import { z } from 'zod';
import type { Ok, Refusal } from '../../domain/shared/result';

export const JIRA_ERROR_CODES = [
  'JIRA.BAD_REQUEST',
  'JIRA.UNAUTHORIZED',
  'JIRA.FORBIDDEN',
  'JIRA.NOT_FOUND',
  'JIRA.CONFLICT',
  'JIRA.RATE_LIMITED',
  'JIRA.UNAVAILABLE',
  'JIRA.UNEXPECTED_STATUS',
  'JIRA.INVALID_RESPONSE',
] as const;
export type JiraErrorCode = (typeof JIRA_ERROR_CODES)[number];

/**
 * Why a Jira call did not succeed. It carries what Jira said (`errorMessages`, field `errors`) but never the
 * request's headers: the Forge proxy adds the credentials and they must not travel further than the wire.
 */
export type JiraFailure = Refusal<JiraErrorCode> & {
  /** The gateway operation and the request line without its query, e.g. `getIssue GET /rest/api/3/issue/SEC-1`. */
  readonly operation: string;
  readonly status?: number;
  readonly errorMessages: readonly string[];
  readonly errors: Readonly<Record<string, string>>;
  readonly attempts: number;
  /** How long Jira asked the caller to wait before trying again, when it said so. */
  readonly retryAfterMs?: number;
};

export type JiraResult<T> = Ok<T> | { readonly ok: false; readonly error: JiraFailure };

export const jiraFailure = (failure: JiraFailure): { ok: false; error: JiraFailure } => ({ ok: false, error: failure });

const MAX_MESSAGES = 20;
const MAX_MESSAGE_LENGTH = 500;

const jiraErrorBodySchema = z.looseObject({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  message: z.string().optional(),
});

const clip = (text: string): string => (text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text);

/** What Jira said in an error body; anything that is not Jira's JSON error shape (an HTML error page) says nothing. */
export const readJiraErrorBody = (text: string): { errorMessages: string[]; errors: Record<string, string> } => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { errorMessages: [], errors: {} };
  }
  const parsed = jiraErrorBodySchema.safeParse(json);
  if (!parsed.success) return { errorMessages: [], errors: {} };
  const { errorMessages = [], errors = {}, message } = parsed.data;
  return {
    errorMessages: [...errorMessages, ...(message === undefined ? [] : [message])].slice(0, MAX_MESSAGES).map(clip),
    errors: Object.fromEntries(Object.entries(errors).slice(0, MAX_MESSAGES).map(([field, text]) => [field, clip(text)])),
  };
};

export const codeForStatus = (status: number): JiraErrorCode => {
  if (status === 401) return 'JIRA.UNAUTHORIZED';
  if (status === 403) return 'JIRA.FORBIDDEN';
  if (status === 404) return 'JIRA.NOT_FOUND';
  if (status === 409) return 'JIRA.CONFLICT';
  if (status === 429) return 'JIRA.RATE_LIMITED';
  if (status >= 500) return 'JIRA.UNAVAILABLE';
  if (status >= 400) return 'JIRA.BAD_REQUEST';
  return 'JIRA.UNEXPECTED_STATUS';
};

const ADVICE: Readonly<Record<JiraErrorCode, string>> = {
  'JIRA.BAD_REQUEST': 'Jira rejected the request; correct what it names and try again.',
  'JIRA.UNAUTHORIZED': 'Jira did not accept the credentials; the user may need to grant the app access again.',
  'JIRA.FORBIDDEN': 'The caller lacks the Jira permission this needs; ask a Jira administrator to grant it.',
  'JIRA.NOT_FOUND': 'Jira has no such item, or the caller is not allowed to see it.',
  'JIRA.CONFLICT': 'Jira reports a conflict with an existing item (often one with the same name).',
  'JIRA.RATE_LIMITED': 'Jira is rate limiting the app; try again after the wait it asked for.',
  'JIRA.UNAVAILABLE': 'Jira is not answering normally; try again in a few minutes.',
  'JIRA.UNEXPECTED_STATUS': 'Jira answered with a status the app does not expect here.',
  'JIRA.INVALID_RESPONSE': 'Jira answered in a shape the app does not understand; report this to the app maintainers.',
};

export const describeFailure = (
  code: JiraErrorCode,
  operation: string,
  detail: { status?: number; attempts: number; errorMessages: readonly string[]; errors: Readonly<Record<string, string>> },
): string => {
  const said = [...detail.errorMessages, ...Object.entries(detail.errors).map(([field, text]) => `${field}: ${text}`)];
  const status = detail.status === undefined ? '' : ` with status ${detail.status}`;
  const attempts = detail.attempts > 1 ? ` after ${detail.attempts} attempts` : '';
  const jiraSaid = said.length === 0 ? '' : ` Jira said: ${said.join('; ')}.`;
  return `${operation} failed${status}${attempts}. ${ADVICE[code]}${jiraSaid}`;
};

/** A success status whose body is not what the operation promises (or a paging cursor that goes round in circles). */
export const invalidResponse = (operation: string, status: number, attempts: number, why: string): { ok: false; error: JiraFailure } => {
  const code: JiraErrorCode = 'JIRA.INVALID_RESPONSE';
  const detail = { status, attempts, errorMessages: [why], errors: {} };
  return jiraFailure({ code, message: describeFailure(code, operation, detail), operation, ...detail });
};
