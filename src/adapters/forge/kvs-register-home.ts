import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { RegisterHomeStore } from '../../app/admin/admin-ports';
import { issueKeySchema } from '../../domain/exception/security-exception';

/**
 * The register's home: an issue in a set-up project that installation-wide notices (the monthly report) are sent
 * about, since Jira e-mails only about an issue, and the site's address for the links in notices. Project set-up
 * writes it; until then there is none, and what depends on it says so instead of inventing one.
 */
export const REGISTER_HOME_KEY = 'setup:register-home';

export const registerHomeSchema = z.object({
  projectKey: z.string().min(1).max(64),
  issueKey: issueKeySchema,
  siteUrl: z.url({ protocol: /^https?$/ }),
});
export type RegisterHome = z.infer<typeof registerHomeSchema>;

export type KvsRegisterHomeClient = Pick<typeof kvs, 'get' | 'set'>;

export class KvsRegisterHome implements RegisterHomeStore {
  constructor(private readonly client: KvsRegisterHomeClient = kvs) {}

  /** Null when set-up has not recorded one, or what is stored is not a home this app wrote. */
  async get(): Promise<RegisterHome | null> {
    const stored = registerHomeSchema.safeParse(await this.client.get<unknown>(REGISTER_HOME_KEY));
    return stored.success ? stored.data : null;
  }

  async set(home: RegisterHome): Promise<void> {
    await this.client.set(REGISTER_HOME_KEY, registerHomeSchema.parse(home));
  }
}
