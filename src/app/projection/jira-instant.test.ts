import fc from 'fast-check';
import { normalizeJiraInstant } from './jira-instant';

/** How Jira renders an instant in a zone `offsetMinutes` east of UTC: `2026-03-02T10:00:00.000+0100`. */
const jiraFormat = (instant: Date, offsetMinutes: number): string => {
  const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

describe('normalizeJiraInstant', () => {
  it.each<[string | undefined, string | undefined]>([
    ['2026-03-02T09:00:00.000+0000', '2026-03-02T09:00:00.000Z'],
    ['2026-03-29T01:30:00.000+0100', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29T01:30:00.000+01:00', '2026-03-29T00:30:00.000Z'],
    ['2026-03-02T09:00:00Z', '2026-03-02T09:00:00.000Z'],
    ['2026-03-02', undefined],
    ['yesterday', undefined],
    [undefined, undefined],
  ])('%s is %s', (text, expected) => expect(normalizeJiraInstant(text)).toBe(expected));

  it('reads every instant Jira renders, in any zone offset, back to the same UTC instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }).map((quarters) => quarters * 15),
        (instant, offset) => expect(normalizeJiraInstant(jiraFormat(instant, offset))).toBe(instant.toISOString()),
      ),
    );
  });
});
