import fc from 'fast-check';
import { StorageError } from '../../app/ports/storage-error';
import { buildSignedChain } from '../../domain/audit/testing/signed-chain';
import { auditEntryOf, auditRowOf } from './audit-row';
import { asDriverRow, driverShapes } from './testing/driver-shapes';

const chain = buildSignedChain(40);

describe('audit rows', () => {
  it('read back every signed entry verbatim, in every driver shape', () => {
    fc.assert(
      fc.property(fc.constantFrom(...chain.entries), driverShapes, (entry, shape) => {
        expect(auditEntryOf(asDriverRow(auditRowOf(entry), ['sequence'], shape))).toEqual(entry);
      }),
    );
  });

  it('keep an instant exactly as it was hashed, offset and all', () => {
    const [entry] = chain.entries;
    if (entry === undefined) throw new Error('empty chain');
    const withOffset = { ...entry, at: '2026-11-01T10:00:00+01:00' };
    expect(auditEntryOf(auditRowOf(withOffset)).at).toBe('2026-11-01T10:00:00+01:00');
  });

  it('refuse a row whose canonical payload is not JSON', () => {
    const [entry] = chain.entries;
    if (entry === undefined) throw new Error('empty chain');
    expect(() => auditEntryOf({ ...auditRowOf(entry), canonical_payload: '{' })).toThrow(StorageError);
  });
});
