import { publicKeysOf, type TestSigningKey } from '../../../domain/audit/testing/signed-chain';
import type { PublicKeyDirectory, Signer } from '../audit-ports';

export const signerOf = (key: TestSigningKey): Signer => ({
  keyId: key.keyId,
  sign: (message) => Promise.resolve(key.sign(message)),
});

export const directoryOf = (...keys: readonly TestSigningKey[]): PublicKeyDirectory => ({
  publicKeys: () => Promise.resolve(publicKeysOf(...keys)),
});
