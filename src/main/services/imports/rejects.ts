import Papa from 'papaparse';
import type { CleanRow } from './clean';
import type { Delimiter } from './delimit';

export interface RejectsOptions {
  /** Use the delimiter of the file being imported, so it opens the same way on the secretary's machine. */
  delimiter?: Delimiter;
  /** Also list the values that were left out of imported rows (invalid emails, dates...). */
  includeFieldErrors?: boolean;
}

const REASON = 'Reason';
/** Excel runs a cell starting with these as a formula; a leading apostrophe keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d\s().-]+$/;

/** Why the row was not imported (or, for imported rows, which values were left out), in one cell. */
export function rejectionReason(row: Pick<CleanRow, 'rejection' | 'issues'>): string {
  const errors = row.issues.filter((i) => i.severity === 'error').map((i) => i.problem);
  return [row.rejection?.problem, ...errors].filter(Boolean).join(' ');
}

/**
 * The rows back as a CSV the secretary can fix and import again: the file's own columns, then
 * "Reason". UTF-8 with a BOM and CRLF, which is what Excel opens without garbling accents.
 */
export function rejectsToCsv(
  headers: readonly string[],
  rows: Iterable<Pick<CleanRow, 'cells' | 'rejection' | 'issues'>>,
  options: RejectsOptions = {},
): Uint8Array {
  // Re-importing a rejects file and rejecting rows again must not pile up Reason columns.
  const reasonAt = headers.findIndex((h) => h.trim().toLowerCase() === REASON.toLowerCase());
  const own = reasonAt === -1 ? headers.length : reasonAt;
  const selected = [...rows].filter((r) => r.rejection || (options.includeFieldErrors && rejectionReason(r)));
  const width = selected.reduce(
    (widest, r) => Math.max(widest, reasonAt === -1 ? r.cells.length : Math.min(r.cells.length, own)),
    own,
  );
  const header = [...Array.from({ length: width }, (_, i) => headers[i] ?? ''), REASON];
  const data = selected.map((r) => [
    ...Array.from({ length: width }, (_, i) => guard(r.cells[i] ?? '')),
    guard(rejectionReason(r)),
  ]);
  const csv = Papa.unparse([header, ...data], { delimiter: options.delimiter ?? ',', newline: '\r\n' });
  return new TextEncoder().encode(`\uFEFF${csv}\r\n`);
}

function guard(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}
