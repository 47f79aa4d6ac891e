const ASCII = /^[ -~]*$/;

/**
 * Folding used for sorting and for comparing names: case- and accent-insensitive in any script.
 * NFKD splits "é" into "e" + a combining mark; removing the marks (\p{M}) leaves the base letter.
 */
export function foldText(value: string): string {
  // Plain ASCII has nothing to decompose: the common case, and an import folds several names per row.
  if (ASCII.test(value)) return value.toLowerCase().trim();
  // toLowerCase is Unicode's language-neutral mapping (no Turkish dotless i rules and the like).
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Split what the user typed into search terms: runs of letters and digits in any script. */
export function searchTerms(query: string): string[] {
  return foldText(query).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A stored column's name as the contract spells the field: first_name -> firstName. */
export function fieldName(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_m, next: string) => next.toUpperCase());
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}
