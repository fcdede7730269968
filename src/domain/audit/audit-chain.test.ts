import fc from 'fast-check';
import {
  GENESIS_HASH,
  canonicalPayload,
  completeEntry,
  createChainInspector,
  createChainVerifier,
  entryHash,
  prepareEntry,
  signedBytes,
  verifyChain,
  type ChainVerificationOptions,
  type VerificationMode,
} from './audit-chain';
import type { AuditEntry, ChainBreakKind, ChainHead, ChainVerification } from './audit-entry';
import {
  anAuditDraft,
  buildSignedChain,
  publicKeysOf,
  signEntry,
  testSigningKey,
  type SignedChain,
} from './testing/signed-chain';

const chain = buildSignedChain(20);
const otherKey = testSigningKey(2);

const at = (entries: readonly AuditEntry[], sequence: number): AuditEntry => {
  const entry = entries.find((candidate) => candidate.sequence === sequence);
  if (entry === undefined) throw new Error(`test chain has no entry ${sequence}`);
  return entry;
};

const headOf = (entry: AuditEntry): ChainHead => ({ sequence: entry.sequence, hash: entry.hash });

const replaced = (entries: readonly AuditEntry[], sequence: number, entry: AuditEntry): AuditEntry[] =>
  entries.map((candidate) => (candidate.sequence === sequence ? entry : candidate));

/** What someone with database access but without the private key can do: edit fields and recompute hashes. */
const rehashed = (entry: Omit<AuditEntry, 'hash'>): AuditEntry => ({ ...entry, hash: entryHash(entry) });

const breakOf = (result: ChainVerification): { kind: ChainBreakKind; sequence: number } | 'ok' =>
  result.ok ? 'ok' : { kind: result.kind, sequence: result.sequence };

const MODES: readonly VerificationMode[] = ['full', 'fast'];

/** The first `rotateAfter` entries of `original`, then entries up to `length` signed by another key, as after a key rotation. */
const rotatedChain = (original: SignedChain, length: number, rotateAfter: number): AuditEntry[] => {
  const rotated = original.entries.slice(0, rotateAfter);
  for (let sequence = rotateAfter + 1; sequence <= length; sequence += 1) {
    const previous = rotated.at(-1);
    rotated.push(signEntry(previous === undefined ? null : headOf(previous), anAuditDraft(sequence), otherKey));
  }
  return rotated;
};

describe('canonicalPayload', () => {
  it('produces the RFC 8785 serialisation (the example of section 3.2.3)', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    ) as Parameters<typeof canonicalPayload>[0];
    expect(canonicalPayload(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('is a fixed point: canonicalising the parsed canonical form gives it back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const canonical = canonicalPayload(value as Parameters<typeof canonicalPayload>[0]);
        expect(canonicalPayload(JSON.parse(canonical) as Parameters<typeof canonicalPayload>[0])).toBe(canonical);
      }),
    );
  });

  it('does not depend on the order in which object keys were written', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalPayload(reversed)).toBe(canonicalPayload(record));
      }),
    );
  });
});

describe('entryHash', () => {
  const entry = at(chain.entries, 7);

  it('is the SHA-256 hex of the sealed fields and ignores every other field', () => {
    const { sequence, at: when, actor, action, issueKey, previousHash } = entry;
    const sealed = { sequence, at: when, actor, action, issueKey, canonicalPayload: entry.canonicalPayload, previousHash };
    expect(entryHash(entry)).toMatch(/^[0-9a-f]{64}$/);
    const withOtherUnsealedFields: AuditEntry = { ...entry, signature: 'other', keyId: 'other', payload: 'other' };
    expect(entryHash(withOtherUnsealedFields)).toBe(entryHash(sealed));
  });

  it.each([
    ['sequence', { sequence: 8 }],
    ['at', { at: '2026-11-01T09:07:00.001Z' }],
    ['actor', { actor: 'acc-mallory' }],
    ['action', { action: 'exception.revoked' }],
    ['issueKey', { issueKey: null }],
    ['canonicalPayload', { canonicalPayload: '{"level":"ciso"}' }],
    ['previousHash', { previousHash: GENESIS_HASH }],
  ])('changes when %s changes', (_field, change) => {
    expect(entryHash({ ...entry, ...change })).not.toBe(entryHash(entry));
  });
});

