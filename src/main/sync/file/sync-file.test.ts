import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/helpers/chapter';
import { enrol, memberSnapshot, openLaptop, type Laptop } from '../../../../tests/helpers/laptop';
import { startSyncServer, type TestSyncServer } from '../../../../tests/helpers/sync-server';
import { AppError } from '../../../shared/errors';
import { localChecksum } from '../checksum';
import { getChapterKey, newChapterKey } from '../../services/chapter/key';
import { exportSyncFile } from './export';
import { sealSyncText, unsealSyncText } from './format';
import { importSyncFile } from './import';
import { parseSize } from './size';

let server: TestSyncServer;
let laptops: Laptop[] = [];
const temps: { cleanup(): void }[] = [];
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  laptops.forEach((l) => l.close());
  laptops = [];
  temps.splice(0).forEach((t) => t.cleanup());
});

function laptop(name: string, options: Parameters<typeof openLaptop>[1] = {}): Laptop {
  const l = openLaptop(name, options);
  laptops.push(l);
  return l;
}

/** Laptops that joined one chapter through the server once and then work with no server in reach. */
async function chapterOf<N extends string[]>(...names: N): Promise<{ [K in keyof N]: Laptop }> {
  const chapterId = (await server.admin.addChapter(`Chapter ${Math.random()}`)).id;
  const [first, ...others] = names;
  const founder = laptop(first!, { setupChapter: true });
  await enrol(founder, server, chapterId);
  await founder.sync.runOnce();
  const joined = [founder];
  for (const name of others) {
    const l = laptop(name);
    await enrol(l, server, chapterId);
    await l.sync.runOnce();
    joined.push(l);
  }
  return joined as { [K in keyof N]: Laptop };
}

const save = (l: Laptop, all = false) => {
  const { parts } = exportSyncFile(l.db, { all, now: new Date() });
  expect(parts).toHaveLength(1);
  return parts[0]!;
};
const load = (l: Laptop, file: Buffer) => importSyncFile(l.db, file, () => new Date());
const logSize = (l: Laptop) => (l.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
const problemOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.details?.problem?.code;
    throw error;
  }
  return undefined;
};
const city = (l: Laptop, id: string) => l.handlers['members.get']({ id }).city;

/**
 * A sync file with its body changed by `edit` and sealed again with `key` (by default the chapter's
 * own: what only a laptop of the chapter could do, to test the checks behind the seal).
 */
function rewritten(
  l: Laptop,
  file: Buffer,
  edit: (body: Record<string, unknown>) => void,
  options: { key?: string; format?: number } = {},
): Buffer {
  const own = getChapterKey(l.db).key;
  const parsed = JSON.parse(unsealSyncText(file, own)) as Record<string, unknown>;
  edit(parsed);
  return sealSyncText(JSON.stringify(parsed), options.key ?? own, options.format);
}

