/**
 * What a frame's bridge and the host page tell each other with `postMessage` (same origin, checked on receipt).
 * Type-only: both scripts are served without imports.
 */

export type FrameLocation = { readonly pathname: string; readonly search: string };

export type FrameMessageBody =
  | { readonly kind: 'history'; readonly mode: 'push' | 'replace'; readonly location: FrameLocation }
  | { readonly kind: 'navigate'; readonly url: string; readonly newTab: boolean }
  | { readonly kind: 'submitted'; readonly ok: true }
  | { readonly kind: 'submitted'; readonly ok: false; readonly message: string }
  | { readonly kind: 'close' }
  | { readonly kind: 'reload' }
  | { readonly kind: 'resize'; readonly height: number }
  | { readonly kind: 'configuration'; readonly configuration: string };

export type FrameMessage = { readonly source: 'sandbox-frame'; readonly frameId: string } & FrameMessageBody;

export type HostMessageBody = { readonly kind: 'location'; readonly location: FrameLocation } | { readonly kind: 'configure' };

export type HostMessage = { readonly source: 'sandbox-host' } & HostMessageBody;

/** What `GET /sandbox/frames/<id>` answers: the context Jira would give the frame and where its history starts. */
export type FrameInfo = { readonly context: Readonly<Record<string, unknown>>; readonly location: FrameLocation };

export type SubmitAnswer = { readonly ok: true } | { readonly ok: false; readonly message: string };