describe('prepareEntry and completeEntry', () => {
  it('starts the chain at sequence 1, linked to the genesis hash', () => {
    const first = prepareEntry(null, anAuditDraft(1));
    expect(first).toMatchObject({ sequence: 1, previousHash: GENESIS_HASH });
    expect(first.hash).toBe(entryHash(first));
  });

  it('links each entry to the head it was prepared on', () => {
    const head: ChainHead = { sequence: 41, hash: 'a'.repeat(64) };
    expect(prepareEntry(head, anAuditDraft(42))).toMatchObject({ sequence: 42, previousHash: head.hash });
  });

  it('carries exactly the payload that is hashed: the parse of its canonical form', () => {
    const unsigned = prepareEntry(null, anAuditDraft(1, { payload: { b: [1, 2], a: 'x', c: -0 } }));
    expect(unsigned.canonicalPayload).toBe('{"a":"x","b":[1,2],"c":0}');
    expect(unsigned.payload).toEqual({ a: 'x', b: [1, 2], c: 0 });
  });

  it('signs the 32 bytes of the hash and records the signing key', () => {
    const unsigned = prepareEntry(null, anAuditDraft(1));
    expect(signedBytes(unsigned.hash)).toHaveLength(32);
    expect(completeEntry(unsigned, 'c2ln', 'key-1')).toEqual({ ...unsigned, signature: 'c2ln', keyId: 'key-1' });
  });
});

describe.each(MODES)('verifyChain (%s) on an untouched chain', (mode) => {
  it('accepts it and reports its head and length', () => {
    expect(verifyChain(chain.entries, chain.publicKeysPem, { mode })).toEqual({ ok: true, count: 20, head: chain.head });
  });

  it('accepts it against a checkpoint at its head or anywhere before', () => {
    expect(verifyChain(chain.entries, chain.publicKeysPem, { mode, anchor: headOf(at(chain.entries, 20)) }).ok).toBe(true);
    expect(verifyChain(chain.entries, chain.publicKeysPem, { mode, anchor: headOf(at(chain.entries, 12)) }).ok).toBe(true);
  });

  it('accepts an empty chain without a checkpoint', () => {
    expect(verifyChain([], chain.publicKeysPem, { mode })).toEqual({ ok: true, count: 0, head: null });
  });

  it('accepts entries signed by several keys of the directory, as after a key rotation', () => {
    const rotated = rotatedChain(chain, 15, 10);
    expect(verifyChain(rotated, publicKeysOf(chain.key, otherKey), { mode })).toMatchObject({ ok: true, count: 15 });
  });

  it('verifies page by page, carrying the head, exactly as in one call', () => {
    const verify = createChainVerifier(chain.publicKeysPem);
    let startAfter: ChainHead | undefined;
    for (let from = 0; from < chain.entries.length; from += 7) {
      const page = chain.entries.slice(from, from + 7);
      const followedBy = chain.entries[from + 7];
      const result = verify(page, { mode, startAfter, followedBy, anchor: headOf(at(chain.entries, 20)) });
      if (!result.ok || result.head === null) throw new Error(`page from ${from} failed: ${JSON.stringify(result)}`);
      startAfter = result.head;
    }
    expect(startAfter).toEqual(chain.head);
  });
});

type Tampered = {
  readonly entries: readonly AuditEntry[];
  readonly publicKeysPem?: Readonly<Record<string, string>>;
  readonly options?: ChainVerificationOptions;
};

const forgedDraft = anAuditDraft(7, { actor: 'acc-mallory', action: 'exception.approved', payload: { level: 'ciso' } });

