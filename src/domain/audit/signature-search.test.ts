import fc from 'fast-check';
import { everySignatureInOrder, lastOfEachKeyRunThenBisect } from './signature-search';

/** Key ids of a chain that rotated keys before each of the (sorted, distinct) rotation points. */
const keyIdsRotatingAt =
  (rotations: readonly number[]) =>
  (index: number): string =>
    `key-${rotations.filter((rotation) => rotation <= index).length}`;

const chainShape = fc
  .integer({ min: 1, max: 100_000 })
  .chain((count) =>
    fc.record({
      count: fc.constant(count),
      rotations: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, count - 1) }), { maxLength: 4 }),
    }),
  )
  .map(({ count, rotations }) => ({ count, rotations: [...rotations].filter((at) => at < count).sort((a, b) => a - b) }));

/** Counts the signature checks a search spends. */
const counted = (fails: (index: number) => boolean) => {
  const checked: number[] = [];
  return {
    checked,
    fails: (index: number) => {
      checked.push(index);
      return fails(index);
    },
  };
};

describe('everySignatureInOrder', () => {
  it('names the first failing signature, checking each one before it', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 50 }), (failures) => {
        const search = counted((index) => failures[index] === true);
        const first = failures.indexOf(true);
        expect(everySignatureInOrder(keyIdsRotatingAt([]), failures.length, search.fails)).toBe(first === -1 ? null : first);
        expect(search.checked).toEqual([...Array(first === -1 ? failures.length : first + 1).keys()]);
      }),
    );
  });
});

describe('lastOfEachKeyRunThenBisect', () => {
  it('checks only the last entry of each key run when every signature verifies', () => {
    fc.assert(
      fc.property(chainShape, ({ count, rotations }) => {
        const search = counted(() => false);
        expect(lastOfEachKeyRunThenBisect(keyIdsRotatingAt(rotations), count, search.fails)).toBeNull();
        expect(search.checked).toEqual([...rotations.map((rotation) => rotation - 1), count - 1]);
      }),
    );
  });

  it('names the first entry of a rewritten suffix with a logarithmic number of signature checks', () => {
    fc.assert(
      fc.property(
        chainShape.chain((shape) => fc.record({ shape: fc.constant(shape), rewrittenFrom: fc.nat({ max: shape.count - 1 }) })),
        ({ shape: { count, rotations }, rewrittenFrom }) => {
          const search = counted((index) => index >= rewrittenFrom);
          expect(lastOfEachKeyRunThenBisect(keyIdsRotatingAt(rotations), count, search.fails)).toBe(rewrittenFrom);
          expect(search.checked.length).toBeLessThanOrEqual(rotations.length + 1 + Math.ceil(Math.log2(count)));
        },
      ),
    );
  });

  it('with several independent failures, names one whose predecessor verifies, not past the first failing run end', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 59 }), { maxLength: 4 }),
        (failures, rotationPoints) => {
          const rotations = rotationPoints.filter((at) => at < failures.length).sort((a, b) => a - b);
          const fails = (index: number): boolean => failures[index] === true;
          const runEnds = [...rotations.map((rotation) => rotation - 1), failures.length - 1];
          const firstFailingRunEnd = runEnds.find(fails);
          const named = lastOfEachKeyRunThenBisect(keyIdsRotatingAt(rotations), failures.length, fails);
          if (firstFailingRunEnd === undefined) {
            expect(named).toBeNull();
            return;
          }
          expect(named).not.toBeNull();
          const index = named ?? -1;
          expect(fails(index)).toBe(true);
          expect(index === 0 || !fails(index - 1)).toBe(true);
          expect(index).toBeLessThanOrEqual(firstFailingRunEnd);
        },
      ),
    );
  });

  it('finds nothing in an empty chain without checking a signature', () => {
    const search = counted(() => true);
    expect(lastOfEachKeyRunThenBisect(keyIdsRotatingAt([]), 0, search.fails)).toBeNull();
    expect(search.checked).toEqual([]);
  });
});
