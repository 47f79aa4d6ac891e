import type { Migration } from './types';

/**
 * The digits after a member number's prefix (17 in K3M-17), indexed, so that the door finds a
 * member by the digits they say as fast as by a plain number. Only numbers with a dash are in it:
 * a chapter of plain numbers pays nothing. Queries must repeat the expression and the WHERE term
 * exactly (`NUMBER_DIGITS` in services/events/attendance.ts) for SQLite to use it.
 */
export const migration011: Migration = {
  version: 11,
  name: 'member_number_digits',
  sql: `
    CREATE INDEX members_number_digits
      ON members (deleted, substr(member_number, instr(member_number, '-') + 1))
      WHERE instr(member_number, '-') > 0;
  `,
};
