import type { DocumentLike, ElementLike, WindowLike } from './browser-types';
import type { FrameMessage, HostMessageBody } from './messages';

/**
 * The host page's side of its Custom UI frames, as Jira's frame host does it: keeps the page URL in step with a
 * frame's history (so filters survive a reload and the back button), follows navigation, sizes each frame to its
 * content, and finishes a field edit when the frame has submitted or closed.
 */

declare const window: WindowLike;
declare const document: DocumentLike;

const frameElement = (frameId: string): ElementLike | null => document.querySelector(`iframe[data-frame-id="${frameId}"]`);

const tellFrame = (frameId: string, message: HostMessageBody): void =>
  frameElement(frameId)?.contentWindow?.postMessage({ ...message, source: 'sandbox-host' }, window.location.origin);

const showRefusal = (message: string): void => {
  const banner = document.querySelector('[data-frame-error]');
  if (banner === null) return;
  banner.textContent = message;
  banner.hidden = false;
};

const returnTo = (frameId: string): string => frameElement(frameId)?.dataset['returnTo'] ?? window.location.pathname;

const handle = (message: FrameMessage): void => {
  switch (message.kind) {
    case 'history': {
      const url = `${window.location.pathname}${message.location.search}`;
      if (message.mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      return;
    }
    case 'navigate':
      if (message.newTab) window.open(message.url, '_blank');
      else window.location.assign(message.url);
      return;
    case 'submitted':
      if (message.ok) window.location.assign(returnTo(message.frameId));
      else showRefusal(message.message);
      return;
    case 'close':
      window.location.assign(returnTo(message.frameId));
      return;
    case 'reload':
      window.location.reload();
      return;
    case 'resize': {
      const frame = frameElement(message.frameId);
      if (frame !== null) frame.style.height = `${Math.max(120, Math.ceil(message.height))}px`;
      return;
    }
    case 'configuration': {
      const output = document.querySelector(`[data-configuration-of="${message.frameId}"]`);
      if (output === null) return;
      output.textContent = message.configuration;
      output.hidden = false;
      return;
    }
  }
};

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin) return;
  const message = event.data as Partial<FrameMessage> | null;
  if (message?.source !== 'sandbox-frame' || typeof message.frameId !== 'string') return;
  handle(message as FrameMessage);
});

window.addEventListener('popstate', () => {
  for (const frame of document.querySelectorAll('iframe[data-frame-id][data-follows-url]')) {
    const frameId = frame.dataset['frameId'];
    if (frameId !== undefined) tellFrame(frameId, { kind: 'location', location: { pathname: '/', search: window.location.search } });
  }
});

for (const button of document.querySelectorAll('[data-configure-frame]')) {
  const frameId = button.dataset['configureFrame'];
  if (frameId === undefined) continue;
  button.addEventListener('click', () => tellFrame(frameId, { kind: 'configure' }));
}
