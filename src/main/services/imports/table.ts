/** One row as it stands in the file. */
export interface RawRow {
  /** 1-based, as the spreadsheet program shows it; title and blank rows keep their numbers counted. */
  rowNumber: number;
  cells: string[];
  /** Something about how this row was written that the secretary should check (stray quotes...). */
  problem?: string;
  /** The same as a code the app words in its own language. */
  problemCode?: 'unclosed_quote' | 'stray_quotes';
}

/** Excel's widest sheet. Cells past it are kept in the row but never offered as columns. */
export const MAX_COLUMNS = 16_384;

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Spreadsheet column letters, so an unnamed column can be called what the secretary sees: "Column F". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** V8 copies a shorter substring; a longer one is a view into the string it was cut from. */
export const MIN_VIEW_LENGTH = 13;

/**
 * A copy of a string cut from the file's text: one kept view would keep the whole decoded file
 * alive, the copy lets the text go once the rows are read.
 */
export function detached(value: string): string {
  return value.length < MIN_VIEW_LENGTH ? value : (JSON.parse(JSON.stringify(value)) as string);
}
