import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { openDatabase, userVersion } from '../../db/open';
import { LATEST_VERSION } from '../../db/migrations';
import { openTestChapter, tempDir, type TestChapter } from '../../../../tests/helpers/chapter';
import { backupFolder, listBackups, pruneBackups } from './folder';
import { abandonRestore, commitRestore, prepareRestore } from './restore';
import { backupRestores, createBackupService, newestGoodBackup } from './service';

const open: TestChapter[] = [];
const temps: { cleanup(): void }[] = [];
afterEach(() => {
  for (const chapter of open.splice(0)) if (chapter.db.open) chapter.db.close();
  for (const temp of temps.splice(0)) temp.cleanup();
});

function chapterFile(): TestChapter {
  const temp = tempDir();
  temps.push(temp);
  const chapter = openTestChapter({ path: join(temp.dir, 'chapter.sqlite') });
  open.push(chapter);
  return chapter;
}

function addMember(chapter: TestChapter, firstName: string): string {
  return chapter.handlers['members.create']({ firstName, lastName: 'Backup' }).id;
}

function names(path: string): string[] {
  const db = openDatabase(path);
  try {
    return (
      db.prepare(`SELECT first_name FROM members ORDER BY first_name`).all() as { first_name: string }[]
    ).map((r) => r.first_name);
  } finally {
    db.close();
  }
}

const mode = (path: string) => statSync(path).mode & 0o777;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function service(chapter: TestChapter, keep?: number) {
  return createBackupService({ db: chapter.db, dbPath: chapter.path, now: () => chapter.clock.now, keep });
}

async function restoreFrom(chapter: TestChapter, name: string, confirmUnsynced = false) {
  const prepared = prepareRestore({
    dbPath: chapter.path,
    source: { path: join(backupFolder(chapter.path), name), label: name },
    confirmUnsynced,
    now: () => chapter.clock.now,
  });
  chapter.db.close();
  return commitRestore(prepared);
}

