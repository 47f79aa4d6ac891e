import { describe, expect, it } from 'vitest';
import { columnExamples, columnLetter, mappingWarnings, setField } from './mapping';

describe('mappingWarnings', () => {
  it('is quiet for a sound mapping', () => {
    expect(mappingWarnings(['lastName', 'firstName', 'email', null, null])).toEqual({
      duplicates: [],
      noIdentity: false,
    });
  });

  it('names the columns that feed the same field', () => {
    expect(mappingWarnings(['email', 'phone', 'email', 'phone', 'city']).duplicates).toEqual([
      { field: 'email', columns: [0, 2] },
      { field: 'phone', columns: [1, 3] },
    ]);
  });

  it('lets several columns feed the notes, which are joined', () => {
    expect(mappingWarnings(['fullName', 'notes', 'notes']).duplicates).toEqual([]);
  });

  it('warns when no column gives a name or an email', () => {
    expect(mappingWarnings(['phone', 'city', null]).noIdentity).toBe(true);
    expect(mappingWarnings([]).noIdentity).toBe(true);
    for (const field of ['firstName', 'lastName', 'fullName', 'email'] as const) {
      expect(mappingWarnings(['phone', field]).noIdentity).toBe(false);
    }
  });
});

describe('columnExamples', () => {
  const sample = [
    { rowNumber: 2, cells: ['Dupré', ' ', 'a'] },
    { rowNumber: 3, cells: ['Müller', '', 'b'] },
    { rowNumber: 4, cells: ['Œuvre'] },
    { rowNumber: 5, cells: ['Otieno', ' x ', 'c'] },
  ];

  it('takes the first three non-blank values', () => {
    expect(columnExamples(sample, 0)).toEqual(['Dupré', 'Müller', 'Œuvre']);
    expect(columnExamples(sample, 1)).toEqual(['x']);
    expect(columnExamples(sample, 2)).toEqual(['a', 'b', 'c']);
    expect(columnExamples(sample, 9)).toEqual([]);
  });
});

describe('columnLetter', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('setField', () => {
  it('changes one column and leaves the original alone', () => {
    const fields = ['email', null] as const;
    expect(setField(fields, 1, 'city')).toEqual(['email', 'city']);
    expect(fields).toEqual(['email', null]);
  });
});
