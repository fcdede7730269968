import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type {
  AuditDraft,
  AuditEntry,
  ChainBreakKind,
  ChainHead,
  ChainVerification,
  JsonValue,
  UnsignedAuditEntry,
} from './audit-entry';
import { keyIdOf } from './key-id';
import { everySignatureInOrder, lastOfEachKeyRunThenBisect } from './signature-search';

/** The `previousHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

const GENESIS: ChainHead = { sequence: 0, hash: GENESIS_HASH };

const canonicalJson = (value: JsonValue): string => {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new Error('Only JSON values can be canonicalised, not undefined');
  return canonical;
};

/** RFC 8785 (JCS): the one byte sequence every verifier, in any language, derives from the same JSON value. */
export const canonicalPayload = (payload: JsonValue): string => canonicalJson(payload);

export type HashedFields = Pick<
  AuditEntry,
  'sequence' | 'at' | 'actor' | 'action' | 'issueKey' | 'canonicalPayload' | 'previousHash'
>;

/** The fields are picked one by one so that hashing a whole entry covers exactly the sealed fields and nothing else. */
export const entryHash = (fields: HashedFields): string => {
  const { sequence, at, actor, action, issueKey, previousHash } = fields;
  const canonical = canonicalJson({ sequence, at, actor, action, issueKey, canonicalPayload: fields.canonicalPayload, previousHash });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
};

/** What a signature covers: the 32 bytes of the entry's SHA-256 hash. */
export const signedBytes = (hash: string): Uint8Array => Buffer.from(hash, 'hex');

/**
 * Seals a draft as the successor of `previous` (null for the first entry). `payload` is re-read from the canonical
 * form so that the entry carries exactly what is hashed, never a value that merely serialises to it.
 */
export const prepareEntry = (previous: ChainHead | null, draft: AuditDraft): UnsignedAuditEntry => {
  const link = previous ?? GENESIS;
  const canonical = canonicalPayload(draft.payload);
  const fields: HashedFields = {
    sequence: link.sequence + 1,
    at: draft.at,
    actor: draft.actor,
    action: draft.action,
    issueKey: draft.issueKey,
    canonicalPayload: canonical,
    previousHash: link.hash,
  };
  return { ...fields, payload: JSON.parse(canonical) as JsonValue, hash: entryHash(fields) };
};

export const completeEntry = (unsigned: UnsignedAuditEntry, signatureBase64: string, keyId: string): AuditEntry => ({
  ...unsigned,
  signature: signatureBase64,
  keyId,
});

export type ChainVerificationOptions = {
  /** The verified entry just before `entries` when verifying page by page; the genesis when absent. */
  readonly startAfter?: ChainHead;
  /** An externally recorded checkpoint: its entry must be present and carry the same hash. */
  readonly anchor?: ChainHead;
  /**
   * The entry stored right after `entries` when they are one page of a longer chain. It lets an inserted last
   * entry of the page be recognised, and says the chain goes on, so an anchor further on proves no truncation.
   */
  readonly followedBy?: AuditEntry;
  /**
   * 'full' (the default) verifies the signature of every entry. 'fast' verifies every hash, link and key but only
   * the signatures that authenticate the others, and reports the same first broken link for any edit, deletion,
   * insertion or re-ordering of the audit content; see `lastOfEachKeyRunThenBisect` for what it cannot see.
   */
  readonly mode?: VerificationMode;
};

export type VerificationMode = 'full' | 'fast';

export type ChainVerifier = (entries: readonly AuditEntry[], options?: ChainVerificationOptions) => ChainVerification;

/** One Ed25519 signature to verify: `signature` over `message` under `key`. */
export type SignatureCheck = { readonly message: Uint8Array; readonly key: KeyObject; readonly signature: Uint8Array };

/**
 * Everything verification finds without verifying a signature, so that the signatures can be verified in
 * whichever way suits the caller (all in order, a few and a binary search, or in parallel) and still be reported
 * exactly as full verification reports them.
 */