describe('automatic backups', () => {
  it('are private copies named by time and reason, newest first, that restore the chapter as it was', async () => {
    const chapter = chapterFile();
    addMember(chapter, 'Amadou');
    const first = await service(chapter).automatic('daily');
    chapter.clock.now = new Date('2026-03-15T11:30:00Z');
    addMember(chapter, 'Binta');
    const second = await service(chapter).automatic('import');

    expect(first.name).toBe('chapter-2026-03-15T10-00-00Z-daily.sqlite');
    expect(second).toMatchObject({ kind: 'import', createdAt: '2026-03-15T11:30:00.000Z' });
    expect(listBackups(chapter.path).map((b) => b.name)).toEqual([second.name, first.name]);
    expect(mode(backupFolder(chapter.path))).toBe(0o700);
    expect(mode(join(backupFolder(chapter.path), first.name))).toBe(0o600);
    // One self-contained file, which opens read only as it is.
    expect(existsSync(join(backupFolder(chapter.path), `${first.name}-wal`))).toBe(false);
    expect(backupRestores(join(backupFolder(chapter.path), first.name))).toBe(true);

    addMember(chapter, 'Chidi');
    // Binta and Chidi were never synced (this chapter has no server): lost, as confirmed.
    const result = await restoreFrom(chapter, first.name, true);
    expect(names(chapter.path)).toEqual(['Amadou']);
    expect(mode(chapter.path)).toBe(0o600);
    // The file as it was just before is a backup of its own, so the restore can be undone.
    expect(result.safetyBackup).toMatch(/-restore\.sqlite$/);
    expect(names(join(backupFolder(chapter.path), result.safetyBackup!))).toEqual([
      'Amadou',
      'Binta',
      'Chidi',
    ]);
    expect(result).toMatchObject({ damagedKeptAs: null, resyncs: false });
  });

  it('keep only the newest N', async () => {
    const chapter = chapterFile();
    const backups = service(chapter, 3);
    for (let minute = 0; minute < 5; minute++) {
      chapter.clock.now = new Date(Date.UTC(2026, 2, 15, 10, minute));
      await backups.automatic('daily');
    }
    expect(listBackups(chapter.path).map((b) => b.createdAt)).toEqual([
      '2026-03-15T10:04:00.000Z',
      '2026-03-15T10:03:00.000Z',
      '2026-03-15T10:02:00.000Z',
    ]);
    expect(pruneBackups(chapter.path, 1)).toHaveLength(2);
    expect(readdirSync(backupFolder(chapter.path))).toEqual(['chapter-2026-03-15T10-04-00Z-daily.sqlite']);
  });

  it('made within one second, of different kinds, list newest first', async () => {
    const chapter = chapterFile();
    const backups = service(chapter, 10);
    chapter.clock.now = new Date(Date.UTC(2026, 2, 15, 10, 0, 0, 100));
    for (const kind of ['import', 'restore', 'daily', 'import'] as const) await backups.automatic(kind);
    expect(listBackups(chapter.path).map((b) => b.kind)).toEqual(['import', 'daily', 'restore', 'import']);
  });

  it('started together within one second, each keeps its own copy', async () => {
    const chapter = chapterFile();
    const backups = service(chapter, 10);
    chapter.clock.now = new Date(Date.UTC(2026, 2, 15, 10, 0, 0, 100));
    const made = await Promise.all([backups.automatic('import'), backups.automatic('import')]);
    expect(new Set(made.map((b) => b.name)).size).toBe(2);
    expect(listBackups(chapter.path)).toHaveLength(2);
  });

  it('are made daily only when the newest is a day old and the chapter changed since', async () => {
    const chapter = chapterFile();
    const backups = service(chapter);
    expect(await backups.dailyIfDue()).toMatchObject({ kind: 'daily' });
    chapter.clock.now = new Date('2026-03-15T22:00:00Z');
    addMember(chapter, 'Amadou');
    expect(await backups.dailyIfDue()).toBeNull();
    chapter.clock.now = new Date('2026-03-16T10:00:01Z');
    expect(await backups.dailyIfDue()).toMatchObject({ createdAt: '2026-03-16T10:00:01.000Z' });
    chapter.clock.now = new Date('2026-03-18T10:00:00Z');
    expect(await backups.dailyIfDue()).toBeNull();
    expect(listBackups(chapter.path)).toHaveLength(2);
  });

  it('are made before a file is migrated, at its old schema', () => {
    const temp = tempDir();
    temps.push(temp);
    const path = join(temp.dir, 'chapter.sqlite');
    openDatabase(path, { targetVersion: LATEST_VERSION - 1 }).close();
    openDatabase(path, { now: () => new Date('2026-03-15T10:00:00Z') }).close();
    const [backup] = listBackups(path);
    expect(backup).toMatchObject({ kind: 'migration', createdAt: '2026-03-15T10:00:00.000Z' });
    const copy = openDatabase(join(backupFolder(path), backup!.name), { targetVersion: 0 });
    expect(userVersion(copy)).toBe(LATEST_VERSION - 1);
    copy.close();
  });

  it('survive a kill while the next one is written: the previous backup is intact, and no half copy is listed', async () => {
    const chapter = chapterFile();
    // Some size, so that a backup takes long enough to be killed in the middle of it.
    chapter.db.exec(`CREATE TABLE ballast (b BLOB)`);
    const fill = chapter.db.prepare(`INSERT INTO ballast VALUES (randomblob(65536))`);
    chapter.db.transaction(() => {
      for (let i = 0; i < 600; i++) fill.run();
    })();
    const previous = await service(chapter).automatic('daily');
    const previousPath = join(backupFolder(chapter.path), previous.name);
    const before = sha(previousPath);

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/helpers/backup-writer.ts', chapter.path],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const folderPath = backupFolder(chapter.path);
    const copying = () => readdirSync(folderPath).some((name) => name.includes('.partial-'));
    let waiting: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve, reject) => {
      let lines = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        lines += chunk
          .toString()
          .split('\n')
          .filter((line) => line === 'writing').length;
        if (lines < 2 || waiting) return;
        // The first backup is complete and the second is being copied, its partial file there.
        waiting = setInterval(() => {
          if (copying()) resolve();
        }, 1);
      });
      child.once('exit', (code) => reject(new Error(`the writer stopped by itself (${code})`)));
    }).finally(() => clearInterval(waiting));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const folder = readdirSync(backupFolder(chapter.path));
    expect(
      folder.some((name) => name.includes('.partial-')),
      'killed in the middle of a copy',
    ).toBe(true);
    expect(sha(previousPath)).toBe(before);
    const listed = listBackups(chapter.path);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    for (const entry of listed)
      expect(backupRestores(join(backupFolder(chapter.path), entry.name))).toBe(true);
  }, 60_000);
});

