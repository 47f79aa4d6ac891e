import { describe, expect, it } from 'vitest';
import { delimiterName, fieldOfColumn, rejectsFileName } from './labels';

describe('delimiterName', () => {
  it('names the usual separators and calls anything else other', () => {
    expect([',', ';', '\t', '|', ':'].map(delimiterName)).toEqual([
      'comma',
      'semicolon',
      'tab',
      'pipe',
      'other',
    ]);
  });
});

describe('fieldOfColumn', () => {
  it('translates the columns an update reports into import fields', () => {
    expect(fieldOfColumn('first_name')).toBe('firstName');
    expect(fieldOfColumn('type_id')).toBe('membershipType');
    expect(fieldOfColumn('paid_through')).toBe('paidThrough');
    expect(fieldOfColumn('consent_sms')).toBeNull();
  });
});

describe('rejectsFileName', () => {
  it('replaces the extension and keeps the rest of the name', () => {
    expect(rejectsFileName('adherents 2024.xlsx', 'rejected')).toBe('adherents 2024-rejected.csv');
    expect(rejectsFileName('liste.v2.csv', 'refusees')).toBe('liste.v2-refusees.csv');
    expect(rejectsFileName('members', 'rejected')).toBe('members-rejected.csv');
    expect(rejectsFileName('.csv', 'rejected')).toBe('import-rejected.csv');
  });
});
