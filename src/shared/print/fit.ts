/**
 * Text sized to fit a box, worked out before printing: documents print with JavaScript off, so
 * nothing can measure the text on the page. Widths are estimated on the generous side (a face's
 * average letter is narrower than this), and the cells clip what still does not fit, so a long
 * address shrinks, then is cut inside its own label, never printed on the next one.
 */

const PT_IN_MM = 25.4 / 72;

/** Ideographs, kana, hangul and full-width forms are about one em wide. */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const CAPITAL_OR_DIGIT = /[\p{Lu}\p{Nd}]/u;

/** The width of one character in em, rounded up for a sans-serif face. */
function charEm(char: string): number {
  if (char === ' ') return 0.3;
  if (WIDE.test(char)) return 1;
  if (CAPITAL_OR_DIGIT.test(char)) return 0.68;
  return 0.56;
}

/** The estimated width of a line, in em. */
export function textEm(text: string): number {
  let em = 0;
  for (const char of text) em += charEm(char);
  return em;
}

export interface FitOptions {
  /** The size the text has when there is room, pt. */
  max: number;
  /** Below this it is no longer read; what does not fit is cut. */
  min: number;
  /** Line height as a multiple of the font size. */
  leading: number;
}

/**
 * The largest size, in half points from `min` to `max`, at which every line fits the box's width
 * on one line and all of them its height (mm).
 */
export function fittingSize(
  lines: readonly string[],
  box: { width: number; height: number },
  options: FitOptions,
): number {
  const widest = Math.max(0, ...lines.map(textEm));
  const byWidth = widest > 0 ? box.width / (widest * PT_IN_MM) : options.max;
  const byHeight = lines.length > 0 ? box.height / (lines.length * options.leading * PT_IN_MM) : options.max;
  const size = Math.floor(Math.min(options.max, byWidth, byHeight) * 2) / 2;
  return Math.max(options.min, size);
}

/** A class name for a size in half points (`fs-19` is 9.5 pt), and the rules for those used. */
export function sizeClass(size: number): string {
  return `fs-${Math.round(size * 2)}`;
}

export function sizeRules(sizes: Iterable<number>): string {
  return [...new Set(sizes)]
    .sort((a, b) => a - b)
    .map((size) => `.${sizeClass(size)} { font-size: ${size}pt; }`)
    .join('\n');
}

/** How many lines `text` takes when wrapped at spaces to `widthEm`; a word wider than that breaks. */
export function wrappedLines(text: string, widthEm: number): number {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 1;
  const space = charEm(' ');
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const em = textEm(word);
    if (used > 0 && used + space + em <= widthEm) {
      used += space + em;
      continue;
    }
    if (used > 0) lines++;
    // A word longer than the line breaks anywhere (overflow-wrap), over as many lines as it needs
    // (the epsilon keeps a word of exactly n lines' width, summed in floating point, at n).
    const pieces = Math.max(1, Math.ceil(em / widthEm - 1e-9));
    lines += pieces - 1;
    used = em - (pieces - 1) * widthEm;
  }
  return lines;
}

/**
 * The largest size, in half points from `min` to `max`, at which the lines, each wrapped at spaces
 * to the box's width, all fit its height (mm): a long street wraps before everything shrinks. Null
 * when they do not fit even at `min`.
 */
export function fittingWrappedSize(
  lines: readonly string[],
  box: { width: number; height: number },
  options: FitOptions,
): number | null {
  for (let size = options.max; size >= options.min; size -= 0.5) {
    const widthEm = box.width / (size * PT_IN_MM);
    const count = lines.reduce((sum, line) => sum + wrappedLines(line, widthEm), 0);
    if (count * options.leading * size * PT_IN_MM <= box.height) return size;
  }
  return null;
}
