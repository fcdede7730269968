import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const here = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = 'build';

/**
 * One HTML entry per Forge surface, each at `<page>/index.html`. Forge serves a Custom UI resource as one
 * directory holding an index.html, and only that directory: the manifest's resources point at build/<page>.
 */
export const PAGES = ['register', 'issue-panel', 'admin', 'intake', 'rule-config'] as const;

/** Files the manifest refers to inside a page's resource (the issue panel's icon), copied as they are. */
const PAGE_FILES: Readonly<Partial<Record<(typeof PAGES)[number], readonly string[]>>> = { 'issue-panel': ['icon.svg'] };

type ManifestChunk = { file: string; css?: string[]; assets?: string[]; imports?: string[]; dynamicImports?: string[] };

/** Every file a page can load: its entry chunk, the chunks it imports statically or lazily, their CSS and assets. */
const filesOf = (manifest: Readonly<Record<string, ManifestChunk>>, entry: string): Set<string> => {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (chunk === undefined || seen.has(key)) return;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(entry);
  return files;
};

/**
 * Makes each page directory self-contained after the build: the shared `assets/` files a page can load are copied
 * into `<page>/assets/`, its index.html is pointed at them, the page's own files are added, and the shared
 * directory is removed. Chunks refer to one
 * another relatively within `assets/`, so the copies work unchanged. The Vite manifest stays in build/.vite and
 * names each file relative to the directory of its page.
 */
const selfContainedPages = (): Plugin => ({
  name: 'forge-self-contained-pages',
  apply: 'build',
  closeBundle() {
    const outDir = resolve(here, OUT_DIR);
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    for (const page of PAGES) {
      const pageDir = join(outDir, page);
      for (const file of filesOf(manifest, `${page}/index.html`)) cpSync(join(outDir, file), join(pageDir, file));
      for (const file of PAGE_FILES[page] ?? []) cpSync(resolve(here, page, file), join(pageDir, file));
      const html = join(pageDir, 'index.html');
      writeFileSync(html, readFileSync(html, 'utf8').replaceAll('"../assets/', '"./assets/'));
    }
    rmSync(join(outDir, 'assets'), { recursive: true, force: true });
  },
});

export default defineConfig({
  // Forge serves the build from its own CDN path, so every asset URL must be relative.
  base: './',
  plugins: [react(), selfContainedPages()],
  resolve: {
    // The contract is shared source, not a copied package: imported in place from the backend tree.
    alias: { '@contract': resolve(here, '../src/contract') },
    // The contract's own `zod` import must resolve to this package's copy, so the UI bundles one zod.
    dedupe: ['zod', 'react', 'react-dom'],
  },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    rollupOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page, resolve(here, page, 'index.html')])),
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    server: { deps: { inline: [/@atlaskit/, /@compiled/] } },
  },
});
