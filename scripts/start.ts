/**
 * `npm start`: builds the Custom UI, starts the sandbox (Jira stand-in, local Forge runtime, SQLite or MariaDB, the app
 * installed and a project set up, a demo register) and serves the host page on a printed localhost URL.
 *
 * Environment: PORT (default: a free port), SANDBOX_DB (mysql://user:password@host:port/database; default SQLite in
 * .sandbox-data/), SANDBOX_SIZE (demo exceptions, default 300; 0 for an empty project), SANDBOX_SKIP_UI_BUILD=1 to
 * serve the build already in static/build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEMO_SEED, defaultSandboxOptions, REPO_ROOT, startSandbox } from '../src/sandbox/server/start-sandbox';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  SANDBOX_DB: z.string().optional(),
  SANDBOX_SIZE: z.coerce.number().int().min(0).max(100_000).default(300),
  SANDBOX_SKIP_UI_BUILD: z.enum(['0', '1']).default('0'),
});

const run = (args: readonly string[]): void => {
  const result = spawnSync('npm', args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${String(result.status)})`);
};

const main = async (): Promise<void> => {
  const env = envSchema.parse(process.env);
  if (env.SANDBOX_SKIP_UI_BUILD === '0') {
    if (!existsSync(join(REPO_ROOT, 'static', 'node_modules'))) {
      console.log('Installing the Custom UI packages (npm --prefix static ci)');
      run(['--prefix', 'static', 'ci', '--no-audit', '--no-fund']);
    }
    console.log('Building the Custom UI (npm --prefix static run build)');
    run(['--prefix', 'static', 'run', 'build']);
  }
  const sandbox = await startSandbox({
    ...defaultSandboxOptions(),
    port: env.PORT,
    databaseUrl: env.SANDBOX_DB,
    seed: env.SANDBOX_SIZE === 0 ? null : { ...DEMO_SEED, size: env.SANDBOX_SIZE },
    log: (line) => console.log(line),
  });
  console.log(`\nThe sandbox is ready: ${sandbox.url}\nSwitch people, the colour mode and the clock in the top bar. Ctrl+C stops it.`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
