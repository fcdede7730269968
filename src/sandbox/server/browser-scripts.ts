import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The host page's own scripts are TypeScript in src/sandbox/host/browser, type-checked with the rest of the project
 * and compiled to ES modules when first served. They import types only, which compilation removes, so each is one
 * self-contained file in the browser.
 */

export const BROWSER_SCRIPTS = { '/sandbox/bridge.js': 'bridge.ts', '/sandbox/host-page.js': 'host-page.ts' } as const;
export type BrowserScriptPath = keyof typeof BROWSER_SCRIPTS;

const SOURCE_DIR = join(__dirname, '..', 'host', 'browser');

export const isBrowserScript = (path: string): path is BrowserScriptPath => Object.hasOwn(BROWSER_SCRIPTS, path);

export const compileBrowserScript = (source: string, fileName: string): string => {
  const output = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, verbatimModuleSyntax: false, isolatedModules: true },
  });
  const problems = output.diagnostics ?? [];
  if (problems.length > 0) {
    throw new Error(`${fileName} does not compile: ${problems.map((problem) => ts.flattenDiagnosticMessageText(problem.messageText, ' ')).join('; ')}`);
  }
  return output.outputText;
};

export const createBrowserScripts = (): ((path: BrowserScriptPath) => string) => {
  const compiled = new Map<BrowserScriptPath, string>();
  return (path) => {
    const cached = compiled.get(path);
    if (cached !== undefined) return cached;
    const file = BROWSER_SCRIPTS[path];
    const script = compileBrowserScript(readFileSync(join(SOURCE_DIR, file), 'utf8'), file);
    compiled.set(path, script);
    return script;
  };
};
