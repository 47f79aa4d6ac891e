import { ImportReadError } from './errors';

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'mixed'] as const;
/** `mixed`: lines in UTF-8 and lines in Windows-1252, as when rows from two tools were pasted together. */
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
  warnings: string[];
}

const SAMPLE_CHARS = 64 * 1024;

/**
 * Bytes to text without mojibake. A BOM decides; otherwise valid UTF-8 is UTF-8, and anything
 * else is decoded line by line so that a Windows-1252 file (Excel on a French or Spanish machine)
 * and a UTF-8 file with a few rows pasted from such a file both come out right.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw emptyFile();
  const decoded = decodeBytes(bytes);
  if (decoded.text.trim() === '') throw emptyFile();
  assertLooksLikeText(decoded.text);
  return decoded;
}

function decodeBytes(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3), true);
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes, 'utf-16le', true);
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes, 'utf-16be', true);
  const bomless = guessBomlessUtf16(bytes);
  if (bomless) return utf16(bytes, bomless, false);
  return decodeUtf8(bytes, false);
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): DecodedText {
  // An odd trailing byte is half a character: drop it rather than show a replacement mark.
  const even = bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1);
  return { text: new TextDecoder(encoding).decode(even), encoding, bom, warnings: [] };
}

function decodeUtf8(bytes: Uint8Array, bom: boolean): DecodedText {
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      bom,
      warnings: [],
    };
  } catch {
    // Not valid UTF-8 as a whole; find out per line below.
  }
  if (!bom && scanUtf8(bytes, 0, bytes.length).multibyte === 0) {
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      bom,
      warnings: [],
    };
  }
  return decodeLineByLine(bytes, bom);
}

function decodeLineByLine(bytes: Uint8Array, bom: boolean): DecodedText {
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let legacyLines = 0;
  let damagedLines = 0;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    const scan = scanUtf8(line, 0, line.length);
    if (scan.invalid === 0) {
      parts.push(utf8.decode(line));
    } else if (scan.multibyte === 0) {
      legacyLines++;
      parts.push(decodeWindows1252(line));
    } else {
      // Real UTF-8 with a damaged byte: one replacement mark beats turning every accent into junk.
      damagedLines++;
      parts.push(utf8.decode(line));
    }
    start = end + 1;
  }
  const warnings: string[] = [];
  if (damagedLines > 0) {
    warnings.push(
      `${damagedLines} line(s) contain damaged characters that could not be read; they are shown as “\uFFFD”.`,
    );
  }
  if (bom && legacyLines === 0) return { text: parts.join('\n'), encoding: 'utf-8', bom, warnings };
  if (legacyLines > 0) {
    warnings.push(
      `The file mixes two text encodings (UTF-8 and Windows-1252); ${legacyLines} line(s) were read as Windows-1252.`,
    );
  }
  return { text: parts.join('\n'), encoding: legacyLines > 0 ? 'mixed' : 'utf-8', bom, warnings };
}

/**
 * What Windows-1252 puts at 0x80-0x9F (WHATWG index). Node 20.18.3 and later decode the label
 * "windows-1252" as Latin-1 and lose these bytes (nodejs/node#60888), and they are exactly the
 * €, Œ, « » and curly quotes of a French Excel export, so the table is spelled out here.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunk = 8192;
  const units = new Uint16Array(Math.min(chunk, bytes.length));
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? 0;
      units[i - start] = b >= 0x80 && b < 0xa0 ? (WINDOWS_1252_HIGH[b - 0x80] ?? b) : b;
    }
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join('');
}

/** Counts well-formed multi-byte sequences and bytes that cannot start or continue one. */
export function scanUtf8(
  bytes: Uint8Array,
  from: number,
  to: number,
): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = from;
  while (i < to) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let ok = extra > 0 && i + extra < to;
    if (ok) {
      const b1 = bytes[i + 1] ?? 0;
      // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not UTF-8.
      ok =
        (b1 & 0xc0) === 0x80 &&
        !(b === 0xe0 && b1 < 0xa0) &&
        !(b === 0xed && b1 > 0x9f) &&
        !(b === 0xf0 && b1 < 0x90) &&
        !(b === 0xf4 && b1 > 0x8f);
      for (let k = 2; ok && k <= extra; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    }
    if (ok) {
      multibyte++;
      i += extra + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/** Some tools write UTF-16 without a BOM: ASCII text then has a zero byte in every other position. */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Text files hold letters, digits, punctuation and line breaks. Control characters, NULs and
 * undecodable bytes in quantity mean an image, an archive or an old binary format.
 */
function assertLooksLikeText(text: string): void {
  const n = Math.min(text.length, SAMPLE_CHARS);
  let suspicious = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0xfffd
    ) {
      suspicious++;
    }
  }
  if (suspicious > Math.max(2, n * 0.02)) {
    throw new ImportReadError(
      'BINARY',
      'This file is not a spreadsheet or a text (CSV) file. Open it in Excel or LibreOffice and save it as .xlsx or CSV.',
    );
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function emptyFile(): ImportReadError {
  return new ImportReadError('EMPTY', 'The file is empty.');
}