describe('sync files', () => {
  it('carries changes both ways between two laptops with no server, which then sync with it and duplicate nothing', async () => {
    const [a, b] = await chapterOf('Amina', 'Ben');
    const hel = a.handlers['members.create']({
      firstName: 'Hélène',
      lastName: 'Dupré',
      email: 'helene@example.org',
    });
    const kw = b.handlers['members.create']({ firstName: 'Kwame', lastName: 'Mensah', city: 'Accra' });
    // The same field on both laptops, neither having seen the other's: a conflict card on one side.
    a.handlers['members.update']({ id: hel.id, patch: { city: 'Lyon' } });
    b.handlers['members.update']({ id: kw.id, patch: { phone: '024 123 4567' } });

    const fromA = load(b, save(a));
    expect(fromA).toMatchObject({ conflicts: 0 });
    expect(fromA.applied).toBeGreaterThan(3);
    b.handlers['members.update']({ id: hel.id, patch: { city: 'Marseille' } });
    a.handlers['members.update']({ id: hel.id, patch: { city: 'Paris' } });
    const fromB = load(a, save(b));
    expect(fromB.conflicts).toBe(1);
    // Ben's file also brought back Amina's own changes (it relays what it learned): already here.
    expect(fromB.alreadyHad).toBeGreaterThan(0);
    load(b, save(a));

    expect(memberSnapshot(b.db)).toEqual(memberSnapshot(a.db));
    expect(localChecksum(b.db).checksum).toBe(localChecksum(a.db).checksum);
    // Derived columns are computed where the file is loaded: Kwame's number in E.164, on Amina's laptop.
    expect(a.handlers['members.get']({ id: kw.id }).phone).toBe('024 123 4567');
    expect(a.db.prepare('SELECT phone_e164 FROM members WHERE id = ?').get(kw.id)).toEqual({
      phone_e164: '+33241234567',
    });

    const before = [logSize(a), logSize(b)];
    const sums = [];
    for (const l of [a, b, a, b]) sums.push(await l.sync.runOnce());
    // Everything each pulled from the server it already had by file.
    expect(sums.map((s) => s.pulled)).toEqual([0, 0, 0, 0]);
    expect([logSize(a), logSize(b)]).toEqual(before);
    expect(memberSnapshot(b.db)).toEqual(memberSnapshot(a.db));
    expect(city(a, hel.id)).toBe(city(b, hel.id));
  });

  it('applies nothing the second time a file is loaded, and files load in any order', async () => {
    const [a, b, c] = await chapterOf('Amina', 'Ben', 'Chloé');
    const m = a.handlers['members.create']({ firstName: 'Søren', lastName: 'Ørsted', city: 'Aarhus' });
    const first = save(a);
    a.handlers['members.update']({ id: m.id, patch: { city: 'Odense' } });
    a.handlers['members.delete']({ id: m.id });
    const second = save(a);

    const once = load(b, first);
    expect(once.applied).toBeGreaterThan(0);
    expect(load(b, first)).toEqual({ applied: 0, alreadyHad: once.applied + once.alreadyHad, conflicts: 0 });

    // Chloé gets the later file first: the older city never wins over the newer one.
    load(c, second);
    load(c, first);
    load(b, second);
    expect(memberSnapshot(c.db)).toEqual(memberSnapshot(a.db));
    expect(memberSnapshot(b.db)).toEqual(memberSnapshot(a.db));
    expect(c.db.prepare('SELECT city, deleted FROM members WHERE id = ?').get(m.id)).toEqual({
      city: 'Odense',
      deleted: 1,
    });
  });

  it('counts as already here what the server relayed before the file came', async () => {
    const [a, b] = await chapterOf('Amina', 'Ben');
    a.handlers['members.create']({ firstName: 'Ngozi', lastName: 'Okafor', email: 'ngozi@example.org' });
    const file = save(a, true);
    await a.sync.runOnce();
    await b.sync.runOnce();
    const size = logSize(b);
    const loaded = load(b, file);
    expect(loaded.applied).toBe(0);
    expect(loaded.alreadyHad).toBeGreaterThan(5);
    expect(logSize(b)).toBe(size);
  });

  it('refuses a damaged, cut, foreign, newer or unrelated file and applies nothing', async () => {
    const [a, b] = await chapterOf('Amina', 'Ben');
    a.handlers['members.create']({ firstName: 'Ama', lastName: 'Mensah' });
    const file = save(a);
    const [other] = await chapterOf('Zoé');
    const foreign = save(other, true);

    const flipped = Buffer.from(file);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x40;
    // A stranger who saw one file: the body is unreadable and a body of theirs sealed under any
    // other key, or under this file's key id with another key, does not load.
    const strangerKey = newChapterKey();
    const idKept = Buffer.from(rewritten(a, file, (body) => (body['all'] = true), { key: strangerKey }));
    file.copy(idKept, 0, 0, file.indexOf(0x0a) + 1 + 8);
    const cases: [string, Buffer, string][] = [
      ['a flipped byte', flipped, 'SYNC_FILE_DAMAGED'],
      ['a cut file', file.subarray(0, file.length - 20), 'SYNC_FILE_DAMAGED'],
      [
        'a body sealed by a stranger',
        rewritten(a, file, () => {}, { key: strangerKey }),
        'SYNC_FILE_OTHER_CHAPTER',
      ],
      ['a stranger’s body under this chapter’s key id', idKept, 'SYNC_FILE_DAMAGED'],
      ['another chapter', foreign, 'SYNC_FILE_OTHER_CHAPTER'],
      ['a newer format', rewritten(a, file, () => {}, { format: 3 }), 'SYNC_FILE_TOO_NEW'],
      ['the unsealed first format', Buffer.from('chapterdesk-sync/1\n{}'), 'SYNC_FILE_NOT_SYNC_FILE'],
      ['a newer sync schema', rewritten(a, file, (body) => (body['schema'] = 99)), 'SYNC_FILE_TOO_NEW'],
      [
        'a change stamped two days ahead of this clock',
        rewritten(a, file, (body) => {
          const first = (body['changes'] as number[][])[0]!;
          first[2] = first[2]! + 2 * 24 * 60 * 60 * 1000;
        }),
        'SYNC_FILE_DAMAGED',
      ],
      [
        'a field index that is not one',
        rewritten(a, file, (body) => ((body['changes'] as unknown[][])[0]![0] = 'length')),
        'SYNC_FILE_DAMAGED',
      ],
      ['a spreadsheet', Buffer.from('Name,Email\nAma,ama@example.org\n'), 'SYNC_FILE_NOT_SYNC_FILE'],
      ['a gzip file', gzipSync('{"changes":[]}'), 'SYNC_FILE_NOT_SYNC_FILE'],
    ];
    const size = logSize(b);
    const snapshot = memberSnapshot(b.db);
    for (const [, bytes, code] of cases) {
      expect(problemOf(() => load(b, bytes))).toBe(code);
    }
    expect(logSize(b)).toBe(size);
    expect(memberSnapshot(b.db)).toEqual(snapshot);
    // No member's name can be read from the file, and the file itself loads.
    expect(file.includes(Buffer.from('Mensah'))).toBe(false);
    expect(load(b, file).applied).toBeGreaterThan(0);
  });

  it('carries a laptop’s own changes the server already has to a laptop out of its reach', async () => {
    const [a, b] = await chapterOf('Amina', 'Ben');
    const ngozi = a.handlers['members.create']({ firstName: 'Ngozi', lastName: 'Okafor' });
    await a.sync.runOnce();
    expect(a.sync.status().pending).toBe(0);
    expect(load(b, save(a)).applied).toBeGreaterThan(0);
    expect(b.handlers['members.get']({ id: ngozi.id }).firstName).toBe('Ngozi');
  });

  it('refuses to set up a laptop that has not joined the chapter, saying how to join', async () => {
    const [a] = await chapterOf('Amina');
    const fresh = laptop('New');
    expect(problemOf(() => load(fresh, save(a, true)))).toBe('SYNC_FILE_NO_CHAPTER');
    expect(logSize(fresh)).toBe(0);
  });

  it('stays within 40 bytes per field change, for new members and for edits', async () => {
    const [a] = await chapterOf('Amina');
    const size = () => {
      const file = exportSyncFile(a.db, { all: true, now: new Date() });
      return { changes: file.changes, bytes: file.parts[0]!.length };
    };
    const cities = ['Lyon', 'Nairobi', 'Dakar', 'Accra', 'Montréal'];
    const ids: string[] = [];
    const start = size();
    a.db.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        const member = a.handlers['members.create']({
          firstName: `Member${i}`,
          lastName: `Family${i % 97}`,
          email: `member${i}@example.org`,
          phone: `06 12 34 ${String(i % 100).padStart(2, '0')} ${String(i % 89).padStart(2, '0')}`,
          city: cities[i % cities.length],
        });
        ids.push(member.id);
      }
    })();
    const created = size();
    a.db.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        const id = ids[(i * 7) % 1000]!;
        a.handlers['members.update']({ id, patch: { city: cities[(i + 2) % 5], notes: `call back ${i}` } });
      }
    })();
    const edited = size();
    const per = (to: typeof start, from: typeof start) =>
      (to.bytes - from.bytes) / (to.changes - from.changes);
    console.log(
      `sync file bytes per field change: ${per(created, start).toFixed(1)} for new members, ${per(edited, created).toFixed(1)} for edits`,
    );
    expect(per(created, start)).toBeLessThanOrEqual(40);
    expect(per(edited, created)).toBeLessThanOrEqual(40);
  });
});

