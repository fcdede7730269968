/**
 * The audit trail's value types. An entry is sealed by hashing its canonical form together with the
 * previous entry's hash and signing that hash with the installation's Ed25519 key, so any edit, deletion,
 * insertion or re-ordering breaks the chain at a precise sequence number.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type AuditDraft = {
  /** ISO-8601 instant the action happened. */
  readonly at: string;
  /** An account id, or `system:<job>` for scheduled work. */
  readonly actor: string;
  /** Dotted action name such as `exception.approved`. */
  readonly action: string;
  readonly issueKey: string | null;
  readonly payload: JsonValue;
};

export type AuditEntry = AuditDraft & {
  /** 1-based, gap-free. */
  readonly sequence: number;
  /**
   * RFC 8785 canonical JSON of `payload`, stored verbatim so verification never depends on re-serialisation.
   * Only this string is hashed and signed: a store keeps it and materialises `payload` by parsing it.
   */
  readonly canonicalPayload: string;
  /** Hash of the previous entry; 64 zeros for the first. */
  readonly previousHash: string;
  /** SHA-256 hex over the canonical entry (sequence, at, actor, action, issueKey, canonicalPayload, previousHash). */
  readonly hash: string;
  /** Base64 Ed25519 signature over the hash bytes. */
  readonly signature: string;
  /** Identifies which installation key signed, so keys can rotate without breaking old entries. */
  readonly keyId: string;
};

/** An entry sealed by its hash but not yet signed: signing happens outside the domain, with the installation key. */
export type UnsignedAuditEntry = Omit<AuditEntry, 'signature' | 'keyId'>;

export type ChainHead = { readonly sequence: number; readonly hash: string };

export type ChainBreakKind =
  | 'modified-entry'
  | 'deleted-entry'
  | 'inserted-entry'
  | 'reordered-entries'
  | 'bad-signature'
  | 'unknown-key'
  /** Signed by another key of the directory than the one its keyId names. */
  | 'wrong-key'
  /** The chain ends before an externally recorded checkpoint: entries were cut off its end. */
  | 'truncated-tail'
  /** The entry at an externally recorded checkpoint has another hash: history was rewritten and re-signed. */
  | 'anchor-mismatch';

export type ChainVerification =
  | { readonly ok: true; readonly count: number; readonly head: ChainHead | null }
  | { readonly ok: false; readonly sequence: number; readonly kind: ChainBreakKind; readonly message: string };
