import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

const patternBytes = (length: number) => {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 0xff;
  return bytes;
};
const oneShot = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
/** Deep equality on 15 MB is far too slow; -1 when the arrays are the same. */
const firstDifference = (a: Uint8Array, b: Uint8Array) => {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
};

describe('bytesToBase64', () => {
  it('matches the standard vectors', () => {
    const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(['', 'M', 'Ma', 'Man', 'Many'].map((text) => bytesToBase64(ascii(text)))).toEqual([
      '',
      'TQ==',
      'TWE=',
      'TWFu',
      'TWFueQ==',
    ]);
  });

  it('gives the same text as one btoa for every length around the chunk boundaries', () => {
    for (let length = 0; length <= 13; length++) {
      const bytes = patternBytes(length);
      expect(bytesToBase64(bytes, 3)).toBe(oneShot(bytes));
      expect(bytesToBase64(bytes, 6)).toBe(oneShot(bytes));
    }
  });

  it('encodes a 15 MB file without overflowing the stack', () => {
    const bytes = patternBytes(15 * 1024 * 1024 + 1);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toHaveLength(Math.ceil(bytes.length / 3) * 4);
    expect(firstDifference(base64ToBytes(encoded), bytes)).toBe(-1);
  });

  it('refuses a chunk size that would put padding in the middle', () => {
    expect(() => bytesToBase64(patternBytes(10), 4)).toThrow(RangeError);
    expect(() => bytesToBase64(patternBytes(10), 0)).toThrow(RangeError);
  });
});

describe('base64ToBytes', () => {
  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('keeps a UTF-8 byte-order mark', () => {
    expect([...base64ToBytes('77u/YQ==')]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
  });
});