export type ChainInspection = {
  /**
   * How many entries, from the first, have their signature verified before full verification would reach its
   * outcome: all of them, or those before the first other break (and the broken entry itself when the break is
   * an anchor mismatch, which is checked after the entry's signature). Their keys are usable and their
   * signatures well-formed.
   */
  readonly signed: number;
  readonly keyIdAt: (index: number) => string;
  readonly signatureCheck: (index: number) => SignatureCheck;
  /** The verification given the first of the `signed` entries whose signature fails, or null when none does. */
  readonly conclude: (firstBadSignature: number | null) => ChainVerification;
};

export type ChainInspector = (entries: readonly AuditEntry[], options?: ChainVerificationOptions) => ChainInspection;

type ChainBreak = Extract<ChainVerification, { ok: false }>;

const chainBreak = (sequence: number, kind: ChainBreakKind, message: string): ChainBreak => ({
  ok: false,
  sequence,
  kind,
  message,
});

const RESTORE_ADVICE = 'Compare it with an exported audit package or a backup of the audit table before relying on it.';

type KeyLookup = { readonly usable: true; readonly key: KeyObject } | { readonly usable: false; readonly reason: string };

const importPublicKey = (keyId: string, pem: string): KeyLookup => {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return { usable: false, reason: `the public key filed under ${keyId} is not a readable SPKI PEM key` };
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    return { usable: false, reason: `the public key filed under ${keyId} is not an Ed25519 key` };
  }
  const actualId = keyIdOf(key.export({ format: 'der', type: 'spki' }));
  if (actualId !== keyId) return { usable: false, reason: `the public key filed under ${keyId} is in fact key ${actualId}` };
  return { usable: true, key };
};

/** Each public key is imported at most once per verifier, and only when an entry names it. */
const keyRing = (publicKeysPem: Readonly<Record<string, string>>) => {
  const imported = new Map<string, KeyLookup>();
  const lookup = (keyId: string): KeyLookup | undefined => {
    const pem = Object.hasOwn(publicKeysPem, keyId) ? publicKeysPem[keyId] : undefined;
    if (pem === undefined) return undefined;
    const known = imported.get(keyId) ?? importPublicKey(keyId, pem);
    imported.set(keyId, known);
    return known;
  };
  return { lookup, keyIds: Object.keys(publicKeysPem) };
};

type KeyRing = ReturnType<typeof keyRing>;

/** An Ed25519 signature is 64 bytes. */
const SIGNATURE_BYTES = 64;

/**
 * Strict base64 of 64 bytes: a signature field with extra characters that a lenient decoder would skip is an
 * edited field, and one of another length cannot verify, so both are reported without verifying anything.
 */
const decodeSignature = (signature: string): Buffer | null => {
  const bytes = Buffer.from(signature, 'base64');
  return bytes.length === SIGNATURE_BYTES && bytes.toString('base64') === signature ? bytes : null;
};

const verifiesUnder = (key: KeyObject, hash: string, signature: Uint8Array): boolean =>
  verify(null, signedBytes(hash), key, signature);

/** Where the chain is being read: the entries of this call, the position, and what comes right after them. */
type Position = {
  readonly entries: readonly AuditEntry[];
  readonly index: number;
  readonly followedBy: AuditEntry | undefined;
};

const storedLater = (position: Position, matches: (entry: AuditEntry) => boolean): boolean => {
  for (let later = position.index + 1; later < position.entries.length; later += 1) {
    const entry = position.entries[later];
    if (entry !== undefined && matches(entry)) return true;
  }
  return position.followedBy !== undefined && matches(position.followedBy);
};

const isIntact = (entry: AuditEntry): boolean => Number.isSafeInteger(entry.sequence) && entryHash(entry) === entry.hash;

/**
 * A sequence number other than the next one. An intact entry cannot have had its number edited (it is hashed),
 * so an intact entry in the wrong place was moved, or the ones it skips were deleted, or it repeats one already seen.
 */
