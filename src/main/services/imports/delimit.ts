import Papa from 'papaparse';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 100;

export interface DelimiterChoice {
  delimiter: Delimiter;
  /** The file's first line was Excel's `sep=;` hint; it is not a row of data. */
  hintLine: boolean;
}

/**
 * Picks the delimiter that splits the most sample rows into the same number (more than one) of
 * fields. Parsing is quote-aware, so "Dupré, Hélène" inside quotes never votes for the comma, and
 * a title row or a note with a stray semicolon only costs its own row.
 */
export function detectDelimiter(text: string): DelimiterChoice {
  const hint = /^sep=(.)\r?\n/i.exec(text.slice(0, 8));
  const declared = DELIMITERS.find((d) => d === hint?.[1]);
  if (declared) return { delimiter: declared, hintLine: true };

  const sample = text.slice(0, SAMPLE_CHARS);
  const partial = sample.length < text.length;
  let best: { delimiter: Delimiter; rows: number; fields: number } = { delimiter: ',', rows: 0, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const score = consistency(sample, delimiter, partial);
    if (score.rows > best.rows || (score.rows === best.rows && score.fields > best.fields)) {
      best = { delimiter, ...score };
    }
  }
  return { delimiter: best.delimiter, hintLine: false };
}

function consistency(
  sample: string,
  delimiter: Delimiter,
  partial: boolean,
): { rows: number; fields: number } {
  const parser = new Papa.Parser({ delimiter, newline: '\n', preview: SAMPLE_RECORDS });
  const result = parser.parse(sample, 0, partial) as { data: string[][] };
  const counts = new Map<number, number>();
  for (const row of result.data) {
    if (row.length > 1 && row.some((cell) => cell.trim() !== ''))
      counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  }
  let rows = 0;
  let fields = 0;
  for (const [width, n] of counts) {
    if (n > rows || (n === rows && width > fields)) {
      rows = n;
      fields = width;
    }
  }
  return { rows, fields };
}
