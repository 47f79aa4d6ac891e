/**
 * Folding used for sorting and for comparing names: case- and accent-insensitive in any script.
 * NFKD splits "é" into "e" + a combining mark; removing the marks (\p{M}) leaves the base letter.
 */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').trim();
}

/** Split what the user typed into search terms: runs of letters and digits in any script. */
export function searchTerms(query: string): string[] {
  return foldText(query).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}
