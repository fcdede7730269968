import { createStandInClock, formatJiraDateTime } from './jira-clock';

describe('the stand-in clock', () => {
  it.each([
    ['UTC', '2026-03-29T00:30:00.000+0000'],
    ['Europe/Berlin', '2026-03-29T01:30:00.000+0100'],
    ['Australia/Sydney', '2026-03-29T11:30:00.000+1100'],
  ])('renders instants the way Jira does in %s', (timeZone, expected) => {
    expect(formatJiraDateTime(new Date('2026-03-29T00:30:00Z'), timeZone)).toBe(expected);
  });

  it('moves only forward', () => {
    const clock = createStandInClock(new Date('2026-01-01T00:00:00Z'));
    expect(clock.advance({ days: 1, hours: 2, minutes: 3 }).toISOString()).toBe('2026-01-02T02:03:00.000Z');
    expect(() => clock.advance({ ms: -1 })).toThrow(RangeError);
    expect(() => clock.set(new Date('2025-12-31T00:00:00Z'))).toThrow(RangeError);
  });
});
