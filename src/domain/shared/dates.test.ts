import { firstDayOfNextQuarter } from './dates';

describe('firstDayOfNextQuarter', () => {
  it.each([
    ['2026-01-01', '2026-04-01'],
    ['2026-03-31', '2026-04-01'],
    ['2026-05-15', '2026-07-01'],
    ['2026-08-31', '2026-10-01'],
    ['2026-12-31', '2027-01-01'],
  ])('after %s is %s', (day, expected) => {
    expect(firstDayOfNextQuarter(day)).toBe(expected);
  });
});
