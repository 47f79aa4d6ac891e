import type { PaperSize } from '../../../shared/print/html';
import { PRINT_LANGUAGES, type PrintLanguage } from '../../../shared/print/labels';
import { usualPaper } from '../../../shared/print/sheets';

/** Width and height of each sheet in portrait, in millimetres. */
const SHEETS: Record<PaperSize, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  a5: { width: 148, height: 210 },
  letter: { width: 215.9, height: 279.4 },
};

const PX_PER_MM = 96 / 25.4;

/** The sheet in CSS pixels, as the preview lays it out before scaling it to fit. */
export function sheetPixels(paper: PaperSize, landscape: boolean): { width: number; height: number } {
  const { width, height } = SHEETS[paper];
  const [w, h] = landscape ? [height, width] : [width, height];
  return { width: Math.round(w * PX_PER_MM), height: Math.round(h * PX_PER_MM) };
}

/** Each language a document can be printed in, named in itself, so it is found whatever the screen's language. */
export const LANGUAGE_NAMES: Record<PrintLanguage, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  pt: 'Português',
  ar: 'العربية',
};

export const PRINT_LANGUAGE_LIST: readonly PrintLanguage[] = PRINT_LANGUAGES;

export function toPrintLanguage(language: string): PrintLanguage {
  const base = language.slice(0, 2).toLowerCase();
  return (PRINT_LANGUAGES as readonly string[]).includes(base) ? (base as PrintLanguage) : 'en';
}

const PAPER_KEY = 'chapterdesk.print.paper';

/** The paper chosen last time on this laptop, else the usual one in the chapter's country. */
export function defaultPaper(country: string | null | undefined): PaperSize {
  try {
    const remembered = localStorage.getItem(PAPER_KEY);
    if (remembered === 'a4' || remembered === 'letter') return remembered;
  } catch {
    // Storage can be unavailable; the country decides then.
  }
  return usualPaper(country);
}

/** A5 is a choice for one receipt, not the laptop's paper, so only A4 and Letter are remembered. */
export function rememberPaper(paper: PaperSize): void {
  if (paper === 'a5') return;
  try {
    localStorage.setItem(PAPER_KEY, paper);
  } catch {
    // Not remembered; nothing else depends on it.
  }
}
