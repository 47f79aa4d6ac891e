/**
 * Which scripts of a document this machine has no font for. Chromium draws a character that no
 * installed font has as the same empty box (.notdef) that it draws for a code point nobody has
 * assigned, so a character is missing when its drawing is that box, pixel for pixel.
 */

/** ISO 15924 codes of the scripts chapters write names in; anything else is reported as "Zzzz". */
// prettier-ignore
const SCRIPTS = [
  'Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Tfng', 'Vaii', 'Ethi', 'Cyrl', 'Grek', 'Armn', 'Geor',
  'Deva', 'Beng', 'Guru', 'Gujr', 'Orya', 'Taml', 'Telu', 'Knda', 'Mlym', 'Sinh', 'Olck', 'Nagm', 'Thai',
  'Laoo', 'Tibt', 'Mymr', 'Khmr', 'Mong', 'Hang', 'Hira', 'Kana', 'Hani', 'Bopo', 'Cher', 'Cans', 'Yiii',
] as const;
const SCRIPT_PATTERNS: readonly [string, RegExp][] = SCRIPTS.flatMap((code) => {
  try {
    return [[code, new RegExp(`\\p{Script=${code}}`, 'u')] as [string, RegExp]];
  } catch (error) {
    // A script newer than this engine's Unicode tables: its characters are reported as unknown.
    if (error instanceof SyntaxError) return [];
    throw error;
  }
});

/** Letters and marks that are not Latin, common or inherited: the ones a font may lack. */
const NEEDS_FONT = /[\p{L}\p{M}\p{N}]/u;
const LATIN_OR_COMMON = /[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
/** Enough distinct characters to find every script of a long roster, few enough to check at once. */
const MAX_CHECKED = 400;

export function scriptOf(char: string): string {
  return SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Zzzz';
}

/** The distinct characters of `text` that need a font of their own script, by script. */
export function charactersByScript(text: string): Map<string, string[]> {
  const byScript = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const char of text) {
    if (seen.size >= MAX_CHECKED) break;
    if (seen.has(char) || !NEEDS_FONT.test(char) || LATIN_OR_COMMON.test(char)) continue;
    seen.add(char);
    const script = scriptOf(char);
    byScript.set(script, [...(byScript.get(script) ?? []), char]);
  }
  return byScript;
}

/** The scripts of `text` whose characters `canDraw` says are all missing, or some of them. */
export function missingScripts(text: string, canDraw: (char: string) => boolean): string[] {
  const missing: string[] = [];
  for (const [script, chars] of charactersByScript(text)) {
    if (chars.some((char) => !canDraw(char))) missing.push(script);
  }
  return missing;
}

/** U+0378 is unassigned: every engine draws it as the missing-glyph box. */
const NO_GLYPH = '\u0378';
const SIZE = 32;

/**
 * A `canDraw` that asks the browser: draws each character in the print font stack on a canvas and
 * compares it with the missing-glyph box. Null when the browser has no 2D canvas.
 */
export function browserGlyphCheck(fontStack: string): ((char: string) => boolean) | null {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE * 2;
  canvas.height = SIZE * 2;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.font = `${SIZE}px ${fontStack}`;
  context.textBaseline = 'middle';
  const draw = (char: string): Uint8ClampedArray => {
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.fillText(char, SIZE / 2, SIZE);
    return context.getImageData(0, 0, canvas.width, canvas.height).data;
  };
  const box = draw(NO_GLYPH);
  const boxWidth = context.measureText(NO_GLYPH).width;
  return (char) => {
    if (context.measureText(char).width !== boxWidth) return true;
    const drawn = draw(char);
    for (let i = 0; i < drawn.length; i++) if (drawn[i] !== box[i]) return true;
    return false;
  };
}
