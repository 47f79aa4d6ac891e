import { statement } from '../../db/statements';
import Papa from 'papaparse';
import type { Member } from '../../../shared/domain';
import type { Db } from '../../db/open';
import { requireChapter } from '../chapter/chapter';
import { MEMBER_SELECT } from './query';
import { toMember, type MemberDbRow } from './row';
import { localIsoDate } from './status';

export function allMembers(db: Db, now: Date): Member[] {
  const chapter = requireChapter(db);
  const rows = statement(db, `${MEMBER_SELECT} WHERE m.deleted = 0 ORDER BY m.sort_name, m.id`).all({
    today: localIsoDate(now),
    grace: chapter.graceDays,
  }) as MemberDbRow[];
  return rows.map(toMember);
}

const CSV_COLUMNS: [keyof Member, string][] = [
  ['memberNumber', 'Member number'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['phoneE164', 'Phone (E.164)'],
  ['country', 'Country'],
  ['city', 'City'],
  ['organisation', 'Organisation'],
  ['typeName', 'Membership type'],
  ['status', 'Status'],
  ['joinedOn', 'Joined on'],
  ['paidThrough', 'Paid through'],
  ['consentEmail', 'Consent email'],
  ['consentSms', 'Consent SMS'],
  ['notes', 'Notes'],
];

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab or CR) gets a leading
 * apostrophe, so an exported list can never execute anything when opened in Excel. A phone number
 * or a signed number ("+254 712 345678", "-5") holds nothing to execute and stays as it is.
 */
export function neutraliseFormula(value: string): string {
  if (/^[+-][\d\s().-]*$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** UTF-8 with a BOM, so Excel opens accents and non-Latin names correctly. */
export function membersToCsv(members: Member[]): string {
  const rows = members.map((m) =>
    CSV_COLUMNS.map(([key]) => {
      const value = m[key];
      if (value === null || value === undefined) return '';
      return neutraliseFormula(typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));
    }),
  );
  return (
    '\uFEFF' +
    Papa.unparse({ fields: CSV_COLUMNS.map(([, header]) => header), data: rows }, { newline: '\r\n' })
  );
}