const tamperings: ReadonlyArray<{
  readonly name: string;
  readonly kind: ChainBreakKind;
  readonly sequence: number;
  /**
   * Only the signature or key id of an entry that fast verification does not check was changed: the audit
   * content is untouched, and fast verification does not see it (see lastOfEachKeyRunThenBisect).
   */
  readonly signatureOnly?: true;
  readonly tamper: (original: SignedChain) => Tampered;
}> = [
  {
    name: 'the payload of entry 7 is edited',
    kind: 'modified-entry',
    sequence: 7,
    tamper: ({ entries }) => {
      const payload = { level: 'ciso', reason: 'Approved by the CISO' };
      return { entries: replaced(entries, 7, { ...at(entries, 7), payload, canonicalPayload: canonicalPayload(payload) }) };
    },
  },
  {
    name: 'the actor of entry 7 is edited and its hash recomputed, which only the signature can reveal',
    kind: 'bad-signature',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: replaced(entries, 7, rehashed({ ...at(entries, 7), actor: 'acc-mallory' })) }),
  },
  {
    name: 'the sequence number of entry 7 is edited',
    kind: 'modified-entry',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: replaced(entries, 7, { ...at(entries, 7), sequence: 70 }) }),
  },
  {
    name: 'the previous hash of entry 7 is edited',
    kind: 'modified-entry',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: replaced(entries, 7, { ...at(entries, 7), previousHash: 'f'.repeat(64) }) }),
  },
  {
    name: 'the stored hash of entry 7 is edited',
    kind: 'modified-entry',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: replaced(entries, 7, { ...at(entries, 7), hash: 'e'.repeat(64) }) }),
  },
  {
    name: 'entry 7 is deleted',
    kind: 'deleted-entry',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: entries.filter((entry) => entry.sequence !== 7) }),
  },
  {
    name: 'entries 7 to 9 are deleted',
    kind: 'deleted-entry',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: entries.filter((entry) => entry.sequence < 7 || entry.sequence > 9) }),
  },
  {
    name: 'entry 7 is deleted and the later ones renumbered and re-hashed to close the gap',
    kind: 'deleted-entry',
    sequence: 7,
    tamper: ({ entries }) => ({
      entries: entries
        .filter((entry) => entry.sequence !== 7)
        .map((entry) => (entry.sequence > 7 ? rehashed({ ...entry, sequence: entry.sequence - 1 }) : entry)),
    }),
  },
  {
    name: 'a forged entry is inserted after entry 6',
    kind: 'inserted-entry',
    sequence: 7,
    tamper: ({ entries, key }) => {
      const forged = completeEntry(prepareEntry(headOf(at(entries, 6)), forgedDraft), 'AAAA', key.keyId);
      return { entries: [...entries.slice(0, 6), forged, ...entries.slice(6)] };
    },
  },
  {
    name: 'an old entry (3) is replayed after entry 9',
    kind: 'inserted-entry',
    sequence: 10,
    tamper: ({ entries }) => ({ entries: [...entries.slice(0, 9), at(entries, 3), ...entries.slice(9)] }),
  },
  {
    name: 'entries 7 and 8 are swapped',
    kind: 'reordered-entries',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: [...entries.slice(0, 6), at(entries, 8), at(entries, 7), ...entries.slice(8)] }),
  },
  {
    name: 'entries 7 and 8 swap their sequence numbers, so they still read in ascending order',
    kind: 'reordered-entries',
    sequence: 7,
    tamper: ({ entries }) => ({
      entries: [
        ...entries.slice(0, 6),
        { ...at(entries, 8), sequence: 7 },
        { ...at(entries, 7), sequence: 8 },
        ...entries.slice(8),
      ],
    }),
  },
  {
    name: 'the signature of entry 7 is replaced by that of entry 8',
    kind: 'bad-signature',
    sequence: 7,
    signatureOnly: true,
    tamper: ({ entries }) => ({ entries: replaced(entries, 7, { ...at(entries, 7), signature: at(entries, 8).signature }) }),
  },
  {
    name: 'the signature of entry 7 is re-encoded with characters a lenient base64 decoder skips',
    kind: 'bad-signature',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: replaced(entries, 7, { ...at(entries, 7), signature: `${at(entries, 7).signature}\n` }) }),
  },
  {
    name: 'entry 7 is edited and re-signed with a key outside the directory that claims the real key id',
    kind: 'bad-signature',
    sequence: 7,
    tamper: ({ entries, key }) => {
      const forged = prepareEntry(headOf(at(entries, 6)), forgedDraft);
      return { entries: replaced(entries, 7, completeEntry(forged, testSigningKey(3).signHash(forged.hash), key.keyId)) };
    },
  },
  {
    name: 'entry 7 is signed with another key of the directory while claiming the real key id',
    kind: 'wrong-key',
    sequence: 7,
    signatureOnly: true,
    tamper: ({ entries, key }) => {
      const original = at(entries, 7);
      return {
        entries: replaced(entries, 7, { ...original, signature: otherKey.signHash(original.hash), keyId: key.keyId }),
        publicKeysPem: publicKeysOf(key, otherKey),
      };
    },
  },
  {
    name: 'the signature of the last entry, which seals all the others, is replaced by that of entry 19',
    kind: 'bad-signature',
    sequence: 20,
    tamper: ({ entries }) => ({ entries: replaced(entries, 20, { ...at(entries, 20), signature: at(entries, 19).signature }) }),
  },
  {
    name: 'the last entry is signed with another key of the directory while claiming the real key id',
    kind: 'wrong-key',
    sequence: 20,
    tamper: ({ entries, key }) => {
      const original = at(entries, 20);
      return {
        entries: replaced(entries, 20, { ...original, signature: otherKey.signHash(original.hash), keyId: key.keyId }),
        publicKeysPem: publicKeysOf(key, otherKey),
      };
    },
  },
  {
    name: 'the signature of entry 7 is cut short',
    kind: 'bad-signature',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: replaced(entries, 7, { ...at(entries, 7), signature: 'AAAA' }) }),
  },
  {
    name: 'entry 7 names another key of the directory than the one that signed it',
    kind: 'wrong-key',
    sequence: 7,
    tamper: ({ entries, key }) => ({
      entries: replaced(entries, 7, { ...at(entries, 7), keyId: otherKey.keyId }),
      publicKeysPem: publicKeysOf(key, otherKey),
    }),
  },
  {
    name: 'entry 7 names a key id the directory does not know',
    kind: 'unknown-key',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: replaced(entries, 7, { ...at(entries, 7), keyId: '0123456789abcdef' }) }),
  },
  {
    name: 'entry 7 names a key id that only exists on the object prototype',
    kind: 'unknown-key',
    sequence: 7,
    tamper: ({ entries }) => ({ entries: replaced(entries, 7, { ...at(entries, 7), keyId: 'constructor' }) }),
  },
  {
    name: 'the directory holds an unreadable public key',
    kind: 'unknown-key',
    sequence: 1,
    tamper: ({ entries, key }) => ({ entries, publicKeysPem: { [key.keyId]: 'not a key' } }),
  },
  {
    name: 'the directory files another public key under the real key id',
    kind: 'unknown-key',
    sequence: 1,
    tamper: ({ entries, key }) => ({ entries, publicKeysPem: { [key.keyId]: otherKey.publicKeyPem } }),
  },
  {
    name: 'the last five entries are cut off, against a checkpoint at entry 20',
    kind: 'truncated-tail',
    sequence: 16,
    tamper: ({ entries }) => ({ entries: entries.slice(0, 15), options: { anchor: headOf(at(entries, 20)) } }),
  },
  {
    name: 'the whole chain is cut off, against a checkpoint at entry 20',
    kind: 'truncated-tail',
    sequence: 1,
    tamper: ({ entries }) => ({ entries: [], options: { anchor: headOf(at(entries, 20)) } }),
  },
  {
    name: 'entry 15 is edited and re-hashed and the later ones re-linked, against a checkpoint at entry 15',
    kind: 'bad-signature',
    sequence: 15,
    tamper: ({ entries }) => {
      const rewritten = entries.slice(0, 14);
      for (const original of entries.slice(14)) {
        const previous = at(rewritten, original.sequence - 1);
        const relinked = { ...original, previousHash: previous.hash };
        rewritten.push(rehashed(original.sequence === 15 ? { ...relinked, actor: 'acc-mallory' } : relinked));
      }
      return { entries: rewritten, options: { anchor: headOf(at(entries, 15)) } };
    },
  },
  {
    name: 'the chain is rewritten from entry 12 and re-signed with the real key, against a checkpoint at entry 15',
    kind: 'anchor-mismatch',
    sequence: 15,
    tamper: ({ entries, key }) => {
      const rewritten = entries.slice(0, 11);
      for (let sequence = 12; sequence <= 20; sequence += 1) {
        const previous = rewritten.at(-1);
        const draft = anAuditDraft(sequence, sequence === 12 ? { payload: { level: 'ciso' } } : {});
        rewritten.push(signEntry(previous === undefined ? null : headOf(previous), draft, key));
      }
      return { entries: rewritten, options: { anchor: headOf(at(entries, 15)) } };
    },
  },
];

