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
import { exportColumns, exportLanguage, exportValue, yesNoWord, type ExportLanguage } from './export-labels';
import type { CustomField } from '../../../shared/custom-fields';
import { listCustomFields } from '../custom-fields/fields';

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

/** The chapter's fields in use, as columns after ours, and every member's values of them. */
export interface CustomColumnsData {
  fields: CustomField[];
  /** Member id -> field id -> stored value. */
  values: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const NO_CUSTOM_COLUMNS: CustomColumnsData = { fields: [], values: new Map() };

/** Headed by their labels, which an import takes back into the same fields. */
export function customColumnsData(db: Db): CustomColumnsData {
  const fields = listCustomFields(db).filter((f) => !f.retired);
  const inUse = new Set(fields.map((f) => f.id));
  const values = new Map<string, Map<string, string>>();
  const stored = statement(
    db,
    `SELECT member_id, field_id, value FROM member_field_values WHERE value IS NOT NULL`,
  ).all() as { member_id: string; field_id: string; value: string }[];
  for (const row of stored) {
    if (!inUse.has(row.field_id)) continue;
    const member = values.get(row.member_id) ?? new Map<string, string>();
    member.set(row.field_id, row.value);
    values.set(row.member_id, member);
  }
  return { fields, values };
}

/** A member's custom values in column order: yes and no in words, the rest in their stored form. */
function customCells(custom: CustomColumnsData, memberId: string, language: ExportLanguage): string[] {
  const mine = custom.values.get(memberId);
  return custom.fields.map((field) => {
    const value = mine?.get(field.id) ?? '';
    return field.kind === 'yesno' && value ? yesNoWord(value === 'yes', language) : value;
  });
}

export interface CsvOptions {
  delimiter: CsvDelimiter;
  language: ExportLanguage;
}

/**
 * UTF-8 with a BOM, so Excel opens accents and non-Latin names correctly, with the delimiter the
 * secretary's spreadsheet expects (French Excel reads a comma-separated file as one column).
 */
export function membersToCsv(
  members: Member[],
  { delimiter, language }: CsvOptions,
  custom: CustomColumnsData = NO_CUSTOM_COLUMNS,
): string {
  const columns = exportColumns(language);
  const rows = members.map((m) =>
    [...columns.map(([key]) => exportValue(m, key, language)), ...customCells(custom, m.id, language)].map(
      neutraliseFormula,
    ),
  );
  const csv = Papa.unparse(
    {
      // A field's label is the chapter's own text, as any value is: neutralised like one.
      fields: [
        ...columns.map(([, header]) => header),
        ...custom.fields.map((f) => neutraliseFormula(f.label)),
      ],
      data: rows,
    },
    { newline: '\r\n', delimiter },
  );
  return `\uFEFF${csv}`;
}

/**
 * The same columns as a workbook. Every cell is a text cell, never a formula, so "=…" stays text
 * without an apostrophe, and phone numbers keep their leading + and zeros.
 */
export async function membersToXlsx(
  members: Member[],
  language: ExportLanguage,
  custom: CustomColumnsData = NO_CUSTOM_COLUMNS,
): Promise<Uint8Array> {
  // Loaded on first use: exceljs costs ~25 MB and a third of a second at startup, for an export few make.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Members');
  const columns = exportColumns(language);
  sheet.addRow([...columns.map(([, header]) => header), ...custom.fields.map((f) => f.label)]).font = {
    bold: true,
  };
  for (const m of members) {
    sheet.addRow([
      ...columns.map(([key]) => exportValue(m, key, language)),
      ...customCells(custom, m.id, language),
    ]);
  }
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
  const custom = customColumnsData(db);
  // A list of deleted members says so in its name: they are not the chapter's members.
  const stamp = `${query.deleted ? 'deleted-' : ''}${localIsoDate(now)}`;
  if (format === 'csv') {
    return {
      fileName: `members-${stamp}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      data: Buffer.from(
        membersToCsv(
          rows,
          { delimiter: options.delimiter ?? csvDelimiterOf(chapter, language), language },
          custom,
        ),
        'utf8',
      ).toString('base64'),
    };
  }
  return {
    fileName: `members-${stamp}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: Buffer.from(await membersToXlsx(rows, language, custom)).toString('base64'),
  };
}
