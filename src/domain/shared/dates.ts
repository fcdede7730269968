import { differenceInCalendarDays, addDays, format, parseISO, isValid, startOfQuarter } from 'date-fns';
import { TZDate } from '@date-fns/tz';

/** A calendar date as `YYYY-MM-DD`: expiries and review dates are days, not instants. */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isIsoDate = (value: string): boolean => ISO_DATE.test(value) && isValid(parseISO(value));

/** The calendar day `instant` falls on in `timeZone` (an IANA name), so "today" follows the installation's clock. */
export const calendarDayOf = (instant: Date, timeZone: string): IsoDate =>
  format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');

/** Whole calendar days from `from` to `to` (negative when `to` is earlier), immune to DST-shortened days. */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  differenceInCalendarDays(parseISO(to), parseISO(from));

export const addCalendarDays = (day: IsoDate, days: number): IsoDate => format(addDays(parseISO(day), days), 'yyyy-MM-dd');

/** Calendar quarter label such as `2026-Q4` for a day. */
export const quarterOf = (day: IsoDate): string => {
  const [year, month] = day.split('-').map(Number);
  return `${year}-Q${Math.floor(((month ?? 1) - 1) / 3) + 1}`;
};

/** The first day of the calendar quarter `day` falls in: where a quarter's review clock starts. */
export const firstDayOfQuarter = (day: IsoDate): IsoDate => format(startOfQuarter(parseISO(day)), 'yyyy-MM-dd');

/** The first day of the calendar quarter after the one `day` falls in (92 days after a quarter starts is always in the next). */
export const firstDayOfNextQuarter = (day: IsoDate): IsoDate => firstDayOfQuarter(addCalendarDays(firstDayOfQuarter(day), 92));
