import type { Policy } from '../policy/policy-config';
import { calendarDayOf, type IsoDate } from '../shared/dates';

/** The calendar day `now` falls on where the installation lives: expiry limits and expiry itself count in days there. */
export const policyDay = (now: string, policy: Policy): IsoDate => {
  const instant = new Date(now);
  // Callers pass an instant parsed at the boundary; an unparseable one is a programming error, not a user error.
  if (Number.isNaN(instant.getTime())) throw new Error(`not an ISO instant: ${now}`);
  return calendarDayOf(instant, policy.timeZone);
};
