/**
 * The few browser APIs the host page's scripts use, typed here because the project compiles for Node (no DOM
 * library): each script declares `window` and `document` with these types in its own module scope, so nothing
 * browser-only leaks into the types of the server code.
 */

export type MessageEventLike = { readonly data: unknown; readonly origin: string; readonly source: unknown };

export type MessageTarget = { postMessage(message: unknown, targetOrigin: string): void };

export type LocationLike = {
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
  assign(url: string): void;
  reload(): void;
};

export type HistoryLike = {
  pushState(state: null, unused: string, url: string): void;
  replaceState(state: null, unused: string, url: string): void;
};

export type WindowLike = {
  readonly parent: MessageTarget;
  readonly location: LocationLike;
  readonly history: HistoryLike;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  addEventListener(type: 'popstate', listener: () => void): void;
  open(url: string, target: string): unknown;
};

export type ElementLike = {
  readonly dataset: Readonly<Record<string, string | undefined>>;
  getBoundingClientRect(): { readonly bottom: number };
  readonly contentWindow?: MessageTarget | null;
  hidden: boolean;
  textContent: string | null;
  style: { height: string };
  addEventListener(type: 'click', listener: () => void): void;
};

export type DocumentLike = {
  readonly documentElement: ElementLike;
  readonly body: ElementLike | null;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): Iterable<ElementLike>;
};

export type ResizeObserverLike = { observe(target: ElementLike): void };
export type ResizeObserverConstructor = new (callback: () => void) => ResizeObserverLike;
