import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';

/**
 * The stand-in's own clock. Tests and the sandbox's clock control move it forward to make expiries, reminders
 * and `updated >= ...` searches happen without waiting; it never runs on its own.
 */
export type StandInClock = {
  now(): Date;
  /** Moves the clock forward; moving backwards is refused because Jira's timestamps only grow. */
  advance(by: { readonly days?: number; readonly hours?: number; readonly minutes?: number; readonly ms?: number }): Date;
  set(instant: Date): void;
};

const MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, ms: 1 } as const;

export function createStandInClock(start: Date): StandInClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(by) {
      const delta = (by.days ?? 0) * MS.days + (by.hours ?? 0) * MS.hours + (by.minutes ?? 0) * MS.minutes + (by.ms ?? 0);
      if (delta < 0) throw new RangeError('the stand-in clock only moves forward');
      current += delta;
      return new Date(current);
    },
    set(instant) {
      if (instant.getTime() < current) throw new RangeError('the stand-in clock only moves forward');
      current = instant.getTime();
    },
  };
}

/** Jira's wire format for instants, e.g. `2021-01-20T15:58:12.797+1100` (offset without a colon). */
export const formatJiraDateTime = (instant: Date, timeZone: string): string =>
  format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ss.SSSxx");
