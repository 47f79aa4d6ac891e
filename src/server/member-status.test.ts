import { describe, expect, it } from 'vitest';
import { countStatuses } from './member-status';
import type { MemberFacts } from './store/types';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('countStatuses', () => {
  const fact = (memberId: string, extra: Partial<MemberFacts>): MemberFacts => ({
    chapterId: 'c1',
    memberId,
    deleted: null,
    paidThrough: null,
    paymentsThrough: null,
    typeKind: null,
    typeGraceDays: null,
    graceDays: null,
    timeZone: null,
    ...extra,
  });

  it('counts per chapter from raw JSON with the shared rule, skipping deleted members and surviving garbage', () => {
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
        fact('j', { paidThrough: '"2025-01-01"', graceDays: '1e300' }),
      ],
      NOW,
    );
    expect(counts.get('c1')).toEqual({
      active: 1,
      grace: 1,
      lapsed: 2,
      'never-paid': 3,
      honorary: 1,
      lifetime: 0,
      total: 8,
    });
    expect(counts.get('c2')).toMatchObject({ lifetime: 1, total: 1 });
  });

  it('takes the later of a paid-through date from before dues and the payments, and a type’s own grace', () => {
    const counts = countStatuses(
      [
        fact('a', { paidThrough: '"2025-01-01"', paymentsThrough: '"2026-06-30"' }),
        fact('b', { paidThrough: '"2026-06-30"', paymentsThrough: '"2025-01-01"' }),
        fact('c', { paymentsThrough: '"2026-02-20"', graceDays: '30', typeGraceDays: '3' }),
      ],
      NOW,
    );
    expect(counts.get('c1')).toMatchObject({ active: 2, lapsed: 1 });
  });

  it('counts the day in the chapter’s time zone', () => {
    // 23:30 UTC on 28 February is already 1 March in Nairobi (UTC+3), not in Dakar (UTC+0).
    const lateEvening = new Date('2026-02-28T23:30:00Z');
    const member = { paymentsThrough: '"2026-02-28"', graceDays: '0' };
    expect(
      countStatuses([fact('a', { ...member, timeZone: '"Africa/Nairobi"' })], lateEvening).get('c1'),
    ).toMatchObject({ lapsed: 1 });
    expect(
      countStatuses([fact('a', { ...member, timeZone: '"Africa/Dakar"' })], lateEvening).get('c1'),
    ).toMatchObject({ active: 1 });
  });
});
