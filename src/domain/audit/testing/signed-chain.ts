import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { completeEntry, prepareEntry, signedBytes } from '../audit-chain';
import type { AuditDraft, AuditEntry, ChainHead } from '../audit-entry';
import { keyIdOf } from '../key-id';

/**
 * Deterministic signed chains for tests and benchmarks. Keys come from fixed seeds (Ed25519 signatures are
 * deterministic too), so every run builds byte-identical chains without any randomness.
 */

export type TestSigningKey = {
  readonly keyId: string;
  readonly publicKeyPem: string;
  readonly sign: (message: Uint8Array) => Uint8Array;
  /** Base64 signature over the entry hash, as the installation signer would produce it. */
  readonly signHash: (hash: string) => string;
};

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export const testSigningKey = (seed: number): TestSigningKey => {
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.alloc(32, seed)]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey.export({ format: 'der', type: 'spki' })),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (message) => sign(null, message, privateKey),
    signHash: (hash) => sign(null, signedBytes(hash), privateKey).toString('base64'),
  };
};

export const publicKeysOf = (...keys: readonly TestSigningKey[]): Record<string, string> =>
  Object.fromEntries(keys.map((key) => [key.keyId, key.publicKeyPem]));

const ACTIONS = ['exception.submitted', 'exception.approved', 'exception.activated', 'exception.reminded'] as const;
const FIRST_AT = Date.UTC(2026, 10, 1, 9, 0, 0);

/** A realistic draft for the `sequence`-th entry: one action per minute across a handful of exceptions. */
export const anAuditDraft = (sequence: number, overrides: Partial<AuditDraft> = {}): AuditDraft => ({
  at: new Date(FIRST_AT + sequence * 60_000).toISOString(),
  actor: sequence % 5 === 0 ? 'system:daily' : `acc-${(sequence % 7) + 1}`,
  action: ACTIONS[sequence % ACTIONS.length] ?? 'exception.submitted',
  issueKey: sequence % 11 === 0 ? null : `SEC-${(sequence % 13) + 1}`,
  payload: { level: 'security-lead', reason: `Decision ${sequence}`, tier: sequence % 2 === 0 ? 'high' : 'low', n: sequence },
  ...overrides,
});

export const signEntry = (previous: ChainHead | null, draft: AuditDraft, key: TestSigningKey): AuditEntry => {
  const unsigned = prepareEntry(previous, draft);
  return completeEntry(unsigned, key.signHash(unsigned.hash), key.keyId);
};

export type SignedChain = {
  readonly entries: AuditEntry[];
  readonly key: TestSigningKey;
  readonly publicKeysPem: Record<string, string>;
  readonly head: ChainHead | null;
};

/** A valid chain of `length` entries signed by `key`; the benchmark builds 100k entries with it. */
export const buildSignedChain = (length: number, key: TestSigningKey = testSigningKey(1)): SignedChain => {
  const entries: AuditEntry[] = [];
  let head: ChainHead | null = null;
  for (let sequence = 1; sequence <= length; sequence += 1) {
    const entry = signEntry(head, anAuditDraft(sequence), key);
    entries.push(entry);
    head = { sequence: entry.sequence, hash: entry.hash };
  }
  return { entries, key, publicKeysPem: publicKeysOf(key), head };
};
