import { BROWSER_SCRIPTS, compileBrowserScript, createBrowserScripts, isBrowserScript } from './browser-scripts';

describe("the host page's own scripts", () => {
  it.each(Object.keys(BROWSER_SCRIPTS) as (keyof typeof BROWSER_SCRIPTS)[])('serves %s as one self-contained module: its imports were types only', (path) => {
    const script = createBrowserScripts()(path);
    expect(script).not.toMatch(/^\s*import\s/m);
    expect(script).not.toMatch(/\bdeclare const\b|: WindowLike/);
  });

  it('gives every frame its bridge before the bundle asks for it', () => {
    expect(createBrowserScripts()('/sandbox/bridge.js')).toContain('globalThis.__bridge = { callBridge }');
  });

  it('serves only the scripts it has', () => {
    expect(isBrowserScript('/sandbox/bridge.js')).toBe(true);
    expect(isBrowserScript('/sandbox/../start-sandbox.ts')).toBe(false);
  });

  it('refuses a script that does not compile, naming the problem', () => {
    expect(() => compileBrowserScript('const = 1;', 'broken.ts')).toThrow(/broken\.ts does not compile/);
  });
});
