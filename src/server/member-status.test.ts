import { describe, expect, it } from 'vitest';
import { countStatuses, memberStatus } from './member-status';
import type { MemberFacts } from './store/types';

const TODAY = '2026-03-01';

describe('memberStatus', () => {
  const at = (paidThrough: string | null, kind: string | null = 'regular', graceDays = 30) =>
    memberStatus({ kind, paidThrough, graceDays }, TODAY);

  it('honours honorary and lifetime types whatever was paid', () => {
    expect(at(null, 'honorary')).toBe('honorary');
    expect(at('2001-01-01', 'honorary')).toBe('honorary');
    expect(at(null, 'lifetime')).toBe('active');
  });

  it('is active through paid_through, in grace for grace_days after, lapsed beyond', () => {
    expect(at('2026-03-01')).toBe('active');
    expect(at('2027-01-01')).toBe('active');
    expect(at('2026-02-28')).toBe('grace');
    expect(at('2026-01-30')).toBe('grace');
    expect(at('2026-01-29')).toBe('lapsed');
    expect(at('2026-02-20', 'regular', 5)).toBe('lapsed');
    expect(at('2026-02-28', 'regular', 0)).toBe('lapsed');
    expect(at(null)).toBe('lapsed');
  });
});

describe('countStatuses', () => {
  const fact = (memberId: string, extra: Partial<MemberFacts>): MemberFacts => ({
    chapterId: 'c1',
    memberId,
    deleted: null,
    paidThrough: null,
    typeKind: null,
    graceDays: null,
    ...extra,
  });

  it('counts per chapter from raw JSON, skipping deleted members and surviving garbage', () => {
    const counts = countStatuses(
      [
        fact('a', { paidThrough: '"2026-12-31"', typeKind: '"regular"' }),
        fact('b', { paidThrough: '"2026-02-15"', graceDays: '30' }),
        fact('c', { paidThrough: '"2026-02-15"', graceDays: '7' }),
        fact('d', { typeKind: '"honorary"' }),
        fact('e', { paidThrough: '"2026-12-31"', deleted: '1' }),
        fact('f', { paidThrough: '"not a date"', graceDays: '"many"' }),
        fact('g', { paidThrough: '{broken', typeKind: '42' }),
        fact('h', { chapterId: 'c2', typeKind: '"lifetime"' }),
        fact('i', { paidThrough: '"2026-02-31"' }),
      ],
      TODAY,
    );
    expect(counts.get('c1')).toEqual({ active: 1, grace: 1, lapsed: 4, honorary: 1, total: 7 });
    expect(counts.get('c2')).toEqual({ active: 1, grace: 0, lapsed: 0, honorary: 0, total: 1 });
  });
});
