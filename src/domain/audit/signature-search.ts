/**
 * Strategies for finding the first entry, among the first `count` of a chain whose hashes and links are already
 * known to be intact, whose signature does not verify. `fails(index)` verifies one signature; they differ only
 * in which signatures they spend it on.
 */
export type SignatureSearch = (
  keyIds: (index: number) => string,
  count: number,
  fails: (index: number) => boolean,
) => number | null;

/** Every signature, in chain order: what full verification does, so it also names a signature-only edit. */
export const everySignatureInOrder: SignatureSearch = (_keyIds, count, fails) => {
  for (let index = 0; index < count; index += 1) {
    if (fails(index)) return index;
  }
  return null;
};

/** The last entry of each run of entries naming the same key: the last before every key rotation, and the last. */
const lastOfEachKeyRun = (keyIds: (index: number) => string, count: number): number[] => {
  const lasts: number[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index === count - 1 || keyIds(index + 1) !== keyIds(index)) lasts.push(index);
  }
  return lasts;
};

/**
 * Fast verification. Each entry's hash covers the previous entry's hash, so once every hash recomputes and every
 * link matches, a valid signature on entry n authenticates the sealed fields of entries 1..n. Checking the last
 * entry of each key run therefore authenticates the whole chain, and every key still signs what it vouches for.
 *
 * When one of those fails, the signatures in its run form a valid prefix: an attacker without the key who edits
 * entry k and re-hashes it must re-hash every later entry to keep the links, so every signature from k on fails
 * and every one before k still verifies. A binary search for the first failing signature in the run, between the
 * last verified one and the failing one, names entry k with O(log n) signature checks.
 *
 * What this cannot see and full verification can: the signature and key id of an entry are not sealed by its
 * hash. Replacing the signature of an entry that is not the last of its key run (or relabelling a run's last
 * entry with the key of the run after it) leaves every hash and link intact, and no checked signature covers the
 * signature column itself; full verification reports 'bad-signature' or 'wrong-key' there, fast verification
 * reports nothing. That cannot hide an edit of the audit content: the entry's sealed fields are fixed by its hash,
 * which the next entry's previous hash seals, and so on up to a checked entry whose signature verifies, so any
 * change to them, or a deletion, insertion or re-ordering, changes a hash the key holder signed and is reported.
 * Among several independent edits the one named is an entry whose predecessor's signature verifies, so every
 * entry before it is authenticated; with a single edit it is the entry full verification names.
 */
export const lastOfEachKeyRunThenBisect: SignatureSearch = (keyIds, count, fails) => {
  let verifiedUpTo = -1;
  for (const last of lastOfEachKeyRun(keyIds, count)) {
    if (fails(last)) return firstFailureAfter(verifiedUpTo, last, fails);
    verifiedUpTo = last;
  }
  return null;
};

/** Binary search in (verified, failing]: the first failing index whose predecessor verifies (or is `verified`). */
const firstFailureAfter = (verified: number, failing: number, fails: (index: number) => boolean): number => {
  let low = verified + 1;
  let high = failing;
  while (low < high) {
    const middle = low + Math.floor((high - low) / 2);
    if (fails(middle)) high = middle;
    else low = middle + 1;
  }
  return high;
};