const verifyTampered = (tampered: Tampered, mode: VerificationMode): ChainVerification =>
  verifyChain(tampered.entries, tampered.publicKeysPem ?? chain.publicKeysPem, { ...tampered.options, mode });

describe.each(MODES)('verifyChain (%s) on a tampered chain of 20 entries', (mode) => {
  const seen = tamperings.filter((tampering) => mode === 'full' || tampering.signatureOnly !== true);

  it.each(seen)('when $name it reports $kind at entry $sequence', ({ tamper, kind, sequence }) => {
    const result = verifyTampered(tamper(chain), mode);
    expect(breakOf(result)).toEqual({ kind, sequence });
    expect(result.ok ? '' : result.message).toContain(String(sequence));
  });

  it('recognises an entry inserted as the last of a page by the first entry of the next page', () => {
    const forged = completeEntry(prepareEntry(headOf(at(chain.entries, 7)), forgedDraft), 'AAAA', chain.key.keyId);
    const verify = createChainVerifier(chain.publicKeysPem);
    const firstPage = verify(chain.entries.slice(0, 7), { mode });
    if (!firstPage.ok || firstPage.head === null) throw new Error('the untouched first page must verify');
    const secondPage = verify([forged], { mode, startAfter: firstPage.head, followedBy: at(chain.entries, 8) });
    expect(breakOf(secondPage)).toEqual({ kind: 'inserted-entry', sequence: 8 });
  });

  it('writes messages that say what happened and what to do', () => {
    const result = verifyChain(
      chain.entries.filter((entry) => entry.sequence !== 7),
      chain.publicKeysPem,
      { mode },
    );
    expect(result.ok ? '' : result.message).toBe(
      'Audit entry 7 is missing: entry 6 is followed by entry 8, so they were deleted. Restore them from a backup ' +
        'of the audit table or an exported audit package.',
    );
  });
});

