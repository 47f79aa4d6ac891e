import Papa from 'papaparse';
import type { Delimiter } from './delimit';
import type { RawRow } from './table';

const CHUNK_CHARS = 1024 * 1024;

interface ChunkResult {
  data: string[][];
  errors: Array<{ code: string; row?: number }>;
  meta: { cursor: number };
}

/** Line breaks become \n once, so a file mixing CRLF and LF rows is still one row per line. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Every record of the text with its 1-based row number, the way a spreadsheet program numbers
 * them (a blank line is a row; a quoted value spanning lines is one row). Parses one chunk at a
 * time so rows can be consumed, and dropped, while the rest of a large file waits.
 */
export function* csvRecords(text: string, delimiter: Delimiter, firstRow = 1): Generator<RawRow> {
  let rowNumber = firstRow - 1;
  let position = 0;
  let size = CHUNK_CHARS;
  while (position < text.length) {
    const end = Math.min(text.length, position + size);
    const last = end === text.length;
    const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
    const result = parser.parse(text.slice(position, end), 0, !last) as ChunkResult;
    if (!last && result.meta.cursor === 0) {
      // One record (a long quoted value) is bigger than the chunk: read further before splitting.
      size *= 2;
      continue;
    }
    const problems = problemRows(result.errors);
    for (let i = 0; i < result.data.length; i++) {
      rowNumber++;
      const problem = problems.get(i);
      yield problem
        ? { rowNumber, cells: result.data[i] ?? [], ...problem }
        : { rowNumber, cells: result.data[i] ?? [] };
    }
    if (last) return;
    position += result.meta.cursor;
    size = CHUNK_CHARS;
  }
}

function problemRows(
  errors: ChunkResult['errors'],
): Map<number, Required<Pick<RawRow, 'problem' | 'problemCode'>>> {
  const problems = new Map<number, Required<Pick<RawRow, 'problem' | 'problemCode'>>>();
  for (const error of errors) {
    if (error.row === undefined || problems.has(error.row)) continue;
    if (error.code === 'MissingQuotes') {
      problems.set(error.row, {
        problem: 'A quoted value is never closed, so the rest of the file was read into this row.',
        problemCode: 'unclosed_quote',
      });
    } else if (error.code === 'InvalidQuotes') {
      problems.set(error.row, {
        problem: 'This row has stray quote marks; check that its values landed in the right columns.',
        problemCode: 'stray_quotes',
      });
    }
  }
  return problems;
}
