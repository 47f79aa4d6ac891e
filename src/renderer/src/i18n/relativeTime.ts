const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

export interface RelativeParts {
  /** Negative in the past, positive in the future, whole units counted down ("1 h 59 min" is 1 hour). */
  value: number;
  unit: Intl.RelativeTimeFormatUnit;
}

/**
 * How far `thenMs` is from `nowMs`, in the largest unit that fits. Null under a minute either way:
 * there "just now" or "in a moment" in the app's own words reads better than "0 min ago".
 */
export function relativeParts(thenMs: number, nowMs: number): RelativeParts | null {
  const diff = thenMs - nowMs;
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return { value: Math.trunc(diff / size), unit };
  }
  return null;
}

/** "min" and "h" are read everywhere; shortened days or weeks ("3 j", "3 wk") are not. */
const SHORT_UNITS = new Set<Intl.RelativeTimeFormatUnit>(['minute', 'hour']);

export function relativeTimeFormatter(locale: string): (isoInstant: string, nowMs: number) => string | null {
  const short = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const long = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  return (isoInstant, nowMs) => {
    const then = new Date(isoInstant).getTime();
    if (Number.isNaN(then)) return null;
    const parts = relativeParts(then, nowMs);
    if (!parts) return null;
    return (SHORT_UNITS.has(parts.unit) ? short : long).format(parts.value, parts.unit);
  };
}
