import { statement } from '../../db/statements';
import Papa from 'papaparse';
import type { Member } from '../../../shared/domain';
import type { Db } from '../../db/open';
import { requireChapter } from '../chapter/chapter';
import type { ExportedFile } from '../../../shared/imports';
import { listMembers, MEMBER_SELECT, type ListQuery } from './query';
import { toMember, type MemberDbRow } from './row';
import { localIsoDate, statusParams } from './status';

export function allMembers(db: Db, now: Date): Member[] {
  const chapter = requireChapter(db);
  const rows = statement(db, `${MEMBER_SELECT} WHERE m.deleted = 0 ORDER BY m.sort_name, m.id`).all({
    ...statusParams(chapter, now),
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
  ['addressLine1', 'Address line 1'],
  ['addressLine2', 'Address line 2'],
  ['postalCode', 'Postal code'],
  ['city', 'City'],
  ['region', 'Region'],
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

function cellText(m: Member, key: keyof Member): string {
  const value = m[key];
  if (value === null || value === undefined) return '';
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}

/** UTF-8 with a BOM, so Excel opens accents and non-Latin names correctly. */
export function membersToCsv(members: Member[]): string {
  const rows = members.map((m) => CSV_COLUMNS.map(([key]) => neutraliseFormula(cellText(m, key))));
  const csv = Papa.unparse(
    { fields: CSV_COLUMNS.map(([, header]) => header), data: rows },
    { newline: '\r\n' },
  );
  return `\uFEFF${csv}`;
}

/**
 * The same columns as a workbook. Every cell is a text cell, never a formula, so "=…" stays text
 * without an apostrophe, and phone numbers keep their leading + and zeros.
 */
export async function membersToXlsx(members: Member[]): Promise<Uint8Array> {
  // Loaded on first use: exceljs costs ~25 MB and a third of a second at startup, for an export few make.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Members');
  sheet.addRow(CSV_COLUMNS.map(([, header]) => header)).font = { bold: true };
  for (const m of members) sheet.addRow(CSV_COLUMNS.map(([key]) => cellText(m, key)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column) => (column.width = 18));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The members the screen shows with its filters and sort, as a file the renderer can save. */
export async function exportMembers(
  db: Db,
  now: Date,
  query: ListQuery,
  format: 'csv' | 'xlsx',
): Promise<ExportedFile> {
  const { rows } = listMembers(db, query, now, requireChapter(db));
  // A list of deleted members says so in its name: they are not the chapter's members.
  const stamp = `${query.deleted ? 'deleted-' : ''}${localIsoDate(now)}`;
  if (format === 'csv') {
    return {
      fileName: `members-${stamp}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      data: Buffer.from(membersToCsv(rows), 'utf8').toString('base64'),
    };
  }
  return {
    fileName: `members-${stamp}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: Buffer.from(await membersToXlsx(rows)).toString('base64'),
  };
}
