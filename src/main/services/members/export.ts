import { statement } from '../../db/statements';
import Papa from 'papaparse';
import type { Chapter, Member } from '../../../shared/domain';
import { proposedCsvDelimiter, type CsvDelimiter } from '../../../shared/locale/csv';
import type { Db } from '../../db/open';
import { requireChapter } from '../chapter/chapter';
import type { ExportedFile } from '../../../shared/imports';
import { listMembers, MEMBER_SELECT, type ListQuery } from './query';
import { toMember, type MemberDbRow } from './row';
import { localIsoDate, statusParams } from './status';
import { exportColumns, exportLanguage, exportValue, type ExportLanguage } from './export-labels';

/** The chapter's CSV delimiter, or the one spreadsheets expect in `language` where it has none. */
export function csvDelimiterOf(chapter: Chapter, language: string): CsvDelimiter {
  return chapter.csvDelimiter ?? proposedCsvDelimiter(language);
}

export function allMembers(db: Db, now: Date): Member[] {
  const chapter = requireChapter(db);
  const rows = statement(db, `${MEMBER_SELECT} WHERE m.deleted = 0 ORDER BY m.sort_name, m.id`).all({
    ...statusParams(chapter, now),
  }) as MemberDbRow[];
  return rows.map(toMember);
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab or CR) gets a leading
 * apostrophe, so an exported list can never execute anything when opened in Excel. A phone number
 * or a signed number ("+254 712 345678", "-5") holds nothing to execute and stays as it is.
 */
export function neutraliseFormula(value: string): string {
  if (/^[+-][\d\s().-]*$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface CsvOptions {
  delimiter: CsvDelimiter;
  language: ExportLanguage;
}

/**
 * UTF-8 with a BOM, so Excel opens accents and non-Latin names correctly, with the delimiter the
 * secretary's spreadsheet expects (French Excel reads a comma-separated file as one column).
 */
export function membersToCsv(members: Member[], { delimiter, language }: CsvOptions): string {
  const columns = exportColumns(language);
  const rows = members.map((m) => columns.map(([key]) => neutraliseFormula(exportValue(m, key, language))));
  const csv = Papa.unparse(
    { fields: columns.map(([, header]) => header), data: rows },
    { newline: '\r\n', delimiter },
  );
  return `\uFEFF${csv}`;
}

/**
 * The same columns as a workbook. Every cell is a text cell, never a formula, so "=…" stays text
 * without an apostrophe, and phone numbers keep their leading + and zeros.
 */
export async function membersToXlsx(members: Member[], language: ExportLanguage): Promise<Uint8Array> {
  // Loaded on first use: exceljs costs ~25 MB and a third of a second at startup, for an export few make.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Members');
  const columns = exportColumns(language);
  sheet.addRow(columns.map(([, header]) => header)).font = { bold: true };
  for (const m of members) sheet.addRow(columns.map(([key]) => exportValue(m, key, language)));
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
  options: { delimiter?: CsvDelimiter | undefined; language?: string | undefined } = {},
): Promise<ExportedFile> {
  const chapter = requireChapter(db);
  const { rows } = listMembers(db, query, now, chapter);
  const language = exportLanguage(options.language ?? chapter.locale);
  // A list of deleted members says so in its name: they are not the chapter's members.
  const stamp = `${query.deleted ? 'deleted-' : ''}${localIsoDate(now)}`;
  if (format === 'csv') {
    return {
      fileName: `members-${stamp}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      data: Buffer.from(
        membersToCsv(rows, { delimiter: options.delimiter ?? csvDelimiterOf(chapter, language), language }),
        'utf8',
      ).toString('base64'),
    };
  }
  return {
    fileName: `members-${stamp}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: Buffer.from(await membersToXlsx(rows, language)).toString('base64'),
  };
}
