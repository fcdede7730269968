import fc from 'fast-check';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { addCalendarDays, daysBetween } from '../../domain/shared/dates';
import { crossingRanges, reminderThresholds } from './reminder-job';

describe('reminderThresholds', () => {
  it('lists every tier threshold once, nearest first', () => {
    expect(reminderThresholds(DEFAULT_POLICY)).toEqual([1, 3, 7, 14, 30]);
  });
});

describe('crossingRanges', () => {
  it.each([
    // [since, today, expected ranges (after exclusive, through inclusive)]
    ['2027-01-09', '2027-01-10', [['2027-01-10', '2027-01-11'], ['2027-01-16', '2027-01-17'], ['2027-01-23', '2027-01-24'], ['2027-02-08', '2027-02-09']]],
    ['2027-01-05', '2027-01-10', [['2027-01-06', '2027-01-11'], ['2027-01-12', '2027-01-17'], ['2027-01-19', '2027-01-24'], ['2027-02-04', '2027-02-09']]],
    ['2027-01-01', '2027-01-10', [['2027-01-02', '2027-01-24'], ['2027-01-31', '2027-02-09']]],
    ['2027-01-10', '2027-01-10', []],
  ])('since %s through %s', (since, today, expected) => {
    const ranges = crossingRanges([1, 7, 14, 30], since, today).map((range) => [range.after, range.through]);
    expect(ranges).toEqual(expected);
  });

  it('covers exactly the expiry days on which some threshold was crossed after `since`, once each', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((offset) => addCalendarDays('2026-06-01', offset));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
        day,
        fc.integer({ min: 0, max: 40 }),
        (thresholds, since, gap) => {
          const today = addCalendarDays(since, gap);
          const ranges = crossingRanges(thresholds, since, today);
          const inRanges = (expiry: string) => ranges.filter((range) => daysBetween(range.after, expiry) > 0 && daysBetween(expiry, range.through) >= 0).length;
          for (let offset = -5; offset <= gap + 70; offset += 1) {
            const expiry = addCalendarDays(since, offset);
            const crossed = thresholds.some((t) => daysBetween(since, addCalendarDays(expiry, -t)) > 0 && daysBetween(addCalendarDays(expiry, -t), today) >= 0);
            expect(inRanges(expiry)).toBe(crossed ? 1 : 0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
