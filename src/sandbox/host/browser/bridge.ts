import type { DocumentLike, ResizeObserverConstructor, WindowLike } from './browser-types';
import type { FrameInfo, FrameLocation, FrameMessageBody, HostMessage, SubmitAnswer } from './messages';

/**
 * `globalThis.__bridge` for one Custom UI frame of the host page: what Jira's frame host answers for `@forge/bridge`.
 * Resolver calls, context and field submission go to the sandbox server under the frame's id (the server knows who the
 * frame acts for); history, navigation, closing and the frame's height go to the host page around the frame.
 * A bridge call the sandbox does not answer fails loudly, naming the call.
 */

declare const window: WindowLike;
declare const document: DocumentLike;
declare const ResizeObserver: ResizeObserverConstructor;

type HistoryListener = (location: FrameLocation) => void;
type ConfigureCallback = () => string | Promise<string>;

const script = document.querySelector('script[data-sandbox-frame]');
const frameId = script?.dataset['sandboxFrame'] ?? '';
const frameUrl = `/sandbox/frames/${encodeURIComponent(frameId)}`;

const tellHost = (message: FrameMessageBody): void =>
  window.parent.postMessage({ ...message, source: 'sandbox-frame', frameId }, window.location.origin);

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!response.ok) throw new Error(`The sandbox answered ${response.status}: ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
};

const post = async (path: string, body: unknown): Promise<unknown> =>
  readJson(await fetch(`${frameUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

const frameInfo: Promise<FrameInfo> = fetch(frameUrl).then(async (response) => (await readJson(response)) as FrameInfo);

const listeners = new Set<HistoryListener>();
let configure: ConfigureCallback | undefined;

const createHistory = async () => {
  const { location: start } = await frameInfo;
  const history = {
    location: start,
    push(location: FrameLocation) {
      history.location = location;
      tellHost({ kind: 'history', mode: 'push', location });
      for (const listener of listeners) listener(location);
    },
    replace(location: FrameLocation) {
      history.location = location;
      tellHost({ kind: 'history', mode: 'replace', location });
      for (const listener of listeners) listener(location);
    },
    listen(listener: HistoryListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return history;
};

const navigate = (payload: unknown): void => {
  const { url, type } = (payload ?? {}) as { url?: unknown; type?: unknown };
  if (typeof url !== 'string') throw new Error('The sandbox navigates only to URLs, not to navigation targets.');
  tellHost({ kind: 'navigate', url, newTab: type === 'new-tab' });
};

const submit = async (value: unknown): Promise<boolean> => {
  const answer = (await post('/submit', { value })) as SubmitAnswer;
  tellHost(answer.ok ? { kind: 'submitted', ok: true } : { kind: 'submitted', ok: false, message: answer.message });
  return true;
};

const callBridge = async (name: string, payload?: unknown): Promise<unknown> => {
  switch (name) {
    case 'getContext':
      return (await frameInfo).context;
    case 'invoke': {
      const { functionKey, payload: resolverPayload } = (payload ?? {}) as { functionKey?: unknown; payload?: unknown };
      return post('/invoke', { functionKey, payload: resolverPayload ?? {} });
    }
    case 'enableTheming':
    case 'emitReadyEvent':
    case 'changeWindowTitle':
      return undefined;
    case 'createHistory':
      return createHistory();
    case 'navigate':
      return navigate(payload);
    case 'reload':
      return tellHost({ kind: 'reload' });
    case 'submit':
      return submit(payload);
    case 'close':
      tellHost({ kind: 'close' });
      return true;
    case 'setWorkflowRuleConfigurationCallback': {
      const callback = (payload as { data?: { onConfigure?: unknown } } | undefined)?.data?.onConfigure;
      if (typeof callback !== 'function') return false;
      configure = callback as ConfigureCallback;
      return true;
    }
    default:
      throw new Error(`The sandbox host does not implement the bridge call "${name}".`);
  }
};

(globalThis as { __bridge?: unknown }).__bridge = { callBridge };

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin) return;
  const message = event.data as Partial<HostMessage> | null;
  if (message?.source !== 'sandbox-host') return;
  if (message.kind === 'location' && message.location !== undefined) {
    for (const listener of listeners) listener(message.location);
  }
  if (message.kind === 'configure' && configure !== undefined) {
    void Promise.resolve(configure()).then((configuration) => tellHost({ kind: 'configuration', configuration }));
  }
});

// Every page renders into #root, which grows and shrinks with its content; the body is as tall as the frame.
const root = document.querySelector('#root');
const CONTENT_MARGIN = 8;
if (root !== null) {
  new ResizeObserver(() => tellHost({ kind: 'resize', height: root.getBoundingClientRect().bottom + CONTENT_MARGIN })).observe(root);
}
