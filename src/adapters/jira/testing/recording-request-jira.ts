import type { JiraHttpResponse, JiraRequestInit, RequestJira } from '../request-jira';

export type RecordedRequest = {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body as sent, parsed back. */
  readonly body: unknown;
};

export type ScriptedResponse = {
  readonly status: number;
  /** Serialised as JSON unless it is already a string. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
};

const toResponse = ({ status, body, headers = {} }: ScriptedResponse): JiraHttpResponse => {
  const lowerCased = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    status,
    headers: { get: (name) => lowerCased.get(name.toLowerCase()) ?? null },
    text: () => Promise.resolve(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
  };
};

/**
 * A RequestJira that records what the gateway sends and answers from a script: a list consumed in order,
 * or a function of the request.
 */
export const recordingRequestJira = (script: readonly ScriptedResponse[] | ((request: RecordedRequest) => ScriptedResponse)) => {
  const requests: RecordedRequest[] = [];
  const queue = Array.isArray(script) ? [...(script as readonly ScriptedResponse[])] : [];
  const request: RequestJira = (path: string, init: JiraRequestInit = {}) => {
    const recorded: RecordedRequest = {
      method: init.method ?? 'GET',
      path,
      headers: init.headers ?? {},
      body: init.body === undefined ? undefined : (JSON.parse(init.body) as unknown),
    };
    requests.push(recorded);
    const next = typeof script === 'function' ? script(recorded) : queue.shift();
    if (next === undefined) throw new Error(`No scripted response left for ${recorded.method} ${path}`);
    return Promise.resolve(toResponse(next));
  };
  return { request, requests };
};
