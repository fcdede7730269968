import { startMariadb, type MariadbServer } from '../../scripts/parity/mariadb-server';
import { PARITY_SERVER_ENV, type ParityServer } from './parity-server';

type ParityGlobals = { parityMariadb?: MariadbServer };

export default async function globalSetup(): Promise<void> {
  const server = await startMariadb();
  (globalThis as ParityGlobals).parityMariadb = server;
  const connection: ParityServer = { host: server.host, port: server.port, user: server.user };
  process.env[PARITY_SERVER_ENV] = JSON.stringify(connection);
}
