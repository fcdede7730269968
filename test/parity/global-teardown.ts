import { stopMariadb, type MariadbServer } from '../../scripts/parity/mariadb-server';

type ParityGlobals = { parityMariadb?: MariadbServer };

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as ParityGlobals).parityMariadb;
  if (server !== undefined) await stopMariadb(server);
}
