const ASCII = /^[ -~]*$/;

/**
 * Latin letters that are letters of their own to Unicode, with no decomposition to strip a mark
 * from, written as the base letters people type for them: "lukasik" is how "Łukasik" is searched
 * for on a keyboard without Ł. Lower case only: folding lowers before it maps (ẞ lowers to ß, Ŋ to
 * ŋ); NFKD already writes the long ſ as s. Other scripts have nothing here and keep their letters.
 */
const LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'ng',
  ĸ: 'k',
  // Hausa and Fula hooked letters, as written across West Africa.
  ɓ: 'b',
  ɗ: 'd',
  ƙ: 'k',
  ƴ: 'y',
};
const LETTER = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

/**
 * Folding used for searching, sorting and comparing names: case- and accent-insensitive in any
 * script. NFKD splits "é" into "e" + a combining mark; removing the marks (\p{M}) leaves the base
 * letter; LETTERS then folds the Latin letters that have no mark to remove (Ł, Ø, Đ, ß, Æ).
 */
export function foldText(value: string): string {
  // Plain ASCII has nothing to decompose: the common case, and an import folds several names per row.
  if (ASCII.test(value)) return value.toLowerCase().trim();
  // toLowerCase is Unicode's language-neutral mapping (no Turkish dotless i rules and the like).
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(LETTER, (letter) => LETTERS[letter]!)
    .trim();
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
