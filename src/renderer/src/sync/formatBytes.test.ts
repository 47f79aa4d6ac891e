import { describe, expect, it } from 'vitest';
import { formatBytes } from './useByteSize';

describe('bytes as the secretary reads them', () => {
  it('picks the unit and keeps one decimal only while it tells something', () => {
    expect(formatBytes(0, 'en-GB')).toBe('0 byte');
    expect(formatBytes(999, 'en-GB')).toBe('999 byte');
    expect(formatBytes(1_234, 'en-GB')).toBe('1.2 kB');
    expect(formatBytes(1_234_567, 'en-GB')).toBe('1.2 MB');
    expect(formatBytes(15_300_000, 'en-GB')).toBe('15 MB');
    expect(formatBytes(2_500_000_000, 'en-GB')).toBe('2.5 GB');
  });

  it('speaks the UI language', () => {
    // French puts a narrow no-break space before the unit.
    expect(formatBytes(1_234_567, 'fr')).toMatch(/^1,2\s?Mo$/);
    expect(formatBytes(1_234_567, 'ar')).toMatch(/^1[.٫]2 /);
  });
});
