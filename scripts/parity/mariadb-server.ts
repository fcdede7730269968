import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * A throw-away MariaDB for the parity suite. CI runs on a fresh Debian machine as root with no database
 * installed, so the suite installs the server itself, starts it on a free loopback port with its data in a
 * temporary folder, and removes everything afterwards. Nothing here touches a system-wide server.
 */

export type MariadbServer = {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly pid: number;
  readonly baseDir: string;
};

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 30_000;

const run = (command: string, args: readonly string[]): SpawnSyncReturns<string> =>
  spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

const describeFailure = (what: string, result: SpawnSyncReturns<string>): Error =>
  new Error(`${what} failed (exit ${String(result.status)}): ${result.stderr || result.stdout || String(result.error)}`);

const isInstalled = (): boolean => run('sh', ['-c', 'command -v mariadbd && command -v mariadb-install-db']).status === 0;

/** Installs `mariadb-server` with apt-get when it is missing; refreshes the package lists only if the first try fails. */
export const ensureMariadbInstalled = (): void => {
  if (isInstalled()) return;
  const install = (): SpawnSyncReturns<string> => run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'mariadb-server']);
  let result = install();
  if (result.status !== 0) {
    const update = run('apt-get', ['update', '-qq']);
    if (update.status !== 0) throw describeFailure('apt-get update', update);
    result = install();
  }
  if (result.status !== 0 || !isInstalled()) throw describeFailure('apt-get install mariadb-server', result);
};

/** A port the kernel just handed out on the loopback interface; the server binds it moments later. */
export const freeLoopbackPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port assigned'))));
    });
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const canConnect = async (port: number): Promise<boolean> => {
  try {
    const connection = await createConnection({ host: HOST, port, user: 'root', connectTimeout: 1000 });
    await connection.end();
    return true;
  } catch {
    return false;
  }
};

const waitUntilReady = async (pid: number, port: number, logFile: string): Promise<void> => {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) throw new Error(`mariadbd exited during start-up:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (await canConnect(port)) return;
    await sleep(100);
  }
  throw new Error(`mariadbd did not accept connections on ${HOST}:${port} within ${READY_TIMEOUT_MS / 1000} s`);
};

const launch = async (baseDir: string, dataDir: string): Promise<MariadbServer> => {
  const port = await freeLoopbackPort();
  const logFile = join(baseDir, `mariadbd-${port}.log`);
  const log = openSync(logFile, 'a');
  // Durability settings are relaxed on purpose: the data is thrown away, and the suite measures behaviour, not fsync.
  const child = spawn(
    'mariadbd',
    [
      '--no-defaults',
      '--user=root',
      `--datadir=${dataDir}`,
      `--socket=${join(baseDir, 'mariadbd.sock')}`,
      `--port=${port}`,
      `--bind-address=${HOST}`,
      '--skip-log-bin',
      '--skip-name-resolve',
      '--innodb-log-file-size=8M',
      '--innodb-buffer-pool-size=64M',
      '--innodb-flush-log-at-trx-commit=2',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_bin',
      '--max-connections=300',
    ],
    // Same process group as the test run, so an interrupted run (Ctrl-C) stops the server too.
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error('mariadbd could not be started');
  await waitUntilReady(pid, port, logFile);
  return { host: HOST, port, user: 'root', pid, baseDir };
};

/** Initialises a data directory under a new temporary folder and starts a server on a free loopback port. */
export const startMariadb = async (): Promise<MariadbServer> => {
  ensureMariadbInstalled();
  const baseDir = mkdtempSync(join(tmpdir(), 'parity-mariadb-'));
  const dataDir = join(baseDir, 'data');
  const init = run('mariadb-install-db', [
    '--no-defaults',
    '--user=root',
    `--datadir=${dataDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  if (init.status !== 0) {
    rmSync(baseDir, { recursive: true, force: true });
    throw describeFailure('mariadb-install-db', init);
  }
  // Another process may take the probed port before the server binds it: try a few fresh ports.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await launch(baseDir, dataDir);
    } catch (error) {
      lastError = error;
    }
  }
  rmSync(baseDir, { recursive: true, force: true });
  throw lastError;
};

/** Stops the server started by `startMariadb` (by its own pid) and deletes its data. */
export const stopMariadb = async (server: MariadbServer): Promise<void> => {
  if (isAlive(server.pid)) process.kill(server.pid, 'SIGTERM');
  const deadline = Date.now() + 15_000;
  while (isAlive(server.pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(server.pid)) process.kill(server.pid, 'SIGKILL');
  rmSync(server.baseDir, { recursive: true, force: true });
};
