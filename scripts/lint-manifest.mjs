#!/usr/bin/env node
/**
 * Offline lint of the Forge manifest and the code it points at: `node scripts/lint-manifest.mjs [--dir <projectDir>]`.
 *
 * `forge lint` needs a login and a server round trip, so CI runs the two offline halves of it instead:
 * 1. `@forge/manifest` validate(): the manifest JSON schema and its cross references (undefined functions,
 *    handler files that do not exist).
 * 2. `@forge/lint` in client-side mode over the shipped sources in src/: handlers the manifest names but the
 *    code does not export, and product REST calls whose OAuth scope the manifest lacks. Scopes are looked up in
 *    the Jira OpenAPI spec committed as a test fixture; the other products get an empty spec so nothing is
 *    ever downloaded.
 *
 * Prints one line per problem, `manifest: <file>:<line> <message>`, and exits 1 when any of them blocks a
 * deploy; otherwise prints `manifest: ok (<n> modules)`.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const require = createRequire(import.meta.url);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const JIRA_SPEC = path.join('test', 'fixtures', 'jira', 'jira-platform-v3.json');
const MANIFEST = 'manifest.yml';
const SOURCE_DIR = 'src';
const SOURCE_FILE = /\.(tsx?|jsx?|cjs)$/;
/** Tests, test builders and the local-only runtimes (sandbox, CLI) never reach the Forge bundle. */
const NOT_SHIPPED_FILE = /(\.test\.[cm]?[jt]sx?|\.d\.ts)$/;
const NOT_SHIPPED_DIRS = new Set(['testing', 'sandbox', 'cli']);
/** Warnings that mean the deployed app would fail: a missing scope or egress permission, a missing handler. */
const BLOCKING_WARNINGS = new Set(['permission-scope-required', 'egress-permission-required', 'valid-module-required']);

const usage = (message) => {
  console.error(`manifest: ${message}\nusage: node scripts/lint-manifest.mjs [--dir <projectDir>]`);
  process.exit(2);
};

const parseArgs = (argv) => {
  let dir = REPO_ROOT;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--dir') {
      const value = argv[i + 1];
      if (!value) usage('--dir needs a directory');
      dir = path.resolve(value);
      i += 1;
    } else {
      usage(`unknown argument ${argv[i]}`);
    }
  }
  return { dir };
};

const listShippedSources = (dir) => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) return NOT_SHIPPED_DIRS.has(entry.name) ? [] : listShippedSources(relative);
      return entry.isFile() && SOURCE_FILE.test(entry.name) && !NOT_SHIPPED_FILE.test(entry.name) ? [relative] : [];
    })
    .sort();
};

const firstLine = (error) => String(error?.message ?? error).split('\n')[0];

const countModules = (manifest) =>
  Object.values(manifest?.modules ?? {}).reduce((count, entries) => count + (Array.isArray(entries) ? entries.length : 0), 0);

/**
 * @forge/lint's own `lint()` would silently skip every .ts file here: it keeps only files listed verbatim by the
 * tsconfig `include` globs, and ours names the directory `src`. So the client-side linters are driven directly,
 * the way `lint()` drives them, over the explicit list of shipped sources.
 */
const runForgeLint = async (manifest, files, problems) => {
  const { getClientSideLintersOnly, parseSourceFile, tsParser } = require('@forge/lint');
  const statsig = {
    getDeprecatedRuntimes: async () => [],
    checkGate: async () => false,
    getDynamicConfig: async () => undefined,
  };
  // A linter that throws is only logged by @forge/lint; here it fails the run, since its checks did not happen.
  const logger = { info: (message) => problems.push({ message: stripVTControlCharacters(String(message)).trim(), blocking: true }) };
  // The linters only walk syntax trees; a type-aware parse would just add seconds (tsc checks the types).
  const parseSyntax = (code, file) => tsParser(code, file, { project: undefined, tsconfigRootDir: undefined });
  const inputs = [];
  for (const file of files) {
    try {
      inputs.push(await parseSourceFile(file, parseSyntax));
    } catch (error) {
      if (error?.code === 'ENOENT') continue; // removed since it was listed; nothing of it can ship
      problems.push({ file, line: error?.lineNumber, message: `cannot parse: ${firstLine(error)}`, blocking: true });
    }
  }
  const linters = await getClientSideLintersOnly(manifest, 'development', logger, statsig);
  await Promise.all(linters.map((linter) => linter.bootstrap()));
  const results = (await Promise.all(linters.map((linter) => linter.batchExecute(inputs)))).flat();
  for (const result of results) {
    for (const rule of [...result.errors, ...result.approvals]) {
      problems.push({ file: result.file, line: rule.line, message: rule.message, blocking: true });
    }
    for (const rule of result.warnings) {
      problems.push({ file: result.file, line: rule.line, message: rule.message, blocking: BLOCKING_WARNINGS.has(rule.reference) });
    }
  }
};

const withEmptySpec = async (run) => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'lint-manifest-'));
  try {
    const empty = path.join(scratch, 'empty-openapi.json');
    writeFileSync(empty, '{"paths":{}}');
    return await run(empty);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};

const formatProblem = ({ file, line, message, blocking }) => {
  const where = file ? `${path.relative(process.cwd(), path.resolve(file))}:${Math.max(1, line ?? 1)} ` : '';
  return `manifest: ${where}${blocking ? '' : 'warning: '}${message.replace(/\s*\n\s*/g, ' ')}`;
};

const main = async () => {
  const { dir } = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(dir, MANIFEST))) {
    console.log(`manifest: ${path.join(dir, MANIFEST)}:1 file not found`);
    return 1;
  }
  const spec = path.join(dir, JIRA_SPEC);
  if (!existsSync(spec)) {
    // Without the spec every REST call would pass the scope check unseen.
    console.log(`manifest: ${spec}:1 Jira OpenAPI spec not found; scopes cannot be checked`);
    return 1;
  }
  // Both packages resolve the manifest and the handler files relative to the working directory.
  process.chdir(dir);

  return withEmptySpec(async (empty) => {
    Object.assign(process.env, {
      FORGE_DISABLE_ANALYTICS: '1',
      USE_LOCAL_SWAGGER: '1',
      LOCAL_JIRA_SWAGGER: spec,
      LOCAL_JSM_SWAGGER: empty,
      LOCAL_JSW_SWAGGER: empty,
      LOCAL_CONF_SWAGGER: empty,
      LOCAL_CONF_V2_SWAGGER: empty,
      LOCAL_BB_SWAGGER: empty,
    });
    const { validate } = require('@forge/manifest');
    const problems = [];
    const validation = await validate(false, MANIFEST);
    for (const error of validation.errors ?? []) {
      const blocking = error.level === 'error' || BLOCKING_WARNINGS.has(error.reference);
      problems.push({ file: MANIFEST, line: error.line, message: error.message, blocking });
    }
    const manifest = validation.manifestObject?.typedContent;
    if (manifest) await runForgeLint(manifest, listShippedSources(SOURCE_DIR), problems);

    // The full manifest linter re-runs the validation above; report each problem once.
    const lines = [...new Set(problems.map(formatProblem))];
    for (const line of lines) console.log(line);
    if (!manifest || problems.some((problem) => problem.blocking)) return 1;
    console.log(`manifest: ok (${countModules(manifest)} modules)`);
    return 0;
  });
};

process.exitCode = await main();
