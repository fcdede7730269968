import { rmSync } from 'node:fs';
import { startMariadb, type MariadbServer } from '../../scripts/parity/mariadb-server';
import { PARITY_SERVER_ENV, type ParityServer } from './parity-server';

type ParityGlobals = { parityMariadb?: MariadbServer };

export default async function globalSetup(): Promise<void> {
  const server = await startMariadb();
  (globalThis as ParityGlobals).parityMariadb = server;
  // An interrupted or killed run never reaches the global teardown: stop the server on the way out
  // (MariaDB ignores the terminal's SIGINT), then let the signal take its usual course.
  const stopServer = (): void => {
    try {
      process.kill(server.pid, 'SIGTERM');
    } catch {
      return; // Already stopped (and cleaned up) by the teardown.
    }
    rmSync(server.baseDir, { recursive: true, force: true });
  };
  process.once('exit', stopServer);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopServer();
      process.kill(process.pid, signal);
    });
  }
  const connection: ParityServer = { host: server.host, port: server.port, user: server.user };
  process.env[PARITY_SERVER_ENV] = JSON.stringify(connection);
}
