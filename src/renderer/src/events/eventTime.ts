import { addDays, todayIn } from '../../../shared/dues/dates';
import { zoneOffsetMs } from '../../../shared/time';

/**
 * Events happen in the chapter's time zone, whatever the laptop's clock says: a secretary in
 * Lyon preparing the Dakar chapter's AGM types and reads Dakar times. Intl only, as shared/time.ts.
 */

export function laptopZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone events are shown and typed in: the chapter's, else the laptop's. */
export function zoneOf(timeZone: string | null): string {
  return timeZone ?? laptopZone();
}

/** The zone's name to show when it is not the laptop's ("Africa/Dakar" → "Africa/Dakar"), else null. */
export function foreignZone(timeZone: string | null): string | null {
  if (!timeZone || timeZone === laptopZone()) return null;
  return timeZone.replaceAll('_', ' ');
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** An instant as a `datetime-local` value (YYYY-MM-DDTHH:MM) on the wall clock of the zone. */
export function localInputValue(iso: string, timeZone: string | null): string {
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return '';
  return new Date(ms + zoneOffsetMs(ms, zoneOf(timeZone))).toISOString().slice(0, 16);
}

/** Minutes from one wall-clock value to another (both YYYY-MM-DDTHH:MM); null if either is not one. */
export function minutesBetween(from: string, to: string): number | null {
  if (!LOCAL_INPUT.test(from) || !LOCAL_INPUT.test(to)) return null;
  const a = Date.parse(`${from}:00Z`);
  const b = Date.parse(`${to}:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 60_000);
}

/** A wall-clock value moved by some minutes, as wall clocks count (no daylight-saving gaps). */
export function addMinutes(local: string, minutes: number): string {
  const ms = Date.parse(`${local}:00Z`);
  if (!LOCAL_INPUT.test(local) || Number.isNaN(ms)) return local;
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 16);
}

export const DEFAULT_START_TIME = '18:00';
export const DEFAULT_DURATION_MINUTES = 120;

/** Tomorrow evening in the chapter, two hours long: a new event's first guess. */
export function defaultTimes(timeZone: string | null, now: Date): { startsAt: string; endsAt: string } {
  const startsAt = `${addDays(todayIn(zoneOf(timeZone), now), 1)}T${DEFAULT_START_TIME}`;
  return { startsAt, endsAt: addMinutes(startsAt, DEFAULT_DURATION_MINUTES) };
}

export interface EventTimeFormat {
  /** "Sat 14 Mar 2026, 18:00 – 20:00" in the event's zone. */
  range(startsAt: string, endsAt: string, timeZone: string | null): string;
  /** "18:02" in the zone. */
  time(iso: string, timeZone: string | null): string;
  /** "14 Mar 2026" in the zone. */
  day(iso: string, timeZone: string | null): string;
  /** The pieces of a calendar tile: "Sat", "14", "Mar". */
  tile(iso: string, timeZone: string | null): { weekday: string; day: string; month: string };
}

export function eventTimeFormat(locale: string): EventTimeFormat {
  const cache = new Map<string, Intl.DateTimeFormat>();
  const formatter = (kind: string, timeZone: string | null, options: Intl.DateTimeFormatOptions) => {
    const zone = zoneOf(timeZone);
    const key = `${kind}|${zone}`;
    let found = cache.get(key);
    if (!found) {
      try {
        found = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
      } catch {
        // A zone this browser does not know: the laptop's, rather than nothing.
        found = new Intl.DateTimeFormat(locale, options);
      }
      cache.set(key, found);
    }
    return found;
  };
  const valid = (iso: string) => !Number.isNaN(new Date(iso).getTime());
  const rangeOptions: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  };
  return {
    range(startsAt, endsAt, timeZone) {
      if (!valid(startsAt)) return startsAt;
      const f = formatter('range', timeZone, rangeOptions);
      const start = new Date(startsAt);
      if (!valid(endsAt)) return f.format(start);
      const end = new Date(endsAt);
      return end.getTime() > start.getTime() ? f.formatRange(start, end) : f.format(start);
    },
    time(iso, timeZone) {
      if (!valid(iso)) return iso;
      return formatter('time', timeZone, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    },
    day(iso, timeZone) {
      if (!valid(iso)) return iso;
      return formatter('day', timeZone, { dateStyle: 'medium' }).format(new Date(iso));
    },
    tile(iso, timeZone) {
      if (!valid(iso)) return { weekday: '', day: '', month: '' };
      const parts = formatter('tile', timeZone, { weekday: 'short', day: 'numeric', month: 'short' })
        .formatToParts(new Date(iso))
        .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
      return { weekday: parts['weekday'] ?? '', day: parts['day'] ?? '', month: parts['month'] ?? '' };
    },
  };
}
