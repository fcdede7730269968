import { createPublicKey } from 'node:crypto';
import { keyIdOf } from './key-id';
import { testSigningKey } from './testing/signed-chain';

const spkiOf = (seed: number): Buffer =>
  createPublicKey(testSigningKey(seed).publicKeyPem).export({ format: 'der', type: 'spki' });

describe('keyIdOf', () => {
  it('is 16 lowercase hex characters, the start of the SHA-256 of the SPKI DER', () => {
    expect(keyIdOf(spkiOf(1))).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is stable for one key and differs between keys', () => {
    expect(keyIdOf(spkiOf(1))).toBe(keyIdOf(spkiOf(1)));
    expect(keyIdOf(spkiOf(1))).not.toBe(keyIdOf(spkiOf(2)));
  });
});
