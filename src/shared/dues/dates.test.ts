import { describe, expect, it } from 'vitest';
import { isIsoDate, periodEnd, shiftMonth, todayIn } from './dates';
import { proposePeriod } from './renewal';
import { memberStatus } from './status';

describe('periods', () => {
  it.each([
    ['2026-01-01', 12, '2026-12-31'],
    ['2026-03-15', 12, '2027-03-14'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-01-30', 1, '2024-02-29'],
    ['2026-01-29', 1, '2026-02-28'],
    ['2026-01-28', 1, '2026-02-27'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-03-01', 12, '2026-02-28'],
    ['2027-03-01', 12, '2028-02-29'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-10', 24, '2028-05-09'],
  ])('%s + %i months ends on %s', (from, months, end) => {
    expect(periodEnd(from, months)).toBe(end);
  });

  it('refuses a period that would end after the year 9999, naming the amount', () => {
    expect(periodEnd('2026-03-01', 12 * 7973)).toBe('9999-02-28');
    expect(() => periodEnd('2026-03-01', 100 * 1200)).toThrow(/after the year 9999/);
  });

  it('renews from the day after expiry while active or in grace, from the payment day otherwise', () => {
    const base = { paidThrough: '2026-02-28', paidOn: '2026-03-10', periodMonths: 12 };
    expect(proposePeriod({ ...base, status: 'active' })).toEqual({ from: '2026-03-01', to: '2027-02-28' });
    expect(proposePeriod({ ...base, status: 'grace' })).toEqual({ from: '2026-03-01', to: '2027-02-28' });
    expect(proposePeriod({ ...base, status: 'lapsed' })).toEqual({ from: '2026-03-10', to: '2027-03-09' });
    expect(proposePeriod({ ...base, paidThrough: null, status: 'never-paid' })).toEqual({
      from: '2026-03-10',
      to: '2027-03-09',
    });
    expect(proposePeriod({ ...base, status: 'active', periods: 2 })).toEqual({
      from: '2026-03-01',
      to: '2028-02-29',
    });
  });

  it('reads only real calendar dates and moves months across years', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', -11)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });

  it('takes today in the chapter’s time zone, not the laptop’s', () => {
    const instant = new Date('2026-02-28T22:30:00Z');
    expect(todayIn('Africa/Nairobi', instant)).toBe('2026-03-01');
    expect(todayIn('Africa/Dakar', instant)).toBe('2026-02-28');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-02-28');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-12-31T11:00:00Z'))).toBe('2027-01-01');
  });
});

describe('the status rule', () => {
  const at = (
    paidThrough: string | null,
    today: string,
    kind: 'individual' | 'honorary' | 'lifetime' = 'individual',
    graceDays = 30,
  ) => memberStatus({ kind, paidThrough, graceDays }, today);

  it('is active through the last day paid, in grace for the grace days after, lapsed beyond', () => {
    expect(at('2026-03-01', '2026-03-01')).toBe('active');
    expect(at('2026-02-28', '2026-03-01')).toBe('grace');
    expect(at('2026-01-30', '2026-03-01')).toBe('grace');
    expect(at('2026-01-29', '2026-03-01')).toBe('lapsed');
    expect(at('2026-02-28', '2026-03-01', 'individual', 0)).toBe('lapsed');
    // Over 29 February: 30 days after 2024-01-31 is 2024-03-01.
    expect(at('2024-01-31', '2024-03-01')).toBe('grace');
    expect(at('2024-01-31', '2024-03-02')).toBe('lapsed');
    // Month end and year end.
    expect(at('2026-12-31', '2027-01-30')).toBe('grace');
    expect(at('2026-12-31', '2027-01-31')).toBe('lapsed');
  });

  it('says never paid without any date, and never lapses honorary or lifetime members', () => {
    expect(at(null, '2026-03-01')).toBe('never-paid');
    expect(at(null, '2026-03-01', 'honorary')).toBe('honorary');
    expect(at('2001-01-01', '2026-03-01', 'lifetime')).toBe('lifetime');
  });
});
