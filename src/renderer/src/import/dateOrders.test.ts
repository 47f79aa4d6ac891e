import { describe, expect, it } from 'vitest';
import type {
  ImportField,
  ImportProblemCode,
  ImportProblemGroup,
  ImportProblemSeverity,
} from '../../../shared/imports';
import {
  dateErrorCount,
  dateExample,
  keepDateOrders,
  mappedDateColumns,
  NO_DATE_ORDERS,
  readNumericDate,
  withDateOrder,
} from './dateOrders';

const sample = (...values: string[]) => values.map((value, i) => ({ rowNumber: i + 2, cells: ['x', value] }));

describe('mappedDateColumns', () => {
  it('gives each mapped date field with the first column set to it, joined date first', () => {
    const fields: (ImportField | null)[] = ['paidThrough', 'email', 'joinedOn', 'joinedOn', null];
    expect(mappedDateColumns(fields)).toEqual([
      { field: 'joinedOn', column: 2 },
      { field: 'paidThrough', column: 0 },
    ]);
    expect(mappedDateColumns(['email', 'notes'])).toEqual([]);
  });
});

describe('withDateOrder', () => {
  it('sets an order without touching the previous one, and forgets it for null', () => {
    const set = withDateOrder(NO_DATE_ORDERS, 'joinedOn', 'mdy');
    expect(set).toEqual({ joinedOn: 'mdy' });
    expect(NO_DATE_ORDERS).toEqual({});
    expect(withDateOrder(set, 'joinedOn', null)).toEqual({});
  });
});

describe('keepDateOrders', () => {
  const before: (ImportField | null)[] = ['email', 'joinedOn', 'paidThrough'];
  const orders = { joinedOn: 'mdy', paidThrough: 'dmy' } as const;

  it('keeps the order of a field still read from the same column', () => {
    expect(keepDateOrders(orders, before, ['firstName', 'joinedOn', 'paidThrough'])).toEqual(orders);
  });

  it('drops the order of a field now read from another column, or from none', () => {
    expect(keepDateOrders(orders, before, ['joinedOn', 'joinedOn', 'paidThrough'])).toEqual({
      paidThrough: 'dmy',
    });
    expect(keepDateOrders(orders, before, ['email', 'joinedOn', null])).toEqual({ joinedOn: 'mdy' });
  });
});

describe('readNumericDate', () => {
  it('reads the same digits both ways', () => {
    expect(readNumericDate('03/04/2024', 'dmy')).toEqual({ value: '03/04/2024', iso: '2024-04-03' });
    expect(readNumericDate('03/04/2024', 'mdy')).toEqual({ value: '03/04/2024', iso: '2024-03-04' });
    expect(readNumericDate(' 3.4.24 ', 'mdy')).toEqual({ value: '3.4.24', iso: '2024-03-04' });
    expect(readNumericDate('12-31-1985 10:30', 'mdy')).toEqual({
      value: '12-31-1985 10:30',
      iso: '1985-12-31',
    });
  });

  it('reads two-digit years as the import does: up to 29 in this century, from 30 in the last', () => {
    expect(readNumericDate('01/02/29', 'dmy')?.iso).toBe('2029-02-01');
    expect(readNumericDate('01/02/30', 'dmy')?.iso).toBe('1930-02-01');
  });

  it('says when a date does not exist in the order given', () => {
    expect(readNumericDate('25/03/2024', 'mdy')).toEqual({ value: '25/03/2024', iso: null });
    expect(readNumericDate('02/29/2023', 'mdy')).toEqual({ value: '02/29/2023', iso: null });
    expect(readNumericDate('02/29/2024', 'mdy')?.iso).toBe('2024-02-29');
    expect(readNumericDate('00/03/2024', 'dmy')?.iso).toBeNull();
  });

  it('ignores values the order does not change', () => {
    for (const value of ['2024-03-04', '15 March 2024', '45292', '20240315', '', 'N/A', '1/2/345']) {
      expect(readNumericDate(value, 'dmy')).toBeNull();
    }
  });
});

describe('dateExample', () => {
  it('shows the first value the order reads, when it reads them all', () => {
    expect(dateExample(sample('', '2024-01-05', '03/04/2024', '25/03/2024'), 1, 'dmy')).toEqual({
      value: '03/04/2024',
      iso: '2024-04-03',
    });
  });

  it('shows a value the order cannot read before any it can', () => {
    expect(dateExample(sample('03/04/2024', '25/03/2024'), 1, 'mdy')).toEqual({
      value: '25/03/2024',
      iso: null,
    });
  });

  it('has no example when no value depends on the order', () => {
    expect(dateExample(sample('2024-01-05', ''), 1, 'dmy')).toBeNull();
    expect(dateExample([], 1, 'dmy')).toBeNull();
  });
});

describe('dateErrorCount', () => {
  it('counts the rows whose date of one field was left out', () => {
    const group = (
      field: ImportField,
      code: ImportProblemCode,
      count: number,
      severity: ImportProblemSeverity = 'error',
    ): ImportProblemGroup => ({
      severity,
      code,
      field,
      column: null,
      params: {},
      count,
      rows: [],
      message: '',
    });
    const problems = [
      group('joinedOn', 'invalid_date', 3),
      group('email', 'invalid_email', 1),
      group('joinedOn', 'wrong_order', 2),
      group('joinedOn', 'merge_conflict', 4, 'warning'),
    ];
    expect(dateErrorCount(problems, 'joinedOn')).toBe(5);
    expect(dateErrorCount(problems, 'paidThrough')).toBe(0);
  });
});