describe('createChainInspector', () => {
  const inspect = createChainInspector(chain.publicKeysPem);

  it.each([
    { on: 'an untouched chain', entries: chain.entries, options: {}, signed: 20 },
    { on: 'a chain missing entry 7', entries: chain.entries.filter((entry) => entry.sequence !== 7), options: {}, signed: 6 },
    {
      on: 'a chain cut off after entry 15, against a checkpoint at entry 20',
      entries: chain.entries.slice(0, 15),
      options: { anchor: headOf(at(chain.entries, 20)) },
      signed: 15,
    },
    {
      on: 'a chain whose entry 15 differs from its checkpoint, which is checked after its signature',
      entries: chain.entries,
      options: { anchor: { sequence: 15, hash: 'a'.repeat(64) } },
      signed: 15,
    },
  ])('on $on, leaves the signatures of the first $signed entries to verify', ({ entries, options, signed }) => {
    expect(inspect(entries, options).signed).toBe(signed);
  });

  it('hands out the signature of an inspected entry, over its hash, and refuses one of an entry past a break', () => {
    const inspection = inspect(chain.entries.filter((entry) => entry.sequence !== 7));
    expect(inspection.signatureCheck(5)).toMatchObject({ message: signedBytes(at(chain.entries, 6).hash) });
    expect(() => inspection.signatureCheck(6)).toThrow(RangeError);
  });
});

describe('fast verification of a signature-only edit on an entry it does not check', () => {
  it.each(tamperings.filter((tampering) => tampering.signatureOnly === true))(
    'when $name it accepts the chain, whose audit content is exactly what the last signature seals',
    ({ tamper }) => {
      const tampered = tamper(chain);
      expect(tampered.entries.map(entryHash)).toEqual(chain.entries.map((entry) => entry.hash));
      expect(verifyTampered(tampered, 'fast')).toEqual({ ok: true, count: 20, head: chain.head });
    },
  );
});

