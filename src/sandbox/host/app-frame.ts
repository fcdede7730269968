import type { Frame } from '../server/frames';
import { html, type Html } from './html';

/**
 * Where a Custom UI page sits on a host page: an iframe sized by its content, and the place where the host shows
 * what Jira refused when the frame submitted a value.
 */
export const appFrame = (frame: Frame, src: string, title: string, options: { readonly followsUrl?: boolean } = {}): Html => html`
  <div class="banner error" role="alert" data-frame-error hidden></div>
  <iframe
    class="app-frame"
    title="${title}"
    src="${src}"
    data-frame-id="${frame.id}"
    data-return-to="${frame.returnTo}"
    ${options.followsUrl === true ? html`data-follows-url` : ''}
  ></iframe>`;