const sequenceBreak = (entry: AuditEntry, intact: boolean, previous: ChainHead, position: Position): ChainBreak | null => {
  const expected = previous.sequence + 1;
  const claimed = entry.sequence;
  if (claimed === expected) return null;
  if (!intact) {
    return chainBreak(
      expected,
      'modified-entry',
      `The audit entry stored after entry ${previous.sequence} claims sequence ${String(claimed)} and no longer ` +
        `matches its hash: it was edited after it was recorded. ${RESTORE_ADVICE}`,
    );
  }
  if (claimed < expected) {
    return chainBreak(
      expected,
      'inserted-entry',
      `An audit entry was inserted where entry ${expected} belongs, after entry ${previous.sequence}: it repeats ` +
        `sequence ${claimed}, which the chain already holds, so it is not part of the chain. ${RESTORE_ADVICE}`,
    );
  }
  if (storedLater(position, (later) => later.sequence === expected)) {
    return chainBreak(
      expected,
      'reordered-entries',
      `Audit entry ${expected} is stored out of order: entry ${claimed} comes right after entry ${previous.sequence}. ` +
        `The entries were re-ordered. ${RESTORE_ADVICE}`,
    );
  }
  const missing = claimed - 1 === expected ? `entry ${expected} is` : `entries ${expected} to ${claimed - 1} are`;
  return chainBreak(
    expected,
    'deleted-entry',
    `Audit ${missing} missing: entry ${previous.sequence} is followed by entry ${claimed}, so they were deleted. ` +
      'Restore them from a backup of the audit table or an exported audit package.',
  );
};

const linkBreak = (entry: AuditEntry, intact: boolean, previous: ChainHead, position: Position): ChainBreak | null => {
  if (entry.previousHash === previous.hash) return null;
  const { sequence } = entry;
  if (storedLater(position, (later) => later.hash === entry.previousHash)) {
    return chainBreak(
      sequence,
      'reordered-entries',
      `Audit entry ${sequence} links to an entry stored after it instead of entry ${previous.sequence}: the entries ` +
        `were re-ordered. ${RESTORE_ADVICE}`,
    );
  }
  if (intact) {
    return chainBreak(
      sequence,
      'deleted-entry',
      `Audit entry ${sequence} links to a hash that is no longer in the chain instead of entry ${previous.sequence}: ` +
        'the entry it followed was deleted and the sequence numbers closed up. Restore it from a backup of the ' +
        'audit table or an exported audit package.',
    );
  }
  return chainBreak(
    sequence,
    'modified-entry',
    `Audit entry ${sequence} no longer links to entry ${previous.sequence} and no longer matches its hash: it was ` +
      `edited after it was recorded. ${RESTORE_ADVICE}`,
  );
};

const contentBreak = (entry: AuditEntry, intact: boolean): ChainBreak | null =>
  intact
    ? null
    : chainBreak(
        entry.sequence,
        'modified-entry',
        `Audit entry ${entry.sequence} was edited after it was recorded: its content no longer matches its hash. ` +
          RESTORE_ADVICE,
      );

/** An entry whose intact successor links past it, straight to its predecessor, was slipped in between them. */
const insertionBreak = (entry: AuditEntry, previous: ChainHead, next: AuditEntry | undefined): ChainBreak | null => {
  if (next === undefined || next.previousHash === entry.hash || next.previousHash !== entry.previousHash) return null;
  if (!isIntact(next)) return null;
  return chainBreak(
    entry.sequence,
    'inserted-entry',
    `Audit entry ${entry.sequence} was inserted into the chain: the entry stored after it links past it, straight ` +
      `to entry ${previous.sequence}. ${RESTORE_ADVICE}`,
  );
};

const badSignatureBreak = ({ sequence, keyId }: AuditEntry): ChainBreak =>
  chainBreak(
    sequence,
    'bad-signature',
    `The signature of audit entry ${sequence} does not verify under key ${keyId}: the signature was replaced or the ` +
      `entry was signed by a key this installation does not know. ${RESTORE_ADVICE}`,
  );

