import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { inspect } from 'node:util';
import { appendAuditEntry } from '../../app/audit/append-audit-entry';
import { InMemoryAuditStore } from '../../app/audit/testing/in-memory-audit-store';
import { InMemorySecretStore } from '../../app/audit/testing/in-memory-secret-store';
import { verifyChain } from '../../domain/audit/audit-chain';
import { keyIdOf } from '../../domain/audit/key-id';
import { anAuditDraft } from '../../domain/audit/testing/signed-chain';
import { AUDIT_SIGNING_KEY_SECRET, SigningKeyUnreadableError, loadOrCreateInstallationKey } from './ed25519-signer';

const FIRST_USE = new Date('2026-11-23T10:00:00Z');
const LATER = new Date('2026-12-01T10:00:00Z');

const storedSecret = async (secrets: InMemorySecretStore): Promise<string> => {
  const secret = await secrets.get(AUDIT_SIGNING_KEY_SECRET);
  if (secret === undefined) throw new Error('no signing key was stored');
  return secret;
};

const privateKeyOf = async (secrets: InMemorySecretStore): Promise<string> =>
  (JSON.parse(await storedSecret(secrets)) as { privateKeyPkcs8: string }).privateKeyPkcs8;

describe('loadOrCreateInstallationKey', () => {
  it('creates one Ed25519 key on first use, identified by the start of the SHA-256 of its SPKI DER', async () => {
    const secrets = new InMemorySecretStore();
    const key = await loadOrCreateInstallationKey(secrets, FIRST_USE);
    const publicKeys = await key.publicKeys.publicKeys();
    const pem = publicKeys[key.keyId] ?? '';

    expect(Object.keys(publicKeys)).toEqual([key.keyId]);
    expect(key.keyId).toBe(keyIdOf(createPublicKey(pem).export({ format: 'der', type: 'spki' })));
    expect(key.signer.keyId).toBe(key.keyId);
    expect(secrets.size).toBe(1);
    expect(JSON.parse(await storedSecret(secrets))).toMatchObject({ algorithm: 'ed25519', createdAt: FIRST_USE.toISOString() });
  });

  it('signs with the key whose public half the directory exports', async () => {
    const key = await loadOrCreateInstallationKey(new InMemorySecretStore(), FIRST_USE);
    const message = Buffer.from('a'.repeat(64), 'hex');
    const pem = (await key.publicKeys.publicKeys())[key.keyId] ?? '';
    expect(verify(null, message, pem, await key.signer.sign(message))).toBe(true);
  });

  it('loads the same key on later uses instead of creating another', async () => {
    const secrets = new InMemorySecretStore();
    const first = await loadOrCreateInstallationKey(secrets, FIRST_USE);
    const stored = await storedSecret(secrets);
    const later = await loadOrCreateInstallationKey(secrets, LATER);
    expect(later.keyId).toBe(first.keyId);
    expect(await storedSecret(secrets)).toBe(stored);
  });

  it('makes racing first uses converge on a single key', async () => {
    const secrets = new InMemorySecretStore();
    const keys = await Promise.all(Array.from({ length: 5 }, () => loadOrCreateInstallationKey(secrets, FIRST_USE)));
    expect(new Set(keys.map((key) => key.keyId)).size).toBe(1);
    expect(secrets.size).toBe(1);
  });

  it('signs an audit chain that verifies against its exported public keys', async () => {
    const key = await loadOrCreateInstallationKey(new InMemorySecretStore(), FIRST_USE);
    const store = new InMemoryAuditStore();
    const deps = { store, signer: key.signer, pauseBeforeRetry: () => Promise.resolve() };
    for (let n = 1; n <= 10; n += 1) await appendAuditEntry(deps, anAuditDraft(n));
    const result = verifyChain(await store.page(0, 100), await key.publicKeys.publicKeys());
    expect(result).toMatchObject({ ok: true, count: 10 });
  });

  it('keeps the private key out of every object it returns', async () => {
    const secrets = new InMemorySecretStore();
    const key = await loadOrCreateInstallationKey(secrets, FIRST_USE);
    const privateKey = await privateKeyOf(secrets);
    expect(JSON.stringify(key)).not.toContain(privateKey);
    expect(inspect(key, { depth: Infinity, showHidden: true })).not.toContain(privateKey);
    expect(inspect(key, { depth: Infinity, showHidden: true })).not.toMatch(/PRIVATE KEY|KeyObject/);
  });

  const otherAlgorithmKey = generateKeyPairSync('x25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  const secretLooking = 'U0VDUkVULUtFWS1NQVRFUklBTA==';
  it.each([
    ['it is not JSON', `{"privateKeyPkcs8":"${secretLooking}"`, 'not JSON'],
    ['a field is missing', JSON.stringify({ algorithm: 'ed25519', privateKeyPkcs8: secretLooking }), 'createdAt'],
    [
      'the key bytes are not a key',
      JSON.stringify({ algorithm: 'ed25519', privateKeyPkcs8: secretLooking, createdAt: FIRST_USE.toISOString() }),
      'not a readable PKCS#8 key',
    ],
    [
      'the key is of another algorithm',
      JSON.stringify({ algorithm: 'ed25519', privateKeyPkcs8: otherAlgorithmKey, createdAt: FIRST_USE.toISOString() }),
      'not an Ed25519 key',
    ],
  ])('refuses a stored key when %s, without repeating the secret', async (_case, secret, reason) => {
    const secrets = new InMemorySecretStore();
    await secrets.setIfAbsent(AUDIT_SIGNING_KEY_SECRET, secret);
    const loading = loadOrCreateInstallationKey(secrets, FIRST_USE);

    await expect(loading).rejects.toThrow(SigningKeyUnreadableError);
    await expect(loading).rejects.toMatchObject({ code: 'AUDIT.SIGNING_KEY_UNREADABLE' });
    const error = await loading.catch((caught: unknown) => caught);
    const shown = inspect(error);
    expect(shown).toContain(reason);
    expect(shown).not.toContain(secretLooking);
    expect(shown).not.toContain(otherAlgorithmKey);
    expect(await storedSecret(secrets)).toBe(secret);
  });
});
