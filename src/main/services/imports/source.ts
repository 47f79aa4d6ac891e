import { csvRecords, normaliseNewlines } from './csv';
import { decodeText, type TextEncodingName } from './decode';
import { detectDelimiter, type Delimiter } from './delimit';
import { ImportReadError } from './errors';
import { detectHeaderRow, HEADER_SEARCH_ROWS } from './header';
import { readOds } from './ods';
import { sniffFormat } from './sniff';
import { columnLetter, detached, isBlankRow, MAX_COLUMNS, type RawRow } from './table';
import { readXlsx, type SheetInfo } from './xlsx';

export type SourceFormat = 'csv' | 'xlsx' | 'ods';

export interface OpenOptions {
  /** A hint only (an .ods without its mimetype entry); the content decides the format. */
  fileName?: string;
  /** Sheet to read in a workbook; by default the first visible sheet with data. */
  sheet?: string;
  /** 1-based row holding the column names, overriding detection; 0 means the file has no header row. */
  headerRow?: number;
  /** Refuse bigger inputs before reading them (default 100 MB). */
  maxBytes?: number;
}

export interface SourceInfo {
  format: SourceFormat;
  /** Text files only. */
  encoding: TextEncodingName | null;
  bom: boolean;
  /** Text files only. */
  delimiter: Delimiter | null;
  /** Workbooks only: every sheet, and the one read. */
  sheets: SheetInfo[];
  sheet: string | null;
  /** 0 when the file has no header row. */
  headerRowNumber: number;
  headerDetected: boolean;
  /** Things the secretary may want to know about the file as a whole (mixed encodings...). */
  warnings: string[];
}

export interface ImportSource {
  readonly info: SourceInfo;
  /** Column names from the header row, one per column (empty string for an unnamed column). */
  readonly headers: string[];
  /** The first data rows, for a preview. */
  readonly sample: RawRow[];
  /** Data rows below the header in file order, blank rows left out. Each call starts again at the top. */
  rows(): Generator<RawRow>;
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
const SAMPLE_ROWS = 20;

/**
 * Opens CSV/text, .xlsx and .ods bytes: finds the format, the encoding and delimiter or the
 * sheet, and the header row. Rows are read lazily from `rows()`. Anything that cannot be read
 * throws an ImportReadError, never another kind of error.
 */
export async function openImport(bytes: Uint8Array, options: OpenOptions = {}): Promise<ImportSource> {
  try {
    return await open(bytes, options);
  } catch (error) {
    if (error instanceof ImportReadError) throw error;
    throw new ImportReadError(
      'CORRUPT',
      'The file could not be read. Open it in Excel or LibreOffice, save it again as .xlsx or CSV, and retry.',
      { cause: error },
    );
  }
}

async function open(bytes: Uint8Array, options: OpenOptions): Promise<ImportSource> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new ImportReadError(
      'TOO_LARGE',
      `The file is ${megabytes(bytes.length)} MB; files up to ${megabytes(maxBytes)} MB can be imported. Split it into smaller files.`,
    );
  }
  if (bytes.length === 0) throw new ImportReadError('EMPTY', 'The file is empty.');
  const format = sniffFormat(bytes, options.fileName);
  if (format.kind === 'text') return openText(bytes, options);
  const table =
    format.kind === 'xlsx'
      ? await readXlsx(bytes, options.sheet)
      : readOds(bytes, format.entries, options.sheet);
  const info = {
    format: format.kind,
    encoding: null,
    bom: false,
    delimiter: null,
    sheets: table.sheets,
    sheet: table.sheet,
  };
  return buildSource(() => table.rows.values(), info, [], options.headerRow);
}

function openText(bytes: Uint8Array, options: OpenOptions): ImportSource {
  const decoded = decodeText(bytes);
  const text = normaliseNewlines(decoded.text);
  const { delimiter, hintLine } = detectDelimiter(text);
  // Excel's "sep=;" line is row 1 in Excel too, so the rows below keep their numbers.
  const body = hintLine ? text.slice(text.indexOf('\n') + 1) : text;
  const firstRow = hintLine ? 2 : 1;
  const info = {
    format: 'csv' as const,
    encoding: decoded.encoding,
    bom: decoded.bom,
    delimiter,
    sheets: [],
    sheet: null,
  };
  return buildSource(() => csvRecords(body, delimiter, firstRow), info, decoded.warnings, options.headerRow);
}

function buildSource(
  allRows: () => Iterator<RawRow>,
  info: Omit<SourceInfo, 'headerRowNumber' | 'headerDetected' | 'warnings'>,
  warnings: string[],
  headerRow: number | undefined,
): ImportSource {
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 0)) {
    throw new ImportReadError(
      'HEADER_ROW_OUT_OF_RANGE',
      'The header row is a row number: 1 for the first row.',
    );
  }
  const { rows: head, lastRowNumber } = headRows(allRows, headerRow);
  if (head.length === 0) throw new ImportReadError('EMPTY', 'The file has no rows with data.');
  let header: RawRow | null;
  if (headerRow === undefined) {
    header = detectHeaderRow(head);
  } else if (headerRow === 0) {
    header = null;
  } else {
    header = head.find((r) => r.rowNumber === headerRow) ?? null;
    if (!header) {
      throw new ImportReadError(
        'HEADER_ROW_OUT_OF_RANGE',
        `Row ${headerRow} is ${headerRow <= lastRowNumber ? 'empty' : 'not in the file'}, so it cannot hold the column names.`,
      );
    }
  }
  const headerRowNumber = header?.rowNumber ?? 0;
  const below = head.filter((r) => r.rowNumber > headerRowNumber);
  const width = Math.min(
    MAX_COLUMNS,
    Math.max(lastFilled(header?.cells ?? []), ...below.map((r) => lastFilled(r.cells))) + 1,
  );
  // Detached: the headers (and the mapping built from them) outlive the rows and the file's text.
  const headers = Array.from({ length: width }, (_, i) =>
    header ? detached((header.cells[i] ?? '').replace(/\s+/g, ' ').trim()) : `Column ${columnLetter(i)}`,
  );

  function* rows(): Generator<RawRow> {
    const iterator = allRows();
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const row = next.value;
      if (row.rowNumber > headerRowNumber && !isBlankRow(row.cells)) yield row;
    }
  }

  return {
    info: { ...info, headerRowNumber, headerDetected: headerRow === undefined, warnings },
    headers,
    sample: below.slice(0, SAMPLE_ROWS),
    rows,
  };
}

/** Enough non-blank rows to find the header and show a preview, without reading the whole file. */
function headRows(
  allRows: () => Iterator<RawRow>,
  headerRow: number | undefined,
): { rows: RawRow[]; lastRowNumber: number } {
  const rows: RawRow[] = [];
  let lastRowNumber = 0;
  const iterator = allRows();
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    lastRowNumber = next.value.rowNumber;
    if (!isBlankRow(next.value.cells)) rows.push(next.value);
    const pastHeader = headerRow === undefined || lastRowNumber >= headerRow;
    if (pastHeader && rows.length >= HEADER_SEARCH_ROWS + SAMPLE_ROWS) break;
  }
  iterator.return?.();
  return { rows, lastRowNumber };
}

function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if ((cells[i] ?? '').trim() !== '') return i;
  return -1;
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
}
