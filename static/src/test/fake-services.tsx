import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { success, type EnvelopeOf, type ParsedRequestOf, type ResolverKey } from '@contract';
import { SAMPLES } from '@contract/testing/samples';
import { createApiClient } from '../api/client';
import { toHostContext, type Host, type HostContext, type HostHistory, type HostLocation } from '../api/host';
import { ServicesProvider } from '../shared/services';

/**
 * Pages under test get the real API client over a fake transport, and a fake host: the bridge is replaced at the
 * api module boundary, so the client's request and response validation runs exactly as in production.
 */

export type Handler<K extends ResolverKey> = (request: ParsedRequestOf<K>) => EnvelopeOf<K> | Promise<EnvelopeOf<K>>;
export type Handlers = { [K in ResolverKey]?: Handler<K> };
export type RecordedCall = { readonly key: ResolverKey; readonly payload: unknown };

export class FakeHistory implements HostHistory {
  location: HostLocation;
  private readonly listeners = new Set<(location: HostLocation) => void>();

  constructor(search = '', pathname = '/') {
    this.location = { pathname, search };
  }

  push(location: HostLocation): void {
    this.go(location);
  }

  replace(location: HostLocation): void {
    this.go(location);
  }

  listen(listener: (location: HostLocation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private go(location: HostLocation): void {
    this.location = location;
    for (const listener of this.listeners) listener(location);
  }
}

export type FakeHost = Host & {
  readonly history: FakeHistory;
  readonly submitted: unknown[];
  readonly navigated: string[];
  closed: number;
  configure: (() => string) | null;
};

export const fakeHost = (search = ''): FakeHost => {
  const host: FakeHost = {
    history: new FakeHistory(search),
    submitted: [],
    navigated: [],
    closed: 0,
    configure: null,
    getContext: () => Promise.resolve(toHostContext({})),
    enableTheme: () => Promise.resolve(),
    createHistory: () => Promise.resolve(host.history),
    submit: (value) => {
      host.submitted.push(value);
      return Promise.resolve();
    },
    close: () => {
      host.closed += 1;
      return Promise.resolve();
    },
    onConfigure: (configuration) => {
      host.configure = configuration;
      return Promise.resolve();
    },
    navigate: (path) => {
      host.navigated.push(path);
      return Promise.resolve();
    },
  };
  return host;
};

const defaultHandlers: Handlers = {
  'session/me': () => success(SAMPLES['session/me'].response),
};

export function renderPage(
  ui: ReactElement,
  options: { handlers?: Handlers; context?: Partial<HostContext>; host?: FakeHost } = {},
) {
  const handlers: Handlers = { ...defaultHandlers, ...options.handlers };
  const calls: RecordedCall[] = [];
  const transport = async (key: ResolverKey, payload: unknown): Promise<unknown> => {
    calls.push({ key, payload });
    const handler: Handler<ResolverKey> | undefined = handlers[key];
    if (handler === undefined) throw new Error(`no fake resolver for ${key}`);
    return handler(payload as never);
  };
  const host = options.host ?? fakeHost();
  const context: HostContext = { ...toHostContext({}), ...options.context };
  const user = userEvent.setup();
  const view = render(<ServicesProvider services={{ api: createApiClient(transport), host, context }}>{ui}</ServicesProvider>);
  const callsTo = (key: ResolverKey) => calls.filter((c) => c.key === key).map((c) => c.payload);
  return { ...view, user, host, calls, callsTo };
}

export const auditorSession = (): EnvelopeOf<'session/me'> => {
  const base = SAMPLES['session/me'].response;
  return success({ ...base, roles: { ...base.roles, auditor: true }, auditorAccessUntil: '2026-12-31T23:59:59.000Z' });
};
