import { kvs } from '@forge/kvs';
import type { SecretStore } from '../../app/audit/audit-ports';
import { isKeyConflict } from '../kvs/kvs-errors';

export type KvsSecrets = Pick<typeof kvs, 'getSecret' | 'setSecret'>;

/**
 * Installation secrets in KVS's encrypted secret store. `setIfAbsent` writes with FAIL_IF_EXISTS, so of two
 * racing creators (say, two first invocations each generating a signing key) one write wins and both read it back.
 */
export class KvsSecretStore implements SecretStore {
  constructor(private readonly secrets: KvsSecrets = kvs) {}

  async get(name: string): Promise<string | undefined> {
    const value = await this.secrets.getSecret<unknown>(name);
    if (value === undefined || typeof value === 'string') return value;
    throw new Error(`the installation secret "${name}" is not a string; it was not written by this app`);
  }

  async setIfAbsent(name: string, value: string): Promise<string> {
    try {
      await this.secrets.setSecret(name, value, { keyPolicy: 'FAIL_IF_EXISTS' });
      return value;
    } catch (error) {
      if (!isKeyConflict(error)) throw error;
    }
    const stored = await this.get(name);
    if (stored === undefined) throw new Error(`the installation secret "${name}" exists but cannot be read back`);
    return stored;
  }
}