/** What can be told about an entry's signature without verifying it: whether its key is usable and the signature well-formed. */
const keyBreak = (entry: AuditEntry, keys: KeyRing): ChainBreak | null => {
  const { sequence, keyId } = entry;
  const named = keys.lookup(keyId);
  if (named === undefined) {
    const known = keys.keyIds.length === 0 ? 'none' : keys.keyIds.join(', ');
    return chainBreak(
      sequence,
      'unknown-key',
      `Audit entry ${sequence} names signing key ${keyId}, which is not among this installation's public keys ` +
        `(${known}). If that key was rotated out, add its public key to the directory; otherwise the entry was forged.`,
    );
  }
  if (!named.usable) {
    return chainBreak(
      sequence,
      'unknown-key',
      `Audit entry ${sequence} names signing key ${keyId}, but ${named.reason}. Export the installation's public ` +
        'keys again and repeat the verification.',
    );
  }
  return decodeSignature(entry.signature) === null ? badSignatureBreak(entry) : null;
};

/** A well-formed signature that does not verify under the key its entry names: re-signed with another key, or replaced. */
const forgedSignatureBreak = (entry: AuditEntry, keys: KeyRing, signature: Uint8Array): ChainBreak => {
  const { sequence, keyId } = entry;
  const actualSigner = keys.keyIds.find((otherId) => {
    const other = otherId === keyId ? undefined : keys.lookup(otherId);
    return other !== undefined && other.usable && verifiesUnder(other.key, entry.hash, signature);
  });
  if (actualSigner === undefined) return badSignatureBreak(entry);
  return chainBreak(
    sequence,
    'wrong-key',
    `Audit entry ${sequence} claims signing key ${keyId} but was signed with key ${actualSigner}: it was re-signed ` +
      `after it was recorded. ${RESTORE_ADVICE}`,
  );
};

const anchorBreak = (entry: AuditEntry, anchor: ChainHead | undefined): ChainBreak | null =>
  anchor === undefined || entry.sequence !== anchor.sequence || entry.hash === anchor.hash
    ? null
    : chainBreak(
        entry.sequence,
        'anchor-mismatch',
        `Audit entry ${entry.sequence} has hash ${entry.hash}, but the external checkpoint recorded ${anchor.hash} for ` +
          `it: the chain was rewritten and re-signed after the checkpoint. ${RESTORE_ADVICE}`,
      );

const truncationBreak = (head: ChainHead, anchor: ChainHead): ChainBreak =>
  chainBreak(
    head.sequence + 1,
    'truncated-tail',
    `The audit chain ends at entry ${head.sequence}, but the external checkpoint records that it reached entry ` +
      `${anchor.sequence}: entries ${head.sequence + 1} to ${anchor.sequence} were cut off its end. Restore them ` +
      'from a backup of the audit table or an exported audit package.',
  );

/** A break, and whether full verification checks the broken entry's own signature before finding it. */
type EntryFinding = { readonly broken: ChainBreak; readonly afterOwnSignature: boolean };

/**
 * The checks run in the order that names the cause most precisely: an entry's position, its link, its content,
 * whether it was slipped in, its key, its signature (verified afterwards, see `ChainInspection`), and finally the
 * external checkpoint.
 */
const entryFinding = (
  entry: AuditEntry,
  previous: ChainHead,
  position: Position,
  keys: KeyRing,
  anchor: ChainHead | undefined,
): EntryFinding | null => {
  const intact = isIntact(entry);
  const next = position.entries[position.index + 1] ?? position.followedBy;
  const beforeSignature =
    sequenceBreak(entry, intact, previous, position) ??
    linkBreak(entry, intact, previous, position) ??
    contentBreak(entry, intact) ??
    insertionBreak(entry, previous, next) ??
    keyBreak(entry, keys);
  if (beforeSignature !== null) return { broken: beforeSignature, afterOwnSignature: false };
  const anchored = anchorBreak(entry, anchor);
  return anchored === null ? null : { broken: anchored, afterOwnSignature: true };
};

