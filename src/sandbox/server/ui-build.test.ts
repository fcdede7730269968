import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UI_PAGES } from './frames';
import { BRIDGE_SCRIPT, injectBridge, openUiBuild, UiBuildMissingError } from './ui-build';

const FRAME = '0f8fad5b-d9cb-469f-a165-70867728950e';
const PAGE_HTML = '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <script type="module" crossorigin src="../assets/register-1.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

describe('the UI build as the sandbox serves it', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ui-build-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'register-1.js'), 'console.log("bundle");');
    for (const page of UI_PAGES) {
      mkdirSync(join(dir, page));
      writeFileSync(join(dir, page, 'index.html'), PAGE_HTML);
    }
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('puts the bridge first in the head, before the bundle, and changes nothing else', () => {
    const injected = injectBridge(PAGE_HTML, FRAME);
    const tag = `<script type="module" src="${BRIDGE_SCRIPT}" data-sandbox-frame="${FRAME}"></script>`;
    expect(injected.indexOf(tag)).toBeGreaterThan(injected.indexOf('<head>'));
    expect(injected.indexOf(tag)).toBeLessThan(injected.indexOf('register-1.js'));
    expect(injected.replace(`\n    ${tag}`, '')).toBe(PAGE_HTML);
  });

  it('serves a page of a frame with the bridge, and every other file byte for byte', () => {
    const ui = openUiBuild(dir);
    const page = ui.serve(ui.pageUrl('register', FRAME));
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain(`data-sandbox-frame="${FRAME}"`);
    const asset = ui.serve('/app/assets/register-1.js');
    expect(asset).toEqual({ status: 200, contentType: 'text/javascript; charset=utf-8', body: Buffer.from('console.log("bundle");') });
  });

  it.each([
    ['a page outside any frame', '/app/register/index.html', 400],
    ['a page with a frame id that is not one', '/app/register/index.html?frame=../../etc', 400],
    ['a file the build does not have', '/app/assets/missing.js', 404],
    ['a path out of the build', '/app/../package.json', 404],
    ['an encoded path out of the build', '/app/%2e%2e/%2e%2e/package.json', 404],
    ['a directory', '/app/assets', 404],
  ])('refuses %s', (_case, path, status) => {
    expect(openUiBuild(dir).serve(path).status).toBe(status);
  });

  it('tells how to build the UI when a page is missing', () => {
    rmSync(join(dir, 'admin'), { recursive: true });
    expect(() => openUiBuild(dir)).toThrow(UiBuildMissingError);
    expect(() => openUiBuild(dir)).toThrow(/admin\/index\.html.*npm --prefix static run build/);
  });

  it('refuses a page without a head, which it could not give a bridge', () => {
    expect(() => injectBridge('<html><body></body></html>', FRAME)).toThrow(/no <head>/);
  });
});
