import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { openDatabase } from '../../src/main/db/open';
import { startServer } from '../../src/server/start';
import { openTestChapter, tempDir } from '../helpers/chapter';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function newDir(): string {
  const temp = tempDir('files-at-rest-');
  temps.push(temp);
  return temp.dir;
}

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result;
}

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every folder and file under `dir` with its mode, `dir` included. */
function modes(dir: string): Record<string, number> {
  const found: Record<string, number> = { '.': mode(dir) };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    found[path.slice(dir.length + 1)] = mode(path);
  }
  return found;
}

const privateTree = (dir: string) =>
  Object.fromEntries(
    Object.entries(modes(dir)).map(([path]) => [
      path,
      path === '.' || statSync(join(dir, path)).isDirectory() ? 0o700 : 0o600,
    ]),
  );

// The usual umask, which leaves new files 0644 and folders 0755 unless a mode says otherwise.
// Children (the CLI) inherit it.
let umask: number;
beforeAll(() => {
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
});

// POSIX modes only: on Windows the user's folders' ACLs protect these files.
describe.skipIf(process.platform === 'win32')(
  'files at rest are for their owner only',
  { timeout: 180_000 },
  () => {
    it('the chapter file after init, an import with rejected rows and exports, over files left 0644', () => {
      const dir = newDir();
      const db = join(dir, 'chapter.sqlite');
      cli('init', '--db', db, '--name', 'Lyon', '--country', 'FR', '--currency', 'EUR');
      expect(mode(db)).toBe(0o600);

      const csv = join(dir, 'members.csv');
      writeFileSync(csv, 'First name,Last name,Email\nAda,Lovelace,ada@example.org\n,,not-an-email\n');
      const rejects = join(dir, 'rejected.csv');
      const existing = join(dir, 'members-export.csv');
      for (const old of [rejects, existing]) {
        writeFileSync(old, 'from before\n');
        chmodSync(old, 0o644);
      }
      chmodSync(db, 0o644);
      cli('import', csv, '--db', db, '--rejects', rejects);
      cli('export', 'members', '--db', db, '--out', existing);
      cli('export', 'members', '--db', db, '--format', 'xlsx', '--out', join(dir, 'members.xlsx'));
      cli('export', 'members', '--db', db, '--format', 'json', '--out', join(dir, 'members.json'));

      // The import backed the chapter up first, in backups/ beside it.
      const found = modes(dir);
      const backups = Object.keys(found).filter((path) => path.startsWith('backups/'));
      expect(backups).toEqual([expect.stringMatching(/^backups\/chapter-.+-import\.sqlite$/)]);
      expect(found).toEqual({
        '.': 0o700,
        'chapter.sqlite': 0o600,
        // The member-number high-water mark kept beside the file, as the receipts' one.
        'chapter.sqlite-member-numbers': 0o600,
        backups: 0o700,
        [backups[0]!]: 0o600,
        'members.csv': 0o644, // the secretary's own file, read and left alone
        'rejected.csv': 0o600,
        'members-export.csv': 0o600,
        'members.xlsx': 0o600,
        'members.json': 0o600,
      });
    });

    it('the WAL and SHM, also those an earlier version left 0644 while a connection is open', () => {
      const path = join(newDir(), 'chapter.sqlite');
      // As before: SQLite creates the file under the umask, and -wal and -shm with the file's mode.
      const earlier = new Database(path);
      earlier.pragma('journal_mode = WAL');
      earlier.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      expect([mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual([0o644, 0o644, 0o644]);

      const db = openDatabase(path);
      expect([mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
      db.close();
      earlier.close();

      const fresh = join(newDir(), 'new.sqlite');
      const created = openDatabase(fresh);
      createHandlers(created)['chapter.setup']({
        name: 'Lyon',
        country: 'FR',
        currency: 'EUR',
        officerName: 'Amina',
        locale: 'en',
        createDefaultTypes: true,
      });
      expect([mode(fresh), mode(`${fresh}-wal`), mode(`${fresh}-shm`)]).toEqual([0o600, 0o600, 0o600]);
      created.close();
    });

    it('the receipt sequence kept beside the file', () => {
      const chapter = openTestChapter();
      try {
        writeFileSync(`${chapter.path}-receipts`, '{}');
        chmodSync(`${chapter.path}-receipts`, 0o644);
        const member = chapter.handlers['members.create']({ firstName: 'Ada', lastName: 'Lovelace' });
        chapter.handlers['payments.record']({ memberId: member.id, amount: '50', method: 'cash' });
        expect(mode(`${chapter.path}-receipts`)).toBe(0o600);
      } finally {
        chapter.close();
      }
    });

    it("the server's data folder: an existing 0755 one is tightened at start, and stays so", async () => {
      const dir = join(newDir(), 'server-data');
      mkdirSync(dir, { mode: 0o755 });
      // What an earlier version left: PGlite's own files (0666 whatever the umask) and a readable token.
      const earlier = new PGlite(join(dir, 'pglite'));
      await earlier.waitReady;
      await earlier.close();
      writeFileSync(join(dir, 'admin-token'), `${'a'.repeat(32)}\n`);
      chmodSync(join(dir, 'admin-token'), 0o644);
      expect(Object.values(modes(dir))).toContain(0o666);

      const running = await startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir: dir,
        adminToken: 'a'.repeat(32),
        logger: false,
      });
      try {
        expect(modes(dir)).toEqual(privateTree(dir));
        expect(mode(dir)).toBe(0o700);
        expect(mode(join(dir, 'pglite'))).toBe(0o700);
        expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      } finally {
        await running.close();
      }
      expect(modes(dir)).toEqual(privateTree(dir));
    });

    it("the server's data folder created by an admin command", () => {
      const dir = join(newDir(), 'server-data');
      cli('server', 'chapter', 'add', '--name', 'Lyon', '--data', dir);
      expect(modes(dir)).toEqual(privateTree(dir));
      expect(Object.keys(modes(dir)).length).toBeGreaterThan(100);
    });
  },
);
