import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = dirname(fileURLToPath(import.meta.url));

/** One HTML entry per Forge surface; the manifest's resources point at build/<name>.html. */
export const PAGES = ['register', 'issue-panel', 'admin', 'intake', 'rule-config'] as const;

export default defineConfig({
  // Forge serves the build from its own CDN path, so every asset URL must be relative.
  base: './',
  plugins: [react()],
  resolve: {
    // The contract is shared source, not a copied package: imported in place from the backend tree.
    alias: { '@contract': resolve(here, '../src/contract') },
    // The contract's own `zod` import must resolve to this package's copy, so the UI bundles one zod.
    dedupe: ['zod', 'react', 'react-dom'],
  },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    rollupOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page, resolve(here, `${page}.html`)])),
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
