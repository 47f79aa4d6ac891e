import { matchHeader } from './mapping';
import { isBlankRow, MAX_COLUMNS, type RawRow } from './table';

/** How far down a header row is looked for: titles and notes above a header are a few rows at most. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The row that holds the column names. Known header names decide ("Courriel", "Nom", "Phone"...);
 * failing that, the first row of short labels as wide as the table. A title such as
 * "Members list 2024" fills one cell, so it never wins over a real header below it.
 */
export function detectHeaderRow(rows: readonly RawRow[]): RawRow | null {
  const candidates = rows.filter((r) => !isBlankRow(r.cells)).slice(0, HEADER_SEARCH_ROWS);
  if (candidates.length === 0) return null;
  const width = Math.max(...candidates.map((r) => filled(r.cells)));

  let best: RawRow | null = null;
  let bestKnown = 0;
  for (const row of candidates) {
    const known = new Set(
      row.cells
        .slice(0, MAX_COLUMNS)
        .map(matchHeader)
        .filter((f) => f !== null),
    ).size;
    if (known > bestKnown) {
      best = row;
      bestKnown = known;
    }
  }
  if (best && (bestKnown >= 2 || width === 1)) return best;

  const minimum = Math.max(Math.min(2, width), Math.ceil(width / 2));
  const labelRow = candidates.find((r) => filled(r.cells) >= minimum && r.cells.every(isLabelLike));
  return labelRow ?? best ?? candidates.find((r) => filled(r.cells) >= minimum) ?? candidates[0] ?? null;
}

function filled(cells: readonly string[]): number {
  return cells.reduce((n, c) => (c.trim() === '' ? n : n + 1), 0);
}

/** Column names are short words, not numbers, dates or email addresses. */
function isLabelLike(cell: string): boolean {
  const value = cell.trim();
  if (value === '') return true;
  if (value.length > 60 || value.includes('@')) return false;
  return !/^[\d\s.,/:+\-()]+$/.test(value);
}
