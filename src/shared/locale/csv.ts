/** The delimiters an exported CSV can use. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * The list separator spreadsheets expect in a locale. Excel (through Windows' regional settings)
 * and LibreOffice use ";" wherever the decimal separator is a comma, since "1,5" must stay one
 * cell; ICU has no list separator of its own, so it is read from the decimal one.
 */
export function proposedCsvDelimiter(locale: string): CsvDelimiter {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}
