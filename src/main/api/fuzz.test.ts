/**
 * Every operation of the contract, called as a hostile renderer or a stray web page could call it
 * over IPC or browser mode's HTTP: wrong types, huge strings, prototype-pollution keys, deep
 * nesting and seeded random junk. Each call must come back as a typed refusal (never an INTERNAL
 * error, never a throw), leave Object.prototype alone, and a refused call must write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../tests/helpers/chapter';
import { contract } from '../../shared/api';
import { isErrorCode, type Result } from '../../shared/errors';
import { OPERATIONS, type OperationName } from '../../shared/operations';
import { dispatch } from './dispatch';

const SEED = Number(process.env['IPC_FUZZ_SEED'] ?? 20261201);
const RANDOM_PAYLOADS = Number(process.env['IPC_FUZZ_CASES'] ?? 40);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HUGE = 'x'.repeat(2_000_000);
/** What JSON.parse gives for a body carrying `__proto__` as an own key, as an HTTP body would. */
const POLLUTING = [
  '{"__proto__": {"polluted": "yes"}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"patch": {"__proto__": {"polluted": "yes"}}, "id": "x"}',
].map((text) => JSON.parse(text) as unknown);

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** The keys an operation's input object names, to give each of them a wrong value. */
function inputKeys(name: OperationName): string[] {
  const schema = contract[name].input as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

const WRONG_VALUES: unknown[] = [
  HUGE,
  -1,
  1e308,
  Number.NaN,
  true,
  null,
  [],
  {},
  ['a', 1, null],
  { $gt: '' },
  "'; DROP TABLE members; --",
  '\u0000\uFFFF\uD800',
  '../../../../etc/passwd',
];

function randomValue(random: () => number, depth = 0): unknown {
  const roll = random();
  // A copy: the payload's keys are filled in afterwards and must not change the shared values.
  if (depth > 3 || roll < 0.3)
    return structuredClone(WRONG_VALUES[Math.floor(random() * WRONG_VALUES.length)]);
  if (roll < 0.45) return Math.floor(random() * 2 ** 40) - 2 ** 39;
  if (roll < 0.6)
    return String.fromCharCode(...Array.from({ length: 12 }, () => Math.floor(random() * 0xffff)));
  if (roll < 0.8)
    return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < 3; i++) object[`k${Math.floor(random() * 5)}`] = randomValue(random, depth + 1);
  return object;
}

function payloadsFor(name: OperationName, random: () => number): unknown[] {
  const keys = inputKeys(name);
  const payloads: unknown[] = [undefined, null, 42, HUGE, [], [null], deep(200), ...POLLUTING];
  for (const key of keys) {
    for (const wrong of WRONG_VALUES) payloads.push({ [key]: wrong });
  }
  for (let i = 0; i < RANDOM_PAYLOADS; i++) {
    const object = randomValue(random);
    if (keys.length && object && typeof object === 'object' && !Array.isArray(object)) {
      for (const key of keys)
        if (random() < 0.6) (object as Record<string, unknown>)[key] = randomValue(random);
    }
    payloads.push(object);
  }
  return payloads;
}

/**
 * Everything a write leaves behind: every table's row count, and the rows this connection has
 * inserted, updated or deleted so far (an update that adds no row counts there).
 */
function footprint(chapter: TestChapter): string {
  const tables = chapter.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  const { changed } = chapter.db.prepare('SELECT total_changes() AS changed').get() as { changed: number };
  return `changed:${changed} ${tables
    .map(({ name }) => {
      const { n } = chapter.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number };
      return `${name}:${n}`;
    })
    .join(' ')}`;
}

describe('every operation under hostile input', () => {
  let chapter: TestChapter;
  beforeAll(() => {
    chapter = openTestChapter();
    const member = chapter.handlers['members.create']({ firstName: 'Awa', email: 'awa@example.org' });
    chapter.handlers['events.create']({
      title: 'AGM',
      kind: 'agm',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T21:00',
      capacity: null,
      quorum: '50%',
    });
    chapter.handlers['payments.record']({ memberId: member.id, amount: '10', method: 'cash' });
  });
  afterAll(() => chapter.close());

  it.each(OPERATIONS.map((name) => [name]))(
    '%s answers with a typed refusal and writes nothing',
    async (name) => {
      const random = mulberry32(SEED ^ [...name].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
      const logged: unknown[] = [];
      const logger = { error: (_message: string, error: unknown) => logged.push(error) };
      for (const payload of payloadsFor(name, random)) {
        const before = footprint(chapter);
        let result: Result<unknown>;
        try {
          result = await dispatch(chapter.handlers, name, payload, logger);
        } catch (error) {
          throw new Error(`${name} threw on ${JSON.stringify(payload)?.slice(0, 200)}: ${String(error)}`);
        }
        expect(
          ({} as Record<string, unknown>)['polluted'],
          `${name} polluted Object.prototype`,
        ).toBeUndefined();
        if (!result.ok) {
          expect(isErrorCode(result.error.code), `${name}: ${result.error.code}`).toBe(true);
          expect(result.error.code, `${name} on ${JSON.stringify(payload)?.slice(0, 200)}`).not.toBe(
            'INTERNAL',
          );
          expect(footprint(chapter), `${name} wrote while refusing`).toBe(before);
        }
      }
      expect(logged, `${name} logged an unexpected error`).toEqual([]);
    },
  );

  it('refuses an operation name that is not in the contract, whatever it looks like', async () => {
    for (const name of ['__proto__', 'constructor', 'members.list\u0000', HUGE, 42, null, { toString: 1 }]) {
      const result = await dispatch(chapter.handlers, name, {});
      expect(result.ok ? 'ok' : result.error.code).toBe('UNKNOWN_OPERATION');
    }
  });
});
