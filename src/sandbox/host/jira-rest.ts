import type { JiraStandIn } from '../jira/jira-stand-in';

/**
 * The host page is Jira's own UI, so it reads and changes the site through Jira's REST API as the person using it:
 * Jira's permissions, screens and workflow validators apply to every click exactly as they apply to the app.
 */

export type JiraAnswer = { readonly ok: true; readonly status: number; readonly body: unknown } | { readonly ok: false; readonly status: number; readonly message: string };

export type JiraRest = {
  get(path: string): Promise<JiraAnswer>;
  send(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<JiraAnswer>;
};

const messagesOf = (body: unknown): string[] => {
  if (typeof body !== 'object' || body === null) return [];
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  const messages = Array.isArray(errorMessages) ? errorMessages.filter((message): message is string => typeof message === 'string') : [];
  const fieldMessages =
    typeof errors === 'object' && errors !== null
      ? Object.entries(errors).flatMap(([field, message]) => (typeof message === 'string' ? [`${field}: ${message}`] : []))
      : [];
  return [...messages, ...fieldMessages];
};

/** Jira's error body as one sentence for the person: its messages, then its field errors. */
export const jiraErrorMessage = (status: number, body: unknown): string => {
  const messages = messagesOf(body);
  return messages.length > 0 ? messages.join(' ') : `Jira answered ${status}.`;
};

export const commentDocument = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

export const jiraRestAs = (jira: Pick<JiraStandIn, 'handle'>, accountId: string | null): JiraRest => {
  const request = async (method: string, path: string, body?: unknown): Promise<JiraAnswer> => {
    const response = await jira.handle({
      method,
      path,
      asUser: accountId,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
    const parsed = response.body === '' ? undefined : (JSON.parse(response.body) as unknown);
    return response.status < 300
      ? { ok: true, status: response.status, body: parsed }
      : { ok: false, status: response.status, message: jiraErrorMessage(response.status, parsed) };
  };
  return { get: (path) => request('GET', path), send: (method, path, body) => request(method, path, body) };
};
