import { describe, expect, it } from 'vitest';
import { relativeParts, relativeTimeFormatter } from './relativeTime';

const NOW = Date.parse('2025-03-10T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MINUTE = 60_000;
/** French puts no-break spaces in numbers and units; the test only cares about the words. */
const plain = (text: string | null) => text?.replace(/\s/g, ' ') ?? null;

describe('relativeParts', () => {
  it('says nothing under a minute, in the past or the future', () => {
    expect(relativeParts(NOW - 59_000, NOW)).toBeNull();
    expect(relativeParts(NOW + 30_000, NOW)).toBeNull();
  });

  it('counts whole units of the largest unit that fits', () => {
    expect(relativeParts(NOW - 5 * MINUTE - 59_000, NOW)).toEqual({ value: -5, unit: 'minute' });
    expect(relativeParts(NOW - 119 * MINUTE, NOW)).toEqual({ value: -1, unit: 'hour' });
    expect(relativeParts(NOW - 3 * 24 * 60 * MINUTE, NOW)).toEqual({ value: -3, unit: 'day' });
    expect(relativeParts(NOW + 2 * MINUTE, NOW)).toEqual({ value: 2, unit: 'minute' });
  });
});

describe('relativeTimeFormatter', () => {
  it('formats in the given locale', () => {
    const en = relativeTimeFormatter('en-GB');
    expect(en(ago(5 * MINUTE), NOW)).toBe('5 min ago');
    expect(en(ago(26 * 60 * MINUTE), NOW)).toBe('yesterday');
    expect(en(ago(-2 * MINUTE), NOW)).toBe('in 2 min');
    const fr = relativeTimeFormatter('fr');
    expect(plain(fr(ago(5 * MINUTE), NOW))).toBe('il y a 5 min');
    expect(plain(fr(ago(3 * 24 * 60 * MINUTE), NOW))).toBe('il y a 3 jours');
  });

  it('leaves the last minute and unreadable stamps to the caller', () => {
    const en = relativeTimeFormatter('en');
    expect(en(ago(10_000), NOW)).toBeNull();
    expect(en('not a date', NOW)).toBeNull();
  });
});
