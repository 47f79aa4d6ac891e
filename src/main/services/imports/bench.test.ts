import { describe, expect, it } from 'vitest';
import { benchImport, makeMemberCsv } from './bench';

describe('a 100,000-row file', () => {
  it('generates about 10 MB of French-Excel CSV', () => {
    const bytes = makeMemberCsv(1000);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.length).toBeGreaterThan(80_000);
  });

  // Typically 3-5 s on a 2-core machine; the bound only catches something going quadratic.
  it('is read, mapped, cleaned and de-duplicated in seconds', { timeout: 120_000 }, async () => {
    const result = await benchImport(100_000);
    expect(result.megabytes).toBeGreaterThan(9);
    expect(result.totalMs).toBeLessThan(45_000);
  });
});
