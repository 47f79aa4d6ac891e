import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/helpers/chapter';
import { version } from '../../../../package.json';
import type { DiagnosticsFile } from '../../../shared/diagnostics';
import { AppError } from '../../../shared/errors';
import type { ImportJobView } from '../../../shared/imports';
import type { Result } from '../../../shared/errors';
import { createRotatingLog, logFilePath, readRecentLines } from '../../../node/rotating-log';
import { startDataThread, type DataThread } from '../../data-thread/client';
import { startSyncServer } from '../../../../tests/helpers/sync-server';
import type { SyncStatus } from '../../../shared/domain';
import { LATEST_VERSION } from '../../db/migrations';
import { LOG_NAME, logFolder, openAppLog } from './log';

const POSIX = process.platform !== 'win32';
const mode = (path: string) => statSync(path).mode & 0o777;

let temp: { dir: string; cleanup(): void };
let data: DataThread | null = null;
afterEach(async () => {
  await data?.close();
  data = null;
  temp.cleanup();
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The test chapter's people: none of these may appear in the log or in diagnostics. */
const PEOPLE = [
  { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@example.org', phone: '+33 6 12 34 56 78' },
  { firstName: 'Kwame', lastName: 'Mensah', email: 'kwame.mensah@example.net', phone: '+233 24 123 4567' },
];
const IMPORTED = [
  { firstName: 'Awa', lastName: 'Diallo', email: 'awa.diallo@example.com', phone: '+221 77 123 45 67' },
  { firstName: 'Zaynab', lastName: 'Haddad', email: 'zaynab.h@example.org', phone: '+961 3 123 456' },
];

/** Every way a person's data could be written: names, emails, phones spaced, bare and in E.164. */
function personalStrings(): string[] {
  return [...PEOPLE, ...IMPORTED].flatMap((p) => [
    p.firstName,
    p.lastName,
    p.email,
    p.email.split('@')[0]!,
    p.phone,
    p.phone.replace(/\s/g, ''),
    p.phone.replace(/\s/g, '').slice(-7),
  ]);
}

const CHAPTER = {
  name: 'Lyon',
  country: 'FR',
  currency: 'EUR',
  officerName: 'Amina',
  locale: 'en',
  createDefaultTypes: true,
} as const;

describe('the rotating log', () => {
  it('keeps N files of at most the size given, newest lines last, private to the user', () => {
    temp = tempDir();
    const folder = join(temp.dir, 'logs');
    const log = createRotatingLog({ folder, name: 'app', maxBytes: 200, keep: 3 });
    for (let i = 0; i < 100; i++) log.appendLine(`line ${String(i).padStart(3, '0')} ${'x'.repeat(20)}`);
    expect(readdirSync(folder).sort()).toEqual(['app.1.log', 'app.2.log', 'app.log']);
    for (const index of [0, 1, 2]) {
      const path = logFilePath(folder, 'app', index);
      expect(statSync(path).size).toBeLessThanOrEqual(200);
      if (POSIX) expect(mode(path)).toBe(0o600);
    }
    if (POSIX) expect(mode(folder)).toBe(0o700);
    const lines = readRecentLines(folder, 'app', 3, 10_000);
    expect(lines.at(-1)).toMatch(/^line 099 /);
    // Lines follow one another across the files, and the oldest have gone.
    const numbers = lines.map((line) => Number(line.slice(5, 8)));
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    expect(numbers[0]).toBeGreaterThan(0);
    expect(readRecentLines(folder, 'app', 3, 100).length).toBeLessThan(lines.length);
  });

  it('keeps one file when told to keep one', () => {
    temp = tempDir();
    const folder = join(temp.dir, 'logs');
    const log = createRotatingLog({ folder, name: 'app', maxBytes: 100, keep: 1 });
    for (let i = 0; i < 20; i++) log.appendLine(`line ${i} ${'y'.repeat(30)}`);
    expect(readdirSync(folder)).toEqual(['app.log']);
    expect(readFileSync(join(folder, 'app.log'), 'utf8')).toContain('line 19 ');
  });
});

describe('the app log', () => {
  it('writes ids, numbers and codes, and no text that could name someone', () => {
    temp = tempDir();
    const dbPath = join(temp.dir, 'chapter.sqlite');
    const log = openAppLog({ dbPath, now: () => new Date('2026-03-15T10:00:00Z') });
    log.info('member.saved', {
      id: '8f2d5a38-3f51-4a0e-9a57-3b1f0f5b2c11',
      count: 3,
      email: 'helene.dupre@example.org',
      phone: '+33 6 12 34 56 78',
      name: 'Hélène Dupré',
    });
    const failure = new AppError('NOT_FOUND', 'No member with the email helene.dupre@example.org.');
    log.error('operation.failed', failure);
    const text = readFileSync(join(logFolder(dbPath), `${LOG_NAME}.log`), 'utf8');
    const [saved, failed] = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(saved).toEqual({
      at: '2026-03-15T10:00:00.000Z',
      level: 'info',
      event: 'member.saved',
      id: '8f2d5a38-3f51-4a0e-9a57-3b1f0f5b2c11',
      count: 3,
      email: '[text]',
      phone: '[text]',
      name: '[text]',
    });
    expect(failed).toMatchObject({
      level: 'error',
      event: 'operation.failed',
      error: 'AppError',
      code: 'NOT_FOUND',
    });
    expect((failed!['stack'] as string[]).length).toBeGreaterThan(0);
    expect(text).not.toMatch(/helene|Hélène|Dupré|12 34/i);
  });

  it('keeps the file of each stack frame, not the folders that name the user', () => {
    temp = tempDir();
    const dbPath = join(temp.dir, 'chapter.sqlite');
    const log = openAppLog({ dbPath, now: () => new Date() });
    const failure = new Error('disk full');
    failure.stack = [
      'Error: disk full',
      '    at saveMember (C:\\Users\\Maria Gonzalez\\AppData\\Local\\Programs\\chapterdesk\\resources\\app.asar\\out\\main\\thread.js:12:34)',
      '    at /home/amina.haddad/.nvm/versions/node/v20/lib/node_modules/chapterdesk/out/cli/index.js:5:6',
      '    at file:///Users/ngozi/Applications/ChapterDesk.app/Contents/Resources/app.asar/out/main/index.js:7:8',
    ].join('\n');
    log.error('operation.failed', failure);
    const text = readFileSync(join(logFolder(dbPath), `${LOG_NAME}.log`), 'utf8');
    expect((JSON.parse(text) as { stack: string[] }).stack).toEqual([
      'at saveMember (thread.js:12:34)',
      'at index.js:5:6',
      'at index.js:7:8',
    ]);
    expect(text).not.toMatch(/Maria|Gonzalez|amina|ngozi|Users|home/i);
  });

  it('loses a line it cannot write, not the work being logged', () => {
    temp = tempDir();
    // The log folder's place is taken by a file: every write fails.
    const dbPath = join(temp.dir, 'chapter.sqlite');
    writeFileSync(logFolder(dbPath), '');
    const failures: unknown[] = [];
    const log = openAppLog({ dbPath, now: () => new Date(), onWriteError: (error) => failures.push(error) });
    expect(() => log.info('start', { version })).not.toThrow();
    expect(failures).toHaveLength(1);
  });
});

describe('Export diagnostics', () => {
  it('gives versions, schema, counts, sync state and the recent log, and no member’s name, email or phone', async () => {
    temp = tempDir();
    const dbPath = join(temp.dir, 'chapter.sqlite');
    data = await startDataThread({ dbPath, autoSync: false });
    value(await data.call('chapter.setup', { ...CHAPTER }));
    for (const person of PEOPLE) value(await data.call('members.create', person));
    const csv = ['First name,Last name,Email,Phone', ...IMPORTED.map((p) => Object.values(p).join(','))];
    const draft = value<{ draftId: string; fields: unknown[] }>(
      await data.call('imports.inspect', {
        fileName: 'members.csv',
        data: Buffer.from(csv.join('\n')).toString('base64'),
      }),
    );
    const { jobId } = value<{ jobId: string }>(
      await data.call('imports.start', { draftId: draft.draftId, fields: draft.fields, dryRun: false }),
    );
    let job = value<ImportJobView>(await data.call('imports.job', { jobId }));
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = value<ImportJobView>(await data.call('imports.job', { jobId }));
    }
    expect(job.state).toBe('done');
    // A refusal that names a person in its message: its code is logged, not the message.
    const refused = await data.call('backup.restore', { name: 'helene.dupre@example.org.sqlite' });
    expect(refused.ok).toBe(false);

    const file = value<DiagnosticsFile>(await data.call('diagnostics.export', undefined));
    expect(file.fileName).toMatch(/^chapterdesk-diagnostics-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
    const report = JSON.parse(file.content) as {
      app: { version: string; platform: string };
      schema: { version: number };
      tables: Record<string, number>;
      sync: { enrolled: boolean; pending: number };
      backups: { kind: string }[];
      log: { event: string; operation?: string; code?: string; created?: number }[];
    };
    expect(report.app).toMatchObject({ version, platform: process.platform });
    expect(report.schema.version).toBe(LATEST_VERSION);
    expect(report.tables['members']).toBe(4);
    expect(report.tables['chapter']).toBe(1);
    expect(report.sync).toMatchObject({ enrolled: false });
    expect(report.sync.pending).toBeGreaterThan(0);
    expect(report.backups.map((b) => b.kind)).toContain('import');
    const events = report.log.map((line) => line.event);
    expect(events).toEqual(expect.arrayContaining(['start', 'chapter.created', 'import.done']));
    expect(report.log.find((line) => line.event === 'import.done')?.created).toBe(2);
    expect(report.log).toContainEqual(
      expect.objectContaining({ event: 'operation.refused', operation: 'backup.restore', code: 'NOT_FOUND' }),
    );
    for (const personal of personalStrings()) expect(file.content).not.toContain(personal);
    // The log files themselves are private and hold nothing more.
    const logs = logFolder(dbPath);
    for (const name of readdirSync(logs)) {
      if (POSIX) expect(mode(join(logs, name))).toBe(0o600);
      const text = readFileSync(join(logs, name), 'utf8');
      for (const personal of personalStrings()) expect(text).not.toContain(personal);
    }
  });

  it('logs each sync with the server, its counts and bytes, and a failed one by its code', async () => {
    const server = await startSyncServer('pglite');
    let closed = false;
    try {
      temp = tempDir();
      const dbPath = join(temp.dir, 'chapter.sqlite');
      data = await startDataThread({ dbPath, autoSync: false });
      value(await data.call('chapter.setup', { ...CHAPTER }));
      const chapterId = (await server.admin.addChapter('Lyon')).id;
      const { code } = await server.admin.issueEnrolmentCode(chapterId);
      value(await data.call('sync.enroll', { serverUrl: server.url, code, officerName: 'Amina' }));
      for (const person of PEOPLE) value(await data.call('members.create', person));
      const synced = async () => {
        value(await data!.call('sync.now', undefined));
        let status = value<SyncStatus>(await data!.call('sync.status', undefined));
        while (status.state === 'syncing') {
          await new Promise((resolve) => setTimeout(resolve, 20));
          status = value<SyncStatus>(await data!.call('sync.status', undefined));
        }
        return status;
      };
      expect((await synced()).error).toBeNull();
      await server.close();
      closed = true;
      expect((await synced()).error).not.toBeNull();

      const report = JSON.parse(
        value<DiagnosticsFile>(await data.call('diagnostics.export', undefined)).content,
      ) as {
        sync: { enrolled: boolean; server: string; lastErrorCode: string | null };
        log: { event: string; pushed?: number; sent?: number; code?: string }[];
      };
      expect(report.sync).toMatchObject({
        enrolled: true,
        server: new URL(server.url).origin,
        lastErrorCode: 'NETWORK',
      });
      const done = report.log.filter((line) => line.event === 'sync.done');
      expect(done.at(-1)?.pushed).toBeGreaterThan(0);
      expect(done.at(-1)?.sent).toBeGreaterThan(0);
      expect(report.log).toContainEqual(expect.objectContaining({ event: 'sync.failed', code: 'NETWORK' }));
      const text = readFileSync(join(logFolder(dbPath), `${LOG_NAME}.log`), 'utf8');
      for (const personal of personalStrings()) expect(text).not.toContain(personal);
      expect(text).not.toContain(code);
    } finally {
      if (!closed) await server.close();
    }
  }, 120_000);

  it('are exported from a damaged chapter file too, with the log that says so', async () => {
    temp = tempDir();
    const dbPath = join(temp.dir, 'chapter.sqlite');
    writeFileSync(dbPath, Buffer.alloc(8192, 7));
    data = await startDataThread({ dbPath, autoSync: false });
    expect(await data.call('members.list', { offset: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'DB_DAMAGED' },
    });
    const report = JSON.parse(
      value<DiagnosticsFile>(await data.call('diagnostics.export', undefined)).content,
    ) as {
      damaged: boolean;
      tables: unknown;
      app: { version: string };
      log: { event: string; code?: string }[];
    };
    expect(report).toMatchObject({ damaged: true, tables: null, app: { version } });
    expect(report.log).toContainEqual(
      expect.objectContaining({ event: 'chapter.damaged', code: 'DB_DAMAGED' }),
    );
  });

  it('is written by `chapterdesk diagnostics` to a file private to the user', async () => {
    temp = tempDir();
    const dbPath = join(temp.dir, 'chapter.sqlite');
    const out = join(temp.dir, 'support.json');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { encoding: 'utf8' });
    expect(cli('init', '--db', dbPath, '--name', 'Lyon', '--country', 'FR', '--currency', 'EUR').status).toBe(
      0,
    );
    const person = PEOPLE[0]!;
    const added = cli(
      ...['members', 'add', '--db', dbPath, '--first-name', person.firstName, '--last-name', person.lastName],
      ...['--email', person.email, '--phone', person.phone],
    );
    expect(added.status).toBe(0);
    const written = cli('diagnostics', '--db', dbPath, '--out', out, '--json');
    expect(written.stderr).toBe('');
    expect(JSON.parse(written.stdout)).toMatchObject({ path: out });
    if (POSIX) expect(mode(out)).toBe(0o600);
    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'chapterdesk-diagnostics', tables: { members: 1 } });
    for (const personal of [person.firstName, person.lastName, person.email, person.phone.replace(/\s/g, '')])
      expect(text).not.toContain(personal);

    const missing = cli('diagnostics', '--db', join(temp.dir, 'nope.sqlite'), '--out', out);
    expect(missing.status).not.toBe(0);
    expect(existsSync(join(temp.dir, 'nope.sqlite'))).toBe(false);
  }, 180_000); // four runs of the CLI from its sources, each compiling through tsx
});
