import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, scanUtf8 } from './decode';
import { ImportReadError } from './errors';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: Array<number[] | Uint8Array>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => [...p]));

function readError(fn: () => unknown): ImportReadError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportReadError) return error;
    throw error;
  }
  throw new Error('expected an ImportReadError');
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8('Nom;Prénom\nDupré;Hélène'))).toEqual({
      text: 'Nom;Prénom\nDupré;Hélène',
      encoding: 'utf-8',
      bom: false,
      warnings: [],
    });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const decoded = decodeText(bytes([0xef, 0xbb, 0xbf], utf8('Prénom')));
    expect(decoded).toMatchObject({ text: 'Prénom', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    const le = bytes([0xff, 0xfe], Buffer.from('Prénom\tNom', 'utf16le'));
    expect(decodeText(le)).toMatchObject({ text: 'Prénom\tNom', encoding: 'utf-16le', bom: true });
    const be = Buffer.from('Prénom\tNom', 'utf16le').swap16();
    expect(decodeText(bytes([0xfe, 0xff], be))).toMatchObject({
      text: 'Prénom\tNom',
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    const le = new Uint8Array(Buffer.from('First name\tLast name\r\nAnn\tLee\r\n', 'utf16le'));
    expect(decodeText(le)).toMatchObject({
      encoding: 'utf-16le',
      bom: false,
      text: 'First name\tLast name\r\nAnn\tLee\r\n',
    });
    const be = new Uint8Array(Buffer.from('First name\tLast name\r\n', 'utf16le').swap16());
    expect(decodeText(be).encoding).toBe('utf-16be');
  });

  it('drops a dangling half character at the end of UTF-16', () => {
    expect(decodeText(bytes([0xff, 0xfe, 0x41, 0x00, 0x42])).text).toBe('A');
  });

  it('reads bytes that are not UTF-8 as Windows-1252, including € and curly quotes', () => {
    // "Hélène ‘€’ Œ" in Windows-1252.
    const decoded = decodeText(
      bytes([0x48, 0xe9, 0x6c, 0xe8, 0x6e, 0x65, 0x20, 0x91, 0x80, 0x92, 0x20, 0x8c]),
    );
    expect(decoded).toMatchObject({ text: 'Hélène ‘€’ Œ', encoding: 'windows-1252', bom: false });
  });

  it('decodes each line in its own encoding when UTF-8 and Windows-1252 lines are mixed', () => {
    const decoded = decodeText(bytes(utf8('Nom\nDupré\n'), [0x4c, 0x65, 0x66, 0xe8, 0x76, 0x72, 0x65, 0x0a]));
    expect(decoded.text).toBe('Nom\nDupré\nLefèvre\n');
    expect(decoded.encoding).toBe('mixed');
    expect(decoded.warnings).toHaveLength(1);
  });

  it('keeps a UTF-8 line with one damaged byte as UTF-8 and warns', () => {
    const decoded = decodeText(bytes(utf8('Nom\nHélène Dupré'), [0xff], utf8('\n')));
    expect(decoded.text).toBe('Nom\nHélène Dupré\uFFFD\n');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings[0]).toMatch(/damaged/);
  });

  it('refuses empty and whitespace-only files', () => {
    expect(readError(() => decodeText(new Uint8Array())).code).toBe('EMPTY');
    expect(readError(() => decodeText(utf8(' \r\n\t\n'))).code).toBe('EMPTY');
    expect(readError(() => decodeText(bytes([0xef, 0xbb, 0xbf]))).code).toBe('EMPTY');
  });

  it('refuses binary content', () => {
    const noise = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256);
    const error = readError(() => decodeText(noise));
    expect(error.code).toBe('BINARY');
    expect(error.message).toMatch(/save it as \.xlsx or CSV/);
  });

  it('tolerates a stray control character in a text file', () => {
    expect(decodeText(utf8('a,b\n1,2\u0007\n3,4\n')).encoding).toBe('utf-8');
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte as the WHATWG index does', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toHaveLength(256);
    expect(all.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(all.slice(0xa0)).toBe(
      Buffer.from(Uint8Array.from({ length: 96 }, (_, i) => 0xa0 + i)).toString('latin1'),
    );
  });

  it('handles inputs longer than one chunk', () => {
    expect(decodeWindows1252(new Uint8Array(20_000).fill(0x80))).toBe('€'.repeat(20_000));
  });
});

describe('scanUtf8', () => {
  it('counts valid sequences and rejects overlongs, surrogates and truncations', () => {
    expect(scanUtf8(utf8('é€😀'), 0, utf8('é€😀').length)).toEqual({ multibyte: 3, invalid: 0 });
    expect(scanUtf8(Uint8Array.of(0xc0, 0xaf), 0, 2).invalid).toBe(2);
    expect(scanUtf8(Uint8Array.of(0xed, 0xa0, 0x80), 0, 3).invalid).toBe(3);
    expect(scanUtf8(Uint8Array.of(0xe2, 0x82), 0, 2).invalid).toBe(2);
  });
});
