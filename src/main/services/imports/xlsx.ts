import type { CellValue, Worksheet } from 'exceljs';
import { dateText, numberText } from './cell-text';
import { ImportReadError } from './errors';
import { isBlankRow, type RawRow } from './table';
import { foldText } from '../../../shared/text';

export interface SheetInfo {
  name: string;
  hidden: boolean;
  /** Rows with at least one value. */
  rowCount: number;
}

export interface WorkbookTable {
  sheets: SheetInfo[];
  sheet: string;
  /** The chosen sheet's non-blank rows, with their sheet row numbers. */
  rows: RawRow[];
}

/** Reads an .xlsx, keeps one sheet as plain text rows, and lets the workbook object go. */
export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<WorkbookTable> {
  // Loaded on first use: exceljs costs ~25 MB and a third of a second, which a CSV import never needs.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (cause) {
    throw new ImportReadError(
      'CORRUPT',
      'This Excel file is damaged and cannot be opened. Open it in Excel or LibreOffice, save it again, and retry.',
      { cause },
    );
  }
  const tables = workbook.worksheets.map((worksheet) => ({
    info: { name: worksheet.name, hidden: worksheet.state !== 'visible', rowCount: 0 },
    worksheet,
  }));
  const chosen = chooseSheet(
    tables.map((t) => t.info),
    sheetName,
    (name) => {
      const table = tables.find((t) => t.info.name === name);
      return table ? worksheetRows(table.worksheet) : [];
    },
  );
  for (const table of tables) {
    table.info.rowCount = table.info.name === chosen.name ? chosen.rows.length : countRows(table.worksheet);
  }
  return { sheets: tables.map((t) => t.info), sheet: chosen.name, rows: chosen.rows };
}

/**
 * The sheet asked for by name (exact, then ignoring case and accents), or else the first visible
 * sheet with data, or else any sheet with data. Shared with the .ods reader.
 */
export function chooseSheet(
  sheets: readonly SheetInfo[],
  wanted: string | undefined,
  rowsOf: (name: string) => RawRow[],
): { name: string; rows: RawRow[] } {
  if (sheets.length === 0) throw new ImportReadError('EMPTY', 'The workbook has no sheets.');
  if (wanted !== undefined) {
    const match =
      sheets.find((s) => s.name === wanted) ?? sheets.find((s) => foldText(s.name) === foldText(wanted));
    if (!match) {
      throw new ImportReadError(
        'SHEET_NOT_FOUND',
        `There is no sheet called “${wanted}”. The sheets are: ${sheets.map((s) => `“${s.name}”`).join(', ')}.`,
        { sheet: wanted },
      );
    }
    const rows = rowsOf(match.name);
    if (rows.length === 0) throw new ImportReadError('EMPTY', `The sheet “${match.name}” has no data.`);
    return { name: match.name, rows };
  }
  const ordered = [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)];
  for (const sheet of ordered) {
    const rows = rowsOf(sheet.name);
    if (rows.length > 0) return { name: sheet.name, rows };
  }
  throw new ImportReadError('EMPTY', 'The workbook has no data on any sheet.');
}

function worksheetRows(worksheet: Worksheet): RawRow[] {
  const rows: RawRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // A merged range shows its value once; repeating a title across every column would make it look like a header.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      cells[column - 1] = cellText(cell.value, cell.numFmt);
    });
    const dense = Array.from(cells, (c) => c ?? '');
    if (!isBlankRow(dense)) rows.push({ rowNumber, cells: dense });
  });
  return rows;
}

function countRows(worksheet: Worksheet): number {
  let count = 0;
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    let filled = false;
    row.eachCell({ includeEmpty: false }, (cell) => {
      filled ||= cellText(cell.value, cell.numFmt).trim() !== '';
    });
    if (filled) count++;
  });
  return count;
}

/** Flattens what exceljs gives for a cell: formulas by their result, rich text and links by their text. */
export function cellText(value: CellValue | undefined, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) {
    const text = cellText(value.text as CellValue, numFmt);
    return text || value.hyperlink.replace(/^mailto:/i, '');
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result, numFmt);
  // Error values such as #N/A carry no data.
  return '';
}
