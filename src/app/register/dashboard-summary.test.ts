import { closedMonthsBefore } from './dashboard-summary';

describe('the closed months a dashboard series covers', () => {
  it.each([
    ['2026-11-02', 3, ['2026-08', '2026-09', '2026-10']],
    ['2026-01-31', 2, ['2025-11', '2025-12']],
    ['2026-03-01', 1, ['2026-02']],
    ['2024-03-31', 2, ['2024-01', '2024-02']],
  ])('before %s, %i months: %j', (today, count, expected) => {
    expect(closedMonthsBefore(today, count)).toEqual(expected);
  });

  it('gives 24 distinct consecutive months, oldest first', () => {
    const months = closedMonthsBefore('2026-11-02', 24);
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2024-11');
    expect(months.at(-1)).toBe('2026-10');
    expect([...months].sort()).toEqual(months);
  });
});
