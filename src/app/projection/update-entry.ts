import type { RegisterEntry, RegisterRepository, StoredRegisterEntry } from '../ports/register-repository';
import { StorageError } from '../ports/storage-error';

const MAX_ATTEMPTS = 5;

/**
 * Saves a change to one register entry against the version it was read at, reading it again when another writer
 * saved first; `change` answers undefined when the entry needs no write. After five lost races in a row it gives up
 * with STORAGE.CONTENDED, `what` naming the change.
 */
export const updateEntry = async (
  register: RegisterRepository,
  issueKey: string,
  change: (current: StoredRegisterEntry) => RegisterEntry | undefined,
  what: string,
): Promise<'updated' | 'unchanged' | 'absent'> => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = await register.get(issueKey);
    if (current === null) return 'absent';
    const next = change(current);
    if (next === undefined) return 'unchanged';
    if ((await register.save(next, current.version)).ok) return 'updated';
  }
  throw new StorageError('STORAGE.CONTENDED', `${what} lost ${MAX_ATTEMPTS} races in a row`, undefined);
};
