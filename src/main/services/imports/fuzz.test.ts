import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cleanRows,
  ImportReadError,
  openImport,
  planImport,
  rejectsToCsv,
  resolveDuplicates,
  suggestMapping,
} from './index';

/**
 * Whatever the bytes, the reader returns a result or throws an ImportReadError: never another
 * exception, never a hang. Reproduce a failure with IMPORT_FUZZ_SEED=<seed printed> npx vitest run fuzz.
 */
const SEED = Number(process.env.IMPORT_FUZZ_SEED ?? 20_240_501);
const CASES = 300;
const MAX_MS_PER_CASE = 3000;

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof prng>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, max: number): number => Math.floor(random() * max);

const TOKENS = [
  'a',
  'Zoé',
  'Œuvre',
  '€',
  '😀',
  ' ',
  '  ',
  ',',
  ';',
  '\t',
  '|',
  '"',
  '""',
  "'",
  '\n',
  '\r\n',
  '\r',
  '=',
  '@',
  'N/A',
  '-',
  '?',
  'Nom',
  'Prénom',
  'Email',
  'Courriel',
  'Téléphone',
  'Date',
  'Full name',
  'x@y.org',
  'bad@',
  '06 12 34 56 78',
  '33612345678',
  '3.1E+11',
  '2024-02-30',
  '31/12/99',
  '12/31/1999',
  '45292',
  '2019',
  'sep=;',
  '\u0000',
  '\u0007',
  '\ufeff',
  '\ud800',
  'A'.repeat(300),
];

function randomText(random: Random): string {
  const parts: string[] = [];
  const length = int(random, 400);
  for (let i = 0; i < length; i++) parts.push(pick(random, TOKENS));
  return parts.join('');
}

function encode(random: Random, text: string): Uint8Array {
  switch (int(random, 5)) {
    case 0:
      return new TextEncoder().encode(text);
    case 1:
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 2:
      return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    case 3:
      return Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    default:
      return new Uint8Array(Buffer.from(text, 'latin1'));
  }
}

function randomBytes(random: Random): Uint8Array {
  const prefixes = [
    [],
    [0x50, 0x4b, 0x03, 0x04],
    [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    [0xff, 0xfe],
    [0xef, 0xbb, 0xbf],
  ];
  const body = Uint8Array.from({ length: int(random, 3000) }, () => int(random, 256));
  return Uint8Array.from([...pick(random, prefixes), ...body]);
}

const workbook = new Uint8Array(
  readFileSync(fileURLToPath(new URL('../../../../tests/fixtures/import/members.xlsx', import.meta.url))),
);
const spreadsheet = new Uint8Array(
  readFileSync(fileURLToPath(new URL('../../../../tests/fixtures/import/members.ods', import.meta.url))),
);

/** A real workbook with bytes flipped, cut or duplicated: zip and XML parsers under stress. */
function damagedWorkbook(random: Random): Uint8Array {
  const bytes = new Uint8Array(random() < 0.7 ? workbook : spreadsheet);
  const mode = int(random, 3);
  if (mode === 0) {
    for (let i = 0, n = 1 + int(random, 20); i < n; i++) bytes[int(random, bytes.length)] = int(random, 256);
    return bytes;
  }
  if (mode === 1) return bytes.subarray(0, int(random, bytes.length));
  const at = int(random, bytes.length);
  return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(int(random, bytes.length))]);
}

async function runPipeline(bytes: Uint8Array): Promise<void> {
  const source = await openImport(bytes, { headerRow: undefined });
  const plan = planImport(source, suggestMapping(source.headers), { defaultCountry: 'FR' });
  const rows = [...cleanRows(source, plan)];
  const report = resolveDuplicates(rows, [{ id: 'm1', email: 'x@y.org', firstName: 'Zoé' }]);
  rejectsToCsv(source.headers, report.rejected);
}

async function fuzz(kind: string, seed: number, make: (random: Random) => Uint8Array): Promise<void> {
  const random = prng(seed);
  for (let i = 0; i < CASES; i++) {
    const bytes = make(random);
    const started = performance.now();
    try {
      await runPipeline(bytes);
    } catch (error) {
      if (!(error instanceof ImportReadError)) {
        expect.fail(
          `${kind}: seed ${seed}, case ${i} threw ${String(error)}\n${(error as Error).stack ?? ''}`,
        );
      }
    }
    const elapsed = performance.now() - started;
    expect(elapsed, `${kind}: seed ${seed}, case ${i} took ${elapsed.toFixed(0)} ms`).toBeLessThan(
      MAX_MS_PER_CASE,
    );
  }
}

describe(`fuzzing the reader (seed ${SEED})`, () => {
  it('random bytes', { timeout: 60_000 }, () => fuzz('bytes', SEED, randomBytes));
  it('random CSV-like text in every encoding', { timeout: 60_000 }, () =>
    fuzz('text', SEED + 1, (r) => encode(r, randomText(r))),
  );
  it('damaged workbooks', { timeout: 120_000 }, () => fuzz('workbook', SEED + 2, damagedWorkbook));
});

describe('adversarial inputs finish quickly', () => {
  it.each([
    ['a million quotes', '"'.repeat(1_000_000)],
    ['alternating quotes and text', '"a'.repeat(500_000)],
    ['one unclosed quote before many rows', `"${'x,y\n'.repeat(200_000)}`],
    ['a single 4 MB line', 'x;'.repeat(2_000_000)],
    ['many blank lines then data', `${'\n'.repeat(500_000)}Email\na@b.org\n`],
  ])('%s', { timeout: 30_000 }, async (_name, text) => {
    const started = performance.now();
    await runPipeline(new TextEncoder().encode(text)).catch((error: unknown) => {
      if (!(error instanceof ImportReadError)) throw error;
    });
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
