import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';

/**
 * The manifest lint is the only offline guard between the manifest and a failed deploy, so each failure it
 * must catch is proven on a broken copy of the project. Every run costs ~12-20 s of CPU: one run per case.
 */

const REPO = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(REPO, 'scripts', 'lint-manifest.mjs');
const SPEC = path.join('test', 'fixtures', 'jira', 'jira-platform-v3.json');
const LINT_TIMEOUT_MS = 120_000;

const manifestSchema = z.looseObject({
  modules: z.record(z.string(), z.array(z.looseObject({ key: z.string() }))),
  permissions: z.looseObject({ scopes: z.array(z.string()) }),
  resources: z.array(z.looseObject({ key: z.string(), path: z.string() })).default([]),
});
type Manifest = z.infer<typeof manifestSchema>;

const readRealManifest = (): Manifest =>
  manifestSchema.parse(parse(readFileSync(path.join(REPO, 'manifest.yml'), 'utf8')));

type LintRun = { readonly status: number | null; readonly lines: readonly string[] };

const runLint = (args: readonly string[]): Promise<LintRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: REPO });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, lines: output.split('\n').filter((line) => line !== '') }));
  });

const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A throwaway project: the given manifest and sources, plus the committed Jira spec linked in at its usual path. */
const makeProject = (manifest: Manifest, sources: Readonly<Record<string, string>>): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'manifest-case-'));
  scratchDirs.push(dir);
  writeFileSync(path.join(dir, 'manifest.yml'), stringify(manifest));
  for (const [file, text] of Object.entries(sources)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  mkdirSync(path.dirname(path.join(dir, SPEC)), { recursive: true });
  symlinkSync(path.join(REPO, SPEC), path.join(dir, SPEC));
  return dir;
};

const EMPTY_BARREL = { 'src/index.ts': 'export {};\n' };

describe('lint-manifest', () => {
  /**
   * The Custom UI resources are directories of the UI build, which @forge/manifest requires to exist with an
   * index.html; CI builds the UI first. Without a build the real manifest cannot pass, so the test then holds the
   * lint to naming every missing resource instead of pretending the build is there.
   */
  it(
    'passes the real manifest and sources, counting every declared module, once the UI is built',
    async () => {
      const manifest = readRealManifest();
      const moduleCount = Object.values(manifest.modules).reduce((sum, entries) => sum + entries.length, 0);
      const unbuilt = manifest.resources.filter((resource) => !existsSync(path.join(REPO, resource.path, 'index.html')));

      const run = await runLint([]);

      if (unbuilt.length === 0) {
        expect(run).toEqual({ status: 0, lines: [`manifest: ok (${moduleCount} modules)`] });
      } else {
        expect(run.status).toBe(1);
        for (const resource of unbuilt) expect(run.lines.join('\n')).toContain(resource.path);
      }
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'fails on a module field the manifest schema does not know',
    async () => {
      const manifest = readRealManifest();
      expect(manifest.modules['sql']).toHaveLength(1);
      manifest.modules['sql'] = (manifest.modules['sql'] ?? []).map((database) => ({ ...database, replicas: 2 }));

      const run = await runLint(['--dir', makeProject(manifest, EMPTY_BARREL)]);

      expect(run.status).toBe(1);
      expect(run.lines).toContainEqual(
        expect.stringMatching(/^manifest: manifest\.yml:\d+ sql should NOT have additional property 'replicas'$/),
      );
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'fails on a function module whose handler src/index.ts does not export',
    async () => {
      const manifest = readRealManifest();
      manifest.modules['function'] = [{ key: 'risk-score-value', handler: 'index.riskScoreValue' }];
      manifest.modules['jira:customField'] = (manifest.modules['jira:customField'] ?? []).map((field) =>
        field.key === 'exception-risk-score' ? { ...field, view: { value: { function: 'risk-score-value' } } } : field,
      );

      const run = await runLint(['--dir', makeProject(manifest, EMPTY_BARREL)]);

      expect(run.status).toBe(1);
      expect(run.lines).toContainEqual(
        expect.stringMatching(
          /^manifest: src\/index\.ts:\d+ Cannot find exported function "riskScoreValue", which is required by module "risk-score-value"/,
        ),
      );
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'fails on a Jira REST call whose OAuth scope the manifest lacks, naming the scope',
    async () => {
      const manifest = readRealManifest();
      manifest.permissions.scopes = manifest.permissions.scopes.filter((scope: string) => scope !== 'read:jira-work');
      const issueReader = [
        "import api, { route } from '@forge/api';",
        '',
        'export const readIssueStatus = async (key: string): Promise<number> => {',
        '  const response = await api.asApp().requestJira(route`/rest/api/3/issue/${key}`);',
        '  return response.status;',
        '};',
        '',
      ].join('\n');

      const run = await runLint([
        '--dir',
        makeProject(manifest, { ...EMPTY_BARREL, 'src/adapters/jira/issue-reader.ts': issueReader }),
      ]);

      expect(run.status).toBe(1);
      expect(run.lines).toContain(
        'manifest: src/adapters/jira/issue-reader.ts:4 Jira endpoint: GET /rest/api/3/issue/{issueIdOrKey} requires "read:jira-work" scope',
      );
    },
    LINT_TIMEOUT_MS,
  );
});
