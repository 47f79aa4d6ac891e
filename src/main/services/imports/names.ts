import { foldText } from '../../../shared/text';

export interface SplitName {
  firstName: string;
  lastName: string;
}

/**
 * Splits a full name the way member lists write it: "Dupré, Hélène" is family name first; a
 * family name in capitals ("DUPRÉ Hélène", "Hélène DUPRÉ") marks itself; otherwise the first word
 * is the given name and the rest the family name, which keeps "da Silva" or "García López"
 * together. A single word is taken as the family name.
 */
export function splitFullName(fullName: string): SplitName {
  const value = tidyName(fullName);
  const comma = value.indexOf(',');
  if (comma !== -1) {
    const lastName = tidyName(value.slice(0, comma));
    const firstName = tidyName(value.slice(comma + 1).replace(/,/g, ' '));
    return lastName ? { firstName, lastName } : { firstName: '', lastName: firstName };
  }
  const words = value.split(' ').filter(Boolean);
  if (words.length <= 1) return { firstName: '', lastName: value };
  const capitals = words.map(isCapitalised);
  const leading = capitals.indexOf(false);
  if (leading > 0)
    return { lastName: words.slice(0, leading).join(' '), firstName: words.slice(leading).join(' ') };
  const trailing = capitals.lastIndexOf(false) + 1;
  if (trailing > 0 && trailing < words.length) {
    return { firstName: words.slice(0, trailing).join(' '), lastName: words.slice(trailing).join(' ') };
  }
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') };
}

/** Trimmed, with runs of spaces, tabs and line breaks inside a name reduced to one space. */
export function tidyName(value: string): string {
  const trimmed = value.trim();
  return /\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/**
 * The same for "Hélène Dupré", "helene DUPRE" and "Dupré Hélène": folded words in a fixed order,
 * so accents, capitals and which name came first do not hide a duplicate.
 */
export function nameKey(firstName: string | undefined, lastName: string | undefined): string {
  const name = `${firstName ?? ''} ${lastName ?? ''}`;
  // Most names are plain ASCII, which needs no Unicode folding (the slow part on 100,000 rows).
  const folded = /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase() : foldText(name);
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.sort().join(' ');
}

function isCapitalised(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 && letters === letters.toLocaleUpperCase() && letters !== letters.toLocaleLowerCase()
  );
}
