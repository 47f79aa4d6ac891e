import type { TFunction } from 'i18next';

/** A CSV delimiter as people call it: "Semicolon (;)". */
export function delimiterName(delimiter: string, t: TFunction): string {
  if (delimiter === ';') return t('chapterSettings.semicolon');
  if (delimiter === '\t') return t('chapterSettings.tab');
  return t('chapterSettings.comma');
}
