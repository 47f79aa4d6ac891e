import { describe, expect, it } from 'vitest';
import { IMPORT_PROBLEM_ROWS } from '../../../shared/imports';
import { issue, type CleanRow } from './clean';
import { groupProblems, problemRowCounts } from './problems';

const invalidEmail = (row: number, value: string, column = 'Courriel') =>
  issue(row, 'email', column, 'invalid_email', 'error', value, 'is not a valid email address.');

const rejectedRow = (rowNumber: number): Pick<CleanRow, 'rowNumber' | 'rejection'> => ({
  rowNumber,
  rejection: {
    code: 'no_name_or_email',
    value: '',
    problem: 'No name and no email, so this row cannot be imported.',
    message: `Row ${rowNumber}: No name and no email, so this row cannot be imported.`,
  },
});

describe('grouping an import’s problems', () => {
  it('says one problem of many rows once, with the rows in order and the value of each', () => {
    const groups = groupProblems(
      [],
      [invalidEmail(9, 'x@'), invalidEmail(5, 'paul@'), invalidEmail(12, 'a@b')],
    );
    expect(groups).toEqual([
      {
        severity: 'error',
        code: 'invalid_email',
        field: 'email',
        column: 'Courriel',
        params: {},
        count: 3,
        rows: [
          { row: 5, value: 'paul@' },
          { row: 9, value: 'x@' },
          { row: 12, value: 'a@b' },
        ],
        message:
          '3 rows, Email (column “Courriel”): Not a valid email address, so no email was imported. Rows 5, 9 and 12.',
      },
    ]);
  });

  it('keeps the sentence that quotes the value for a problem of one row', () => {
    const [group] = groupProblems([], [invalidEmail(5, 'paul@')]);
    expect(group?.message).toBe('Row 5, Email (column “Courriel”): “paul@” is not a valid email address.');
  });

  it('keeps apart the same problem in another column, with other params, or of another severity', () => {
    const groups = groupProblems(
      [],
      [
        invalidEmail(2, 'a@'),
        invalidEmail(3, 'b@', 'Email 2'),
        issue(4, 'joinedOn', null, 'invalid_date', 'error', '31/31/2024', 'is not a date.', { order: 'dmy' }),
        issue(5, 'joinedOn', null, 'invalid_date', 'error', '31/31/2024', 'is not a date.', { order: 'mdy' }),
        issue(6, 'phone', null, 'phone_not_recognised', 'warning', '12', 'does not look like a phone.'),
      ],
    );
    expect(groups.map((g) => [g.code, g.column, g.params, g.rows.map((r) => r.row)])).toEqual([
      ['invalid_email', 'Courriel', {}, [2]],
      ['invalid_email', 'Email 2', {}, [3]],
      ['invalid_date', null, { order: 'dmy' }, [4]],
      ['invalid_date', null, { order: 'mdy' }, [5]],
      ['phone_not_recognised', null, {}, [6]],
    ]);
  });

  it('names no column when the file calls it as the field is called', () => {
    const [group] = groupProblems([], [invalidEmail(2, 'a@', 'EMAIL'), invalidEmail(3, 'b@', 'EMAIL')]);
    expect(group?.column).toBeNull();
    expect(group?.message).toMatch(/^2 rows, Email: /);
  });

  it('puts rejected rows first, then values left out, then warnings, each by its first row', () => {
    const groups = groupProblems(
      [rejectedRow(8), rejectedRow(3)],
      [
        issue(2, 'phone', null, 'phone_not_recognised', 'warning', '12', 'does not look like a phone.'),
        invalidEmail(6, 'b@'),
        issue(4, 'country', null, 'unknown_country', 'error', 'Narnia', 'is not a country.'),
      ],
    );
    expect(groups.map((g) => [g.severity, g.code, g.rows.map((r) => r.row)])).toEqual([
      ['rejected', 'no_name_or_email', [3, 8]],
      ['error', 'unknown_country', [4]],
      ['error', 'invalid_email', [6]],
      ['warning', 'phone_not_recognised', [2]],
    ]);
    expect(groups[0]?.message).toBe(
      '2 rows: No name and no email, so these rows were not imported. Rows 3 and 8.',
    );
  });

  it('counts every row but lists a bounded number, and names twenty in its message', () => {
    const many = Array.from({ length: IMPORT_PROBLEM_ROWS + 5 }, (_, i) => invalidEmail(i + 2, `n${i}@`));
    const [group] = groupProblems([], many.reverse());
    expect(group?.count).toBe(IMPORT_PROBLEM_ROWS + 5);
    expect(group?.rows).toHaveLength(IMPORT_PROBLEM_ROWS);
    expect(group?.rows[0]).toEqual({ row: 2, value: 'n0@' });
    expect(group?.message).toMatch(/Rows 2, 3, 4, .*, 21 and 985 more\.$/);
  });

  it('counts the rows each kind of problem touches: a row missing two values counts once', () => {
    const groups = groupProblems(
      [rejectedRow(3)],
      [
        invalidEmail(4, 'a@'),
        invalidEmail(5, 'b@'),
        issue(5, 'membershipType', 'Catégorie', 'unknown_type', 'error', 'Gold', 'is no type.', {
          type: 'Gold',
        }),
        issue(5, 'phone', null, 'phone_not_recognised', 'warning', '12', 'does not look like a phone.'),
      ],
    );
    expect(groups.filter((g) => g.severity === 'error').reduce((n, g) => n + g.count, 0)).toBe(3);
    expect(problemRowCounts(groups)).toEqual({ rejected: 1, error: 2, warning: 1 });
    // Past the rows a group lists, every row still counts; groups merged later (the chapter's own
    // fields) count with the rest.
    const many = Array.from({ length: IMPORT_PROBLEM_ROWS + 5 }, (_, i) => invalidEmail(i + 2, `n${i}@`));
    const custom = groupProblems([], [invalidEmail(IMPORT_PROBLEM_ROWS + 6, 'x@', 'Email 2')]);
    expect(problemRowCounts([...groupProblems([], many), ...custom])).toEqual({
      rejected: 0,
      error: IMPORT_PROBLEM_ROWS + 5,
      warning: 0,
    });
  });

  it('says which earlier row a merged row replaced a value of', () => {
    const merged = {
      ...issue(7, 'city', null, 'merge_conflict', 'warning', 'Lyon', 'replaces “Paris” from row 3.', {
        by: 'email',
      }),
      earlier: { row: 3, value: 'Paris' },
    };
    expect(groupProblems([], [merged])[0]?.rows).toEqual([
      { row: 7, value: 'Lyon', earlierRow: 3, replaced: 'Paris' },
    ]);
  });
});
