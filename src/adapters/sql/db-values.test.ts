import { dbDecimal, dbFlag, dbInteger, jsonText, toDbInstant } from './db-values';
import { z } from 'zod';

describe('database values', () => {
  it.each([
    [7, 7],
    ['7', 7],
    [7n, 7],
    ['-3', -3],
  ])('read the integer %p as %p, whichever driver returned it', (raw, expected) => {
    expect(dbInteger.parse(raw)).toBe(expected);
  });

  it.each([['7.5'], [1.5], ['9007199254740993'], ['x'], [null]])('refuse %p as an integer', (raw) => {
    expect(dbInteger.safeParse(raw).success).toBe(false);
  });

  it.each([
    ['9.8', 9.8],
    [9.8, 9.8],
    ['10.0', 10],
  ])('read the decimal %p as %p', (raw, expected) => {
    expect(dbDecimal.parse(raw)).toBe(expected);
  });

  it.each([
    [0, false],
    [1, true],
    ['1', true],
  ])('read the flag %p as %p', (raw, expected) => {
    expect(dbFlag.parse(raw)).toBe(expected);
  });

  it('refuses a flag other than 0 or 1', () => {
    expect(dbFlag.safeParse(2).success).toBe(false);
  });

  it('reads JSON text against a schema', () => {
    expect(jsonText(z.array(z.string())).parse('["a"]')).toEqual(['a']);
    expect(jsonText(z.array(z.string())).safeParse('[1]').success).toBe(false);
    expect(jsonText(z.array(z.string())).safeParse('[').success).toBe(false);
  });

  it.each([
    ['2027-01-02T01:30:00+02:00', '2027-01-01T23:30:00.000Z'],
    ['2027-01-01T23:30:00Z', '2027-01-01T23:30:00.000Z'],
  ])('stores the instant %s as %s', (instant, stored) => {
    expect(toDbInstant(instant)).toBe(stored);
  });

  it('refuses to store something that is not an instant', () => {
    expect(() => toDbInstant('yesterday')).toThrow(/not an ISO instant/);
  });
});
