import { createHash } from 'node:crypto';

/**
 * A signing key's id is derived from the key itself (first 16 hex characters of the SHA-256 of its SPKI DER),
 * so a directory that files a public key under another key's id is recognisable as wrong.
 */
export const keyIdOf = (spkiDer: Uint8Array): string => createHash('sha256').update(spkiDer).digest('hex').slice(0, 16);
