import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { UI_PAGES, type UiPage } from './frames';

/**
 * The production Custom UI build (`static/build`), served as Forge serves a resource: every file byte for byte, except
 * that each page's HTML gets one script tag, first in its head, that gives the page its `globalThis.__bridge` before
 * the bundle loads. Module scripts run in document order, so the bridge exists when `@forge/bridge` looks for it.
 */

export const UI_ROOT = '/app/';
export const BRIDGE_SCRIPT = '/sandbox/bridge.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export class UiBuildMissingError extends Error {
  override readonly name = 'UiBuildMissingError';
}

export type ServedFile = { readonly status: number; readonly contentType: string; readonly body: Buffer | string };

export type UiBuild = {
  readonly dir: string;
  /** The URL of a page's HTML for one frame. */
  pageUrl(page: UiPage, frameId: string): string;
  serve(urlPath: string): ServedFile;
};

/** Each page is `<page>/index.html`, the directory a Forge resource points at. */
const pageFile = (page: UiPage): string => `${page}/index.html`;

const bridgeTag = (frameId: string): string => `<script type="module" src="${BRIDGE_SCRIPT}" data-sandbox-frame="${frameId}"></script>`;

const FRAME_ID = /^[0-9a-f-]{36}$/;

export const injectBridge = (pageHtml: string, frameId: string): string => {
  const head = /<head[^>]*>/i.exec(pageHtml);
  if (head === null) throw new UiBuildMissingError('a page of the UI build has no <head>, so the bridge cannot be injected');
  const at = head.index + head[0].length;
  return `${pageHtml.slice(0, at)}\n    ${bridgeTag(frameId)}${pageHtml.slice(at)}`;
};

export const openUiBuild = (dir: string): UiBuild => {
  const missing = UI_PAGES.filter((page) => !existsSync(join(dir, pageFile(page))));
  if (missing.length > 0) {
    throw new UiBuildMissingError(
      `The Custom UI build in ${dir} lacks ${missing.map(pageFile).join(', ')}: run \`npm --prefix static run build\` (npm start does it for you).`,
    );
  }
  const pageOf = (relative: string): UiPage | undefined => UI_PAGES.find((page) => pageFile(page) === relative);
  return {
    dir,
    pageUrl: (page, frameId) => `${UI_ROOT}${pageFile(page)}?frame=${encodeURIComponent(frameId)}`,
    serve(urlPath) {
      const url = new URL(urlPath, 'http://sandbox.invalid');
      const relative = normalize(decodeURIComponent(url.pathname.slice(UI_ROOT.length)));
      const file = join(dir, relative);
      if (relative.startsWith('..') || relative.includes(`${sep}..`) || !existsSync(file) || !statSync(file).isFile()) {
        return { status: 404, contentType: CONTENT_TYPES['.html'] ?? '', body: 'Not in the UI build.' };
      }
      const contentType = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      const page = pageOf(relative);
      if (page === undefined) return { status: 200, contentType, body: readFileSync(file) };
      const frameId = url.searchParams.get('frame') ?? '';
      if (!FRAME_ID.test(frameId)) return { status: 400, contentType, body: 'A page of the UI opens only inside a frame of the host page.' };
      return { status: 200, contentType, body: injectBridge(readFileSync(file, 'utf8'), frameId) };
    },
  };
};
