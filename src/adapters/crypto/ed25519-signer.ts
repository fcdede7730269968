import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { PublicKeyDirectory, SecretStore, Signer } from '../../app/audit/audit-ports';
import { keyIdOf } from '../../domain/audit/key-id';

/** Name of the installation secret that holds the audit signing key. */
export const AUDIT_SIGNING_KEY_SECRET = 'audit-signing-key';

const storedKeySchema = z.object({
  algorithm: z.literal('ed25519'),
  privateKeyPkcs8: z.base64(),
  createdAt: z.iso.datetime({ offset: true }),
});

export type InstallationKey = {
  readonly keyId: string;
  readonly signer: Signer;
  readonly publicKeys: PublicKeyDirectory;
};

/** The stored signing key cannot be used. Its message never contains the secret, only what is wrong with it. */
export class SigningKeyUnreadableError extends Error {
  readonly code = 'AUDIT.SIGNING_KEY_UNREADABLE';

  constructor(reason: string) {
    super(
      `The installation's audit signing key (secret "${AUDIT_SIGNING_KEY_SECRET}") cannot be used: ${reason}. ` +
        'Audit entries cannot be signed until it is restored from a backup; do not replace it, or the entries ' +
        'signed so far can no longer be verified against this installation.',
    );
    this.name = 'SigningKeyUnreadableError';
  }
}

const newKeySecret = (now: Date): string => {
  const { privateKey } = generateKeyPairSync('ed25519');
  return JSON.stringify({
    algorithm: 'ed25519',
    privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    createdAt: now.toISOString(),
  });
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SigningKeyUnreadableError('it is not JSON');
  }
};

const privateKeyFrom = (secret: string): KeyObject => {
  const parsed = storedKeySchema.safeParse(parseJson(secret));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(the secret itself)'))];
    throw new SigningKeyUnreadableError(`these fields are missing or invalid: ${fields.join(', ')}`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(parsed.data.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new SigningKeyUnreadableError('its private key is not a readable PKCS#8 key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyUnreadableError('its private key is not an Ed25519 key');
  return key;
};

/**
 * The installation's Ed25519 audit signing key, created on first use. Racing first uses each generate a key, but
 * `setIfAbsent` keeps only one and hands it to all of them, so every entry is signed by the same key. The private
 * key stays inside the signer's closure: no returned object, log line or error carries it.
 */
export const loadOrCreateInstallationKey = async (secrets: SecretStore, now: Date): Promise<InstallationKey> => {
  const secret =
    (await secrets.get(AUDIT_SIGNING_KEY_SECRET)) ??
    (await secrets.setIfAbsent(AUDIT_SIGNING_KEY_SECRET, newKeySecret(now)));
  const privateKey = privateKeyFrom(secret);
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey.export({ format: 'der', type: 'spki' }));
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  return {
    keyId,
    signer: { keyId, sign: (message) => Promise.resolve(sign(null, message, privateKey)) },
    publicKeys: { publicKeys: () => Promise.resolve({ [keyId]: publicKeyPem }) },
  };
};
