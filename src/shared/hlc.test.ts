import { describe, expect, it } from 'vitest';
import { createHlc, formatHlc, isHlc, parseHlc } from './hlc';

describe('hybrid logical clock', () => {
  it('issues strictly increasing stamps within one millisecond and across them', () => {
    let wall = 1_000;
    const hlc = createHlc('node-a', () => wall);
    const a = hlc.now();
    const b = hlc.now();
    wall = 2_000;
    const c = hlc.now();
    expect(a < b && b < c).toBe(true);
    expect(parseHlc(b)).toEqual({ wall: 1_000, counter: 1, node: 'node-a' });
    expect(parseHlc(c)).toEqual({ wall: 2_000, counter: 0, node: 'node-a' });
  });

  it('never goes backwards when the wall clock is set back', () => {
    let wall = 5_000;
    const hlc = createHlc('n', () => wall);
    const before = hlc.now();
    wall = 1_000;
    expect(hlc.now() > before).toBe(true);
  });

  it('sorts after a remote stamp from a clock that runs ahead', () => {
    const hlc = createHlc('local', () => 1_000);
    const remote = formatHlc({ wall: 9_000, counter: 3, node: 'remote' });
    hlc.receive(remote);
    const next = hlc.now();
    expect(next > remote).toBe(true);
    expect(parseHlc(next).wall).toBe(9_000);
  });

  it('resumes after the newest stamp in the log', () => {
    const last = formatHlc({ wall: 7_000, counter: 4, node: 'old' });
    const hlc = createHlc('n', () => 7_000, last);
    expect(parseHlc(hlc.now())).toEqual({ wall: 7_000, counter: 5, node: 'n' });
  });

  it('orders by string comparison the same way as by time', () => {
    const early = formatHlc({ wall: 999, counter: 50, node: 'z' });
    const late = formatHlc({ wall: 1_000, counter: 0, node: 'a' });
    expect(early < late).toBe(true);
  });

  it('issues more than a million well-formed, increasing stamps while the wall clock is stuck behind', () => {
    const hlc = createHlc('stuck', () => 1_000, formatHlc({ wall: 50_000, counter: 0, node: 'ahead' }));
    let previous = '';
    for (let i = 0; i < 1_200_000; i++) {
      const stamp = hlc.now();
      // Checked as text, the way the log, the server and the sort compare stamps.
      if (!(stamp > previous) || !isHlc(stamp)) throw new Error(`stamp ${i} ${stamp} after ${previous}`);
      previous = stamp;
    }
    expect(parseHlc(previous)).toEqual({ wall: 50_001, counter: 200_000, node: 'stuck' });
  });

  it('carries a remote stamp whose counter is full into the next millisecond', () => {
    const hlc = createHlc('local', () => 1_000);
    const full = formatHlc({ wall: 9_000, counter: 999_999, node: 'remote' });
    hlc.receive(full);
    const next = hlc.now();
    expect(isHlc(next)).toBe(true);
    expect(next > full).toBe(true);
  });

  it('rejects malformed stamps', () => {
    expect(isHlc('not a clock')).toBe(false);
    expect(() => parseHlc('123:1:x')).toThrow(/Malformed/);
    expect(() => parseHlc(`${'0'.repeat(15)}:000001:bad node`)).toThrow(/Malformed/);
  });
});