describe('a damaged chapter file', () => {
  async function damagedWithBackups() {
    const chapter = chapterFile();
    addMember(chapter, 'Amadou');
    const good = await service(chapter).automatic('daily');
    chapter.clock.now = new Date('2026-03-16T10:00:00Z');
    addMember(chapter, 'Binta');
    const newer = await service(chapter).automatic('import');
    // The newest backup is damaged too: it is passed over.
    const newerPath = join(backupFolder(chapter.path), newer.name);
    truncateSync(newerPath, statSync(newerPath).size / 2);
    chapter.db.pragma('wal_checkpoint(TRUNCATE)');
    chapter.db.close();
    return { chapter, good };
  }

  it('cut short is refused as damaged, and the newest backup that passes its check is offered', async () => {
    const { chapter, good } = await damagedWithBackups();
    truncateSync(chapter.path, statSync(chapter.path).size - 4096 * 3);
    const damaged = sha(chapter.path);
    expect(() => openDatabase(chapter.path)).toThrow(expect.objectContaining({ code: 'DB_DAMAGED' }));
    expect(sha(chapter.path)).toBe(damaged);
    expect(newestGoodBackup(chapter.path)).toMatchObject({ name: good.name });

    const result = await commitRestore(
      prepareRestore({
        dbPath: chapter.path,
        source: { path: join(backupFolder(chapter.path), good.name), label: good.name },
        confirmUnsynced: false,
        now: () => new Date('2026-03-16T12:00:00Z'),
      }),
    );
    expect(names(chapter.path)).toEqual(['Amadou']);
    // Kept aside as it was, never written to.
    expect(result.damagedKeptAs).toBe(`${chapter.path}.damaged-2026-03-16T12-00-00Z`);
    expect(sha(result.damagedKeptAs!)).toBe(damaged);
    expect(result.safetyBackup).toBeNull();
  });

  it('with a page overwritten by garbage is refused as damaged', async () => {
    const { chapter, good } = await damagedWithBackups();
    const fd = openSync(chapter.path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * 2);
    closeSync(fd);
    let error: unknown;
    try {
      openDatabase(chapter.path).close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'DB_DAMAGED' });
    expect(newestGoodBackup(chapter.path)).toMatchObject({ name: good.name });
  });
});

describe('restoring', () => {
  it('refuses while this laptop holds changes that no server has and the backup lacks, until confirmed', async () => {
    const chapter = chapterFile();
    addMember(chapter, 'Amadou');
    const backup = await service(chapter).automatic('daily');
    addMember(chapter, 'Binta');
    addMember(chapter, 'Chidi');
    const source = { path: join(backupFolder(chapter.path), backup.name), label: backup.name };
    let refusal: unknown;
    try {
      prepareRestore({ dbPath: chapter.path, source, confirmUnsynced: false });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: 'CONFLICT',
      details: { problem: { code: 'UNSYNCED_CHANGES', params: { count: 2 } } },
    });
    // Nothing happened: the chapter is as it was, and no copy was left beside it.
    expect(names(chapter.path)).toEqual(['Amadou', 'Binta', 'Chidi']);
    expect(readdirSync(join(chapter.path, '..')).filter((n) => n.includes('.restoring-'))).toEqual([]);

    const prepared = prepareRestore({ dbPath: chapter.path, source, confirmUnsynced: true });
    chapter.db.close();
    await commitRestore(prepared);
    expect(names(chapter.path)).toEqual(['Amadou']);
  });

  it('refuses a backup of another laptop, and a file that is not a chapter', async () => {
    const chapter = chapterFile();
    const other = chapterFile();
    const backup = await service(other).automatic('daily');
    const source = { path: join(backupFolder(other.path), backup.name), label: backup.name };
    expect(() => prepareRestore({ dbPath: chapter.path, source, confirmUnsynced: true })).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        details: { problem: { code: 'BACKUP_OTHER_LAPTOP', params: {} } },
      }),
    );
    const notChapter = {
      bytes: new TextEncoder().encode('name,email\nA,a@example.org\n'),
      label: 'members.csv',
    };
    expect(() => prepareRestore({ dbPath: chapter.path, source: notChapter, confirmUnsynced: true })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: { problem: { code: 'BACKUP_UNREADABLE', params: {} } },
      }),
    );
    expect(readdirSync(join(chapter.path, '..')).filter((n) => n.includes('.restoring-'))).toEqual([]);
  });

  it('takes a copy it was given as bytes, and can be abandoned without touching the chapter', async () => {
    const chapter = chapterFile();
    addMember(chapter, 'Amadou');
    const exported = await service(chapter).exportCopy();
    expect(exported.fileName).toBe('chapterdesk-backup-2026-03-15T10-00-00Z.sqlite');
    addMember(chapter, 'Binta');
    const bytes = Buffer.from(exported.contentBase64, 'base64');
    const prepared = prepareRestore({
      dbPath: chapter.path,
      source: { bytes, label: exported.fileName },
      confirmUnsynced: true,
    });
    abandonRestore(prepared);
    expect(existsSync(prepared.copyPath)).toBe(false);
    expect(names(chapter.path)).toEqual(['Amadou', 'Binta']);
    // The export is not one of the automatic backups.
    expect(listBackups(chapter.path)).toEqual([]);
  });
});
