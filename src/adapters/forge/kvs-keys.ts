/**
 * KVS keys allow only `[a-zA-Z0-9:._\s-#]`; an account id or project key outside that set (none is in practice)
 * is hex-encoded rather than refused, so every value still gets a key of its own.
 */
const KEY_SAFE = /^[a-zA-Z0-9:._-]{1,200}$/;

export const kvsKeyPart = (value: string): string => (KEY_SAFE.test(value) ? value : `hex.${Buffer.from(value, 'utf8').toString('hex')}`);
