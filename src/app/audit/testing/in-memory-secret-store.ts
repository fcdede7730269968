import type { SecretStore } from '../audit-ports';

/** Installation secrets with the atomic set-if-absent of the real store; every call yields first, as I/O would. */
export class InMemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  async get(name: string): Promise<string | undefined> {
    await Promise.resolve();
    return this.secrets.get(name);
  }

  async setIfAbsent(name: string, value: string): Promise<string> {
    await Promise.resolve();
    const stored = this.secrets.get(name) ?? value;
    this.secrets.set(name, stored);
    return stored;
  }

  /** How many secrets were stored, so tests can tell one creation from several. */
  get size(): number {
    return this.secrets.size;
  }
}
