import { describe, expect, it } from 'vitest';
import { DateOrderTally, dateOrderVote, defaultDateOrder, parseDate } from './dates';

const iso = (value: string, order: 'dmy' | 'mdy' = 'dmy') => {
  const parsed = parseDate(value, order);
  return parsed.ok ? parsed.iso : parsed.problem;
};

describe('parseDate', () => {
  it.each([
    ['2024-03-15', '2024-03-15'],
    ['2024/3/5', '2024-03-05'],
    ['2024.03.15', '2024-03-15'],
    ['2024-03-15T00:00:00Z', '2024-03-15'],
    ['2024-03-15 10:30:00', '2024-03-15'],
    ['15/03/2024', '2024-03-15'],
    ['15.03.2024', '2024-03-15'],
    ['15-03-2024', '2024-03-15'],
    ['5/3/24', '2024-03-05'],
    ['05/03/99', '1999-03-05'],
    ['15/03/2024 14:05', '2024-03-15'],
    ['20240315', '2024-03-15'],
    ['45292', '2024-01-01'],
    ['45292.75', '2024-01-01'],
    ['15 mars 2024', '2024-03-15'],
    ['1er janvier 2024', '2024-01-01'],
    ['March 15, 2024', '2024-03-15'],
    ['Friday, March 15th 2024', '2024-03-15'],
    ['15-Mar-24', '2024-03-15'],
    ['15 de marzo de 2024', '2024-03-15'],
    ['1º de março de 2024', '2024-03-01'],
    ['3 fév. 2024', '2024-02-03'],
    ['29/02/2024', '2024-02-29'],
  ])('%s -> %s', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it('reads month-first when told', () => {
    expect(iso('03/04/2024', 'mdy')).toBe('2024-03-04');
    expect(iso('03/04/2024', 'dmy')).toBe('2024-04-03');
    expect(iso('12/31/2024', 'mdy')).toBe('2024-12-31');
  });

  it.each([
    ['31/02/2024', 'invalid_date'],
    ['29/02/2023', 'invalid_date'],
    ['13/13/2024', 'invalid_date'],
    ['2024-02-30', 'invalid_date'],
    ['yesterday', 'invalid_date'],
    ['Mar 2024', 'invalid_date'],
    ['1/2/345', 'invalid_date'],
    ['2019', 'year_only'],
    ['15/03/1850', 'out_of_range'],
    ['0024-01-01', 'out_of_range'],
  ])('%s is %s', (value, problem) => {
    expect(iso(value)).toBe(problem);
  });

  it('names a value that contradicts the column order', () => {
    expect(iso('03/25/2024', 'dmy')).toBe('wrong_order');
    expect(iso('25/03/2024', 'mdy')).toBe('wrong_order');
  });
});

describe('date order per column', () => {
  it('votes only on unambiguous values', () => {
    expect(dateOrderVote('25/03/2024')).toBe('dmy');
    expect(dateOrderVote('03/25/2024')).toBe('mdy');
    expect(dateOrderVote('03/04/2024')).toBeNull();
    expect(dateOrderVote('2024-03-25')).toBeNull();
    expect(dateOrderVote('13/13/2024')).toBeNull();
  });

  it('lets the majority win and says nothing without votes', () => {
    const tally = new DateOrderTally();
    expect(tally.result()).toBeNull();
    for (const v of ['03/04/2024', '01/02/2024']) tally.add(v);
    expect(tally.result()).toBeNull();
    for (const v of ['03/25/2024', '04/30/2024', '25/03/2024']) tally.add(v);
    expect(tally.result()).toBe('mdy');
  });

  it('defaults by country', () => {
    expect(defaultDateOrder('US')).toBe('mdy');
    expect(defaultDateOrder('ph')).toBe('mdy');
    expect(defaultDateOrder('FR')).toBe('dmy');
    expect(defaultDateOrder(null)).toBe('dmy');
  });
});
