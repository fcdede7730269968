import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './keyset-cursor';

// JSON has no negative zero, and SQL compares -0 equal to 0, so a position at -0 is the position at 0.
const sameAsSqlZero = (value: number): number => (value === 0 ? 0 : value);

describe('keyset cursors', () => {
  it('decode to the position they were encoded from, for the same ordering', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }).map(sameAsSqlZero)), fc.string(), (ordering, value, key) => {
        const valueType = typeof value === 'number' ? 'number' : 'string';
        expect(decodeCursor(encodeCursor(ordering, { value, key }), ordering, valueType)).toEqual({ value, key });
      }),
    );
  });

  it('are rejected for another ordering or value type', () => {
    const cursor = encodeCursor('register:risk_score:asc', { value: 7.5, key: 'SEC-1' });
    expect(decodeCursor(cursor, 'register:risk_score:desc', 'number')).toBeNull();
    expect(decodeCursor(cursor, 'register:risk_score:asc', 'string')).toBeNull();
  });

  it('never throw on whatever a client sends back', () => {
    fc.assert(fc.property(fc.string(), (junk) => expect(() => decodeCursor(junk, 'o', 'string')).not.toThrow()));
  });
});