type PassResult = { readonly found: ChainBreak | null; readonly signed: number; readonly head: ChainHead };

/** One pass over the entries up to the first finding: hashing is cheap, so this is what every mode pays in full. */
const firstFinding = (entries: readonly AuditEntry[], options: ChainVerificationOptions, keys: KeyRing): PassResult => {
  const { anchor, followedBy } = options;
  let previous = options.startAfter ?? GENESIS;
  for (const [index, entry] of entries.entries()) {
    const finding = entryFinding(entry, previous, { entries, index, followedBy }, keys, anchor);
    if (finding !== null) {
      return { found: finding.broken, signed: finding.afterOwnSignature ? index + 1 : index, head: previous };
    }
    previous = { sequence: entry.sequence, hash: entry.hash };
  }
  const truncated = anchor !== undefined && followedBy === undefined && anchor.sequence > previous.sequence;
  return { found: truncated ? truncationBreak(previous, anchor) : null, signed: entries.length, head: previous };
};

/**
 * Builds an inspector that imports each public key once, so a chain inspected page by page pays for key import
 * once. It checks everything but the signatures themselves and says which signatures decide the outcome.
 */
export const createChainInspector = (publicKeysPem: Readonly<Record<string, string>>): ChainInspector => {
  const keys = keyRing(publicKeysPem);
  return (entries, options = {}) => {
    const { found, signed, head } = firstFinding(entries, options, keys);
    const outcome: ChainVerification = found ?? {
      ok: true,
      count: entries.length,
      head: entries.length === 0 && options.startAfter === undefined ? null : head,
    };
    const signedEntry = (index: number): AuditEntry => {
      const entry = index < signed ? entries[index] : undefined;
      if (entry === undefined) throw new RangeError(`Entry ${index} is not among the ${signed} signed entries inspected`);
      return entry;
    };
    const signatureCheck = (index: number): SignatureCheck => {
      const entry = signedEntry(index);
      const named = keys.lookup(entry.keyId);
      const signature = decodeSignature(entry.signature);
      if (named === undefined || !named.usable || signature === null) {
        throw new Error(`Audit entry ${entry.sequence} was inspected as signed with a usable key, but is not`);
      }
      return { message: signedBytes(entry.hash), key: named.key, signature };
    };
    return {
      signed,
      keyIdAt: (index) => signedEntry(index).keyId,
      signatureCheck,
      conclude: (firstBadSignature) =>
        firstBadSignature === null
          ? outcome
          : forgedSignatureBreak(signedEntry(firstBadSignature), keys, signatureCheck(firstBadSignature).signature),
    };
  };
};

const verifies = ({ message, key, signature }: SignatureCheck): boolean => verify(null, message, key, signature);

/**
 * Builds a verifier that imports each public key once. One pass over the entries, then the signatures the mode
 * asks for; on failure it reports the first broken link, by sequence number and kind.
 */
export const createChainVerifier = (publicKeysPem: Readonly<Record<string, string>>): ChainVerifier => {
  const inspect = createChainInspector(publicKeysPem);
  return (entries, options = {}) => {
    const inspection = inspect(entries, options);
    const search = options.mode === 'fast' ? lastOfEachKeyRunThenBisect : everySignatureInOrder;
    const fails = (index: number): boolean => !verifies(inspection.signatureCheck(index));
    return inspection.conclude(search(inspection.keyIdAt, inspection.signed, fails));
  };
};

/** Verifies `entries` (ascending as stored) against the public keys by key id (SPKI PEM). */
export const verifyChain = (
  entries: readonly AuditEntry[],
  publicKeysPem: Readonly<Record<string, string>>,
  options: ChainVerificationOptions = {},
): ChainVerification => createChainVerifier(publicKeysPem)(entries, options);