describe('sync files from the command line', () => {
  function cli(...args: string[]) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('splits an export to a size limit, and each part loads on its own', async () => {
    const [a, b] = await chapterOf('Amina', 'Ben');
    a.db.transaction(() => {
      for (let i = 0; i < 300; i++)
        a.handlers['members.create']({
          firstName: `Ama${i}`,
          lastName: 'Mensah',
          email: `ama${i}@example.org`,
          notes: `note ${i * 7919}`,
        });
    })();
    const temp = tempDir();
    temps.push(temp);
    // The command line works on the laptops' files while they are open, as it does beside the app.
    const [aPath, bPath] = [a.path, b.path];
    const out = join(temp.dir, 'changes.chapterdesk');
    const exported = cli('sync', 'export', '--db', aPath, '--out', out, '--max-size', '8KB', '--json');
    expect(exported.stderr).toBe('');
    const summary = JSON.parse(exported.stdout) as { changes: number; bytes: number; files: string[] };
    expect(summary.files.length).toBeGreaterThan(1);
    expect(summary.files.length).toBeLessThan(5);
    expect(summary.files[0]).toBe(join(temp.dir, 'changes.1.chapterdesk'));
    for (const file of summary.files) {
      expect(statSync(file).size).toBeLessThanOrEqual(8000);
      // Members' personal data: readable by this user only.
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }

    // Loaded last part first: each applies alone, and together they are everything.
    let applied = 0;
    let had = 0;
    for (const file of [...summary.files].reverse()) {
      const loaded = cli('sync', 'import', file, '--db', bPath, '--json');
      expect(loaded.code).toBe(0);
      const counts = JSON.parse(loaded.stdout) as { applied: number; alreadyHad: number };
      applied += counts.applied;
      had += counts.alreadyHad;
    }
    // Ama's 300 members are new to Ben; the chapter's setup, which Ben had from the server, is not.
    expect(applied).toBeGreaterThanOrEqual(300 * 4);
    expect(applied + had).toBe(summary.changes);
    const again = cli('sync', 'import', summary.files[0]!, '--db', bPath, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: 0, conflicts: 0 });

    const damaged = join(temp.dir, 'damaged.chapterdesk');
    writeFileSync(damaged, readFileSync(summary.files[0]!).subarray(0, 100));
    const refused = cli('sync', 'import', damaged, '--db', bPath);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('damaged');
    expect(refused.stderr).toContain('Nothing was applied');

    expect(memberSnapshot(b.db)).toEqual(memberSnapshot(a.db));
    // Each run of the command line starts TypeScript from source: seconds each on a busy machine.
  }, 120_000);

  it('reads sizes as people write them', () => {
    expect(parseSize('5MB')).toBe(5_000_000);
    expect(parseSize('500 kb')).toBe(500_000);
    expect(parseSize('1.5MB')).toBe(1_500_000);
    expect(() => parseSize('5 parsecs')).toThrow(/--max-size/);
    expect(() => parseSize('10')).toThrow(/at least 1KB/);
  });
});