describe.each(MODES)('verifyChain (%s) detects every single tampering of a valid chain', (mode) => {
  const small = buildSignedChain(12);
  const anchor = small.head ?? undefined;
  const verifySmall = (entries: readonly AuditEntry[]): ChainVerification =>
    verifyChain(entries, small.publicKeysPem, anchor === undefined ? { mode } : { anchor, mode });

  const text = fc.string({ maxLength: 80 });
  const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
  const fieldMutation = fc.oneof(
    fc.record({ field: fc.constant('sequence' as const), value: fc.oneof(fc.integer(), fc.double()) }),
    fc.record({ field: fc.constantFrom('at' as const, 'actor' as const, 'action' as const, 'signature' as const, 'keyId' as const), value: text }),
    fc.record({ field: fc.constant('issueKey' as const), value: fc.option(text) }),
    fc.record({
      field: fc.constant('canonicalPayload' as const),
      value: fc.jsonValue().map((value) => canonicalPayload(value as Parameters<typeof canonicalPayload>[0])),
    }),
    fc.record({ field: fc.constantFrom('hash' as const, 'previousHash' as const), value: fc.oneof(hex, text) }),
  );

  it('a change to any sealed field, the signature or the key id of one entry, reported at that entry', () => {
    fc.assert(
      fc.property(fc.nat({ max: small.entries.length - 1 }), fieldMutation, (index, { field, value }) => {
        const original = small.entries[index];
        if (original === undefined || Object.is(original[field], value)) return;
        const mutated = small.entries.map((entry, at) => (at === index ? { ...entry, [field]: value } : entry));
        expect(verifySmall(mutated)).toMatchObject({ ok: false, sequence: index + 1 });
      }),
    );
  });

  it('the deletion of any entry, the last one included, reported at that entry', () => {
    fc.assert(
      fc.property(fc.nat({ max: small.entries.length - 1 }), (index) => {
        const result = verifySmall(small.entries.filter((_entry, at) => at !== index));
        expect(breakOf(result)).toEqual({ kind: index === small.entries.length - 1 ? 'truncated-tail' : 'deleted-entry', sequence: index + 1 });
      }),
    );
  });

  it('moving any entry elsewhere, reported as re-ordering at the first position that changed', () => {
    const last = small.entries.length - 1;
    fc.assert(
      fc.property(fc.nat({ max: last }), fc.nat({ max: last }), (from, to) => {
        fc.pre(from !== to);
        const moved = small.entries.filter((_entry, at) => at !== from);
        moved.splice(to, 0, small.entries[from] as AuditEntry);
        expect(breakOf(verifySmall(moved))).toEqual({ kind: 'reordered-entries', sequence: Math.min(from, to) + 1 });
      }),
    );
  });

  it('replaying any entry at any later position, reported as an insertion', () => {
    const last = small.entries.length - 1;
    fc.assert(
      fc.property(fc.nat({ max: last }), fc.nat({ max: last }), (replayed, after) => {
        fc.pre(after >= replayed);
        const withReplay = [...small.entries];
        withReplay.splice(after + 1, 0, small.entries[replayed] as AuditEntry);
        expect(verifySmall(withReplay)).toMatchObject({ ok: false, kind: 'inserted-entry' });
      }),
    );
  });
});

describe('fast and full verification of a chain whose content was edited', () => {
  const firstKeyRun = buildSignedChain(18);
  const rotated = rotatedChain(firstKeyRun, 30, 18);
  const keys = publicKeysOf(firstKeyRun.key, otherKey);

  const sealedChange = fc.oneof(
    fc.record({ field: fc.constant('sequence' as const), value: fc.integer({ min: -5, max: 40 }) }),
    fc.record({
      field: fc.constantFrom('at' as const, 'actor' as const, 'action' as const),
      value: fc.string({ maxLength: 20 }),
    }),
    fc.record({ field: fc.constant('issueKey' as const), value: fc.option(fc.string({ maxLength: 10 })) }),
    fc.record({
      field: fc.constant('canonicalPayload' as const),
      value: fc.jsonValue({ maxDepth: 2 }).map((value) => canonicalPayload(value as Parameters<typeof canonicalPayload>[0])),
    }),
    fc.record({ field: fc.constant('previousHash' as const), value: fc.stringMatching(/^[0-9a-f]{64}$/) }),
  );

  /**
   * What someone with database access but without the keys can do after changing a sealed field: leave the hash
   * as it is, re-hash the entry, or re-hash it and re-link and re-hash every later entry so all links match.
   */
  const attack = fc.constantFrom('edit-only' as const, 'rehash-entry' as const, 'rewrite-suffix' as const);

  const tamper = (
    index: number,
    change: { readonly field: keyof AuditEntry; readonly value: unknown },
    how: 'edit-only' | 'rehash-entry' | 'rewrite-suffix',
  ): AuditEntry[] => {
    const result = [...rotated];
    const original = result[index] as AuditEntry;
    const edited = { ...original, [change.field]: change.value } as AuditEntry;
    result[index] = how === 'edit-only' ? edited : rehashed(edited);
    if (how !== 'rewrite-suffix') return result;
    for (let later = index + 1; later < result.length; later += 1) {
      const previous = result[later - 1] as AuditEntry;
      result[later] = rehashed({ ...(result[later] as AuditEntry), previousHash: previous.hash });
    }
    return result;
  };

  it('both report the same break, at the edited entry, for any single edit of a sealed field', () => {
    fc.assert(
      fc.property(fc.nat({ max: rotated.length - 1 }), sealedChange, attack, (index, change, how) => {
        const original = rotated[index] as AuditEntry;
        fc.pre(!Object.is(original[change.field], change.value));
        const tampered = tamper(index, change, how);
        const full = verifyChain(tampered, keys, { mode: 'full' });
        expect(verifyChain(tampered, keys, { mode: 'fast' })).toEqual(full);
        expect(full).toMatchObject({ ok: false, sequence: index + 1 });
      }),
    );
  });
});

