// Gzip size of the JavaScript each page loads before it can render: its entry chunk and every chunk reachable
// through static imports, read from Vite's build manifest. Lazy chunks (tabs, themes) are listed apart.
// Each page is a self-contained directory (build/<page>/index.html and its own assets/), as Forge serves it; the
// manifest names files relative to the page's directory.
// Usage: node scripts/measure-bundles.mjs [--max-kb=<page>:<kb>,...]; exits 1 when a page exceeds its budget.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const buildDir = new URL('../build/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(buildDir, '.vite', 'manifest.json'), 'utf8'));
const gzipBytes = (page, file) => gzipSync(readFileSync(join(buildDir, page, file))).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

const budgets = Object.fromEntries(
  (process.argv.find((a) => a.startsWith('--max-kb='))?.slice('--max-kb='.length).split(',') ?? [])
    .filter((pair) => pair.includes(':'))
    .map((pair) => {
      const [page, limit] = pair.split(':');
      return [page, Number(limit)];
    }),
);

function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) staticClosure(next, seen);
  return seen;
}

let overBudget = false;
const rows = [];
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isEntry || !key.endsWith('/index.html')) continue;
  const page = dirname(key);
  const initial = [...staticClosure(key)].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const lazy = new Set();
  for (const k of staticClosure(key)) for (const d of manifest[k].dynamicImports ?? []) lazy.add(manifest[d].file);
  const initialBytes = initial.reduce((sum, f) => sum + gzipBytes(page, f), 0);
  const lazyBytes = [...lazy].filter((f) => !initial.includes(f)).reduce((sum, f) => sum + gzipBytes(page, f), 0);
  const budget = budgets[page];
  const verdict = budget === undefined ? '' : initialBytes / 1024 <= budget ? `within ${budget} KB` : `OVER ${budget} KB`;
  if (budget !== undefined && initialBytes / 1024 > budget) overBudget = true;
  rows.push(`${page.padEnd(12)} initial ${kb(initialBytes).padStart(7)} KB gzip in ${initial.length} chunks; lazy ${kb(lazyBytes).padStart(6)} KB ${verdict}`);
}
console.log(rows.sort().join('\n'));
process.exit(overBudget ? 1 : 0);
