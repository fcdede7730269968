import { z } from 'zod';

/** How the parity tests find the MariaDB the global setup started: passed to the test workers through the environment. */
export const PARITY_SERVER_ENV = 'PARITY_MARIADB';

const serverSchema = z.object({ host: z.string(), port: z.number().int(), user: z.string() });
export type ParityServer = z.infer<typeof serverSchema>;

export const parityServer = (): ParityServer => {
  const raw = process.env[PARITY_SERVER_ENV];
  if (raw === undefined) throw new Error(`${PARITY_SERVER_ENV} is not set: run the parity suite with jest -c jest.parity.config.js`);
  return serverSchema.parse(JSON.parse(raw));
};
