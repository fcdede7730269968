import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The layer arrows of DESIGN.md are only as real as the lint rule that enforces them. These tests write probe
 * files that break (and keep) the arrows into src/, lint them with the project's own eslint.config.mjs and
 * assert the boundaries rule reports exactly the forbidden imports.
 *
 * ESLint runs in a child Node process: it loads eslint.config.mjs with a dynamic import(), which Jest's module
 * sandbox refuses without --experimental-vm-modules.
 */

const REPO = path.resolve(__dirname, '..', '..');
const ESLINT_TIMEOUT_MS = 120_000;

const LINT_TO_JSON = `
import { ESLint } from 'eslint';
const eslint = new ESLint({ cwd: process.cwd() });
const results = await eslint.lintFiles(process.argv.slice(1));
process.stdout.write(JSON.stringify(results.map((result) => ({
  filePath: result.filePath,
  messages: result.messages.map(({ ruleId, message }) => ({ ruleId, message })),
}))));
`;

const lintResultsSchema = z.array(
  z.object({
    filePath: z.string(),
    messages: z.array(z.object({ ruleId: z.string().nullable(), message: z.string() })),
  }),
);
type LintMessage = z.infer<typeof lintResultsSchema>[number]['messages'][number];

const lintFiles = (files: readonly string[]): Promise<ReadonlyMap<string, readonly LintMessage[]>> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', LINT_TO_JSON, ...files], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) {
        reject(new Error(`eslint exited with ${String(status)}: ${stderr}`));
        return;
      }
      const results = lintResultsSchema.parse(JSON.parse(stdout));
      resolve(new Map(results.map((result) => [path.relative(REPO, result.filePath), result.messages])));
    });
  });

const id = randomUUID().slice(0, 8);
const probeDirs = ['src/domain/__probe__', 'src/app/__probe__', 'src/adapters/__probe__'];
const adapterTarget = `src/adapters/__probe__/probe-target-${id}.ts`;
const probes = {
  [adapterTarget]: 'export const probeAdapterValue = 1;\n',
  [`src/domain/__probe__/probe-domain-to-adapters-${id}.ts`]: [
    `import { probeAdapterValue } from '../../adapters/__probe__/probe-target-${id}';`,
    '',
    'export const probeDomainValue = probeAdapterValue + 1;',
    '',
  ].join('\n'),
  [`src/app/__probe__/probe-app-to-adapters-${id}.ts`]: [
    `import { probeAdapterValue } from '../../adapters/__probe__/probe-target-${id}';`,
    '',
    'export const probeAppValue = probeAdapterValue + 1;',
    '',
  ].join('\n'),
  [`src/domain/__probe__/probe-clean-${id}.ts`]: [
    "import { ok } from '../shared/result';",
    '',
    'export const probeCleanResult = ok(1);',
    '',
  ].join('\n'),
};
const [, domainToAdapters, appToAdapters, cleanDomain] = Object.keys(probes) as [string, string, string, string];

/** Another run may be probing at the same time: leave its files, and the directory while they are there. */
const removeIfEmpty = (dir: string): void => {
  try {
    rmdirSync(path.join(REPO, dir));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'ENOENT') throw error;
  }
};

let messagesByFile: ReadonlyMap<string, readonly LintMessage[]> = new Map();

beforeAll(async () => {
  try {
    for (const [file, text] of Object.entries(probes)) {
      mkdirSync(path.join(REPO, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(REPO, file), text);
    }
    messagesByFile = await lintFiles(Object.keys(probes));
  } finally {
    for (const file of Object.keys(probes)) rmSync(path.join(REPO, file), { force: true });
    probeDirs.forEach(removeIfEmpty);
  }
}, ESLINT_TIMEOUT_MS);

const boundaryMessages = (file: string): readonly string[] =>
  (messagesByFile.get(file) ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);

describe('layer rule (eslint boundaries/dependencies)', () => {
  it('refuses a domain file importing an adapter', () => {
    expect(boundaryMessages(domainToAdapters)).toEqual([
      'src/domain is pure: it may import only other domain modules',
    ]);
  });

  it('refuses an app file importing an adapter', () => {
    expect(boundaryMessages(appToAdapters)).toEqual([
      'src/app depends on ports, never on adapters or entry points',
    ]);
  });

  it('accepts a domain file importing only the domain', () => {
    expect(messagesByFile.get(cleanDomain)).toEqual([]);
  });

  it('linted every probe, so a missing result cannot pass as a clean one', () => {
    expect([...messagesByFile.keys()].sort()).toEqual(Object.keys(probes).sort());
  });
});
