import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { createHandlers } from '../../src/main/api/handlers';
import { tempDir } from '../helpers/chapter';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function newDbPath(): string {
  const temp = tempDir();
  temps.push(temp);
  return join(temp.dir, 'chapter.sqlite');
}

// Every test here starts the CLI as a child process several times; on a busy two-core machine each
// start takes seconds.
describe('chapterdesk CLI', { timeout: 180_000 }, () => {
  it('creates a chapter with init and exports its members as CSV that Excel reads safely', () => {
    const db = newDbPath();
    const init = cli(
      'init',
      '--db',
      db,
      '--name',
      'Nairobi Central',
      '--country',
      'ke',
      '--currency',
      'kes',
      '--json',
    );
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({
      name: 'Nairobi Central',
      country: 'KE',
      currency: 'KES',
    });

    const handle = openDatabase(db);
    const handlers = createHandlers(handle);
    handlers['members.create']({
      firstName: 'Wanjiru',
      lastName: 'Kamau',
      phone: '0712 345678',
      email: 'w@example.org',
    });
    handlers['members.create']({ firstName: '=HYPERLINK("http://evil")', lastName: 'Mallory' });
    handle.close();

    const out = join(db, '..', 'members.csv');
    const exported = cli('export', 'members', '--db', db, '--out', out);
    expect(exported.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Wanjiru,Kamau,w@example.org,0712 345678,+254712345678');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('\r\n');

    const json = cli('export', 'members', '--db', db, '--format', 'json');
    expect(JSON.parse(json.stdout).map((m: { lastName: string }) => m.lastName)).toEqual([
      'Kamau',
      'Mallory',
    ]);
  });

  it('fails with a message on stderr and a non-zero code', () => {
    const missing = cli('export', 'members', '--db', join(newDbPath(), '..', 'nope.sqlite'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/No chapter database/);
    expect(missing.stdout).toBe('');

    const notCreated = newDbPath();
    const badCountry = cli(
      'init',
      '--db',
      notCreated,
      '--name',
      'X',
      '--country',
      'France',
      '--currency',
      'EUR',
    );
    expect(badCountry.code).not.toBe(0);
    expect(badCountry.stderr).toMatch(/two-letter country code/);
    // Nothing is left that the next init, or the app, would take for a chapter.
    expect(readdirSync(join(notCreated, '..'))).toEqual([]);

    const db = newDbPath();
    cli('init', '--db', db, '--name', 'X', '--country', 'FR', '--currency', 'EUR');
    const badFormat = cli('export', 'members', '--db', db, '--format', 'pdf');
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toMatch(/csv, xlsx or json/);

    const missingOption = cli('init', '--name', 'X');
    expect(missingOption.code).not.toBe(0);
    expect(missingOption.stderr).toMatch(/--db/);
  });

  it('refuses to write an XLSX file to a terminal', () => {
    const db = newDbPath();
    cli('init', '--db', db, '--name', 'X', '--country', 'FR', '--currency', 'EUR');
    // `script` runs the command with a pseudo-terminal as its output, as a secretary's shell would.
    const command = [process.execPath, '--import', 'tsx', 'src/cli/index.ts', 'export', 'members']
      .concat(['--db', db, '--format', 'xlsx'])
      .map((word) => `'${word}'`)
      .join(' ');
    const onTerminal = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
    expect(onTerminal.status).toBe(2);
    expect(onTerminal.stdout).toMatch(/An XLSX file is binary: give --out FILE or redirect the output/);
    expect(onTerminal.stdout).not.toContain('PK');

    const redirected = spawnSync(process.execPath, [
      '--import',
      'tsx',
      'src/cli/index.ts',
      'export',
      'members',
      '--db',
      db,
      '--format',
      'xlsx',
    ]);
    expect(redirected.status).toBe(0);
    expect(redirected.stdout.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an http:// sync server beyond this computer, and keeps no file for it', () => {
    const db = newDbPath();
    const refused = cli('sync', '--db', db, '--server', 'http://sync.example.org', '--enroll', 'ABCD-EFGH');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'Use https://sync.example.org: http:// is only for a server on this computer.',
    );
    expect(readdirSync(join(db, '..'))).toEqual([]);
  });

  it('has help for every command', () => {
    for (const args of [
      ['--help'],
      ['init', '--help'],
      ['export', 'members', '--help'],
      ['serve', '--help'],
    ]) {
      const help = cli(...args);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Usage: chapterdesk/);
    }
  });
});

describe('chapterdesk import', { timeout: 180_000 }, () => {
  it('prints one JSON object with the counts and the problems, and exits 0 with rejected rows', () => {
    const db = newDbPath();
    cli('init', '--db', db, '--name', 'Lyon', '--country', 'FR', '--currency', 'EUR');
    const dry = cli('import', 'tests/fixtures/import/bad-rows.csv', '--db', db, '--json', '--dry-run');
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.stdout) as Record<string, unknown>;
    expect(Object.keys(preview)).toEqual(
      expect.arrayContaining([
        'rows',
        'created',
        'updated',
        'unchanged',
        'rejected',
        'possibleDuplicates',
        'problems',
      ]),
    );
    expect(preview['rejected']).toBeGreaterThan(0);
    expect(
      (preview['problems'] as { severity: string; rows: { row: number }[]; message: string }[])[0],
    ).toMatchObject({
      severity: 'rejected',
      rows: expect.arrayContaining([expect.objectContaining({ row: expect.any(Number) })]) as unknown,
      message: expect.stringMatching(/^(Row \d+|\d+ rows)/),
    });
    const exported = JSON.parse(cli('export', 'members', '--db', db, '--format', 'json').stdout) as unknown[];
    expect(exported).toEqual([]);

    const real = cli('import', 'tests/fixtures/import/bad-rows.csv', '--db', db, '--json');
    const result = JSON.parse(real.stdout) as { created: number; importId: string };
    expect(result.created).toBe(preview['created']);
    const list = JSON.parse(cli('imports', 'list', '--db', db, '--json').stdout) as { id: string }[];
    expect(list.map((b) => b.id)).toEqual([result.importId]);
    expect(cli('imports', 'undo', result.importId, '--db', db).code).toBe(0);
    expect(JSON.parse(cli('export', 'members', '--db', db, '--format', 'json').stdout)).toEqual([]);
    const again = cli('imports', 'undo', result.importId, '--db', db);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already undone/);
  });

  it('fails with a clear message when the file cannot be read', () => {
    const db = newDbPath();
    cli('init', '--db', db, '--name', 'Lyon', '--country', 'FR', '--currency', 'EUR');
    const corrupt = cli('import', 'tests/fixtures/import/corrupt.xlsx', '--db', db, '--json');
    expect(corrupt.code).not.toBe(0);
    expect(corrupt.stdout).toBe('');
    expect(corrupt.stderr).toMatch(/corrupt\.xlsx.*damaged/);
    const missing = cli('import', 'nowhere.csv', '--db', db);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toBe('chapterdesk: No such file: nowhere.csv\n');
  });
});

describe('chapterdesk sync', { timeout: 180_000 }, () => {
  it('enrols, syncs and prints the counts as JSON; fails with a message when the server is away', async () => {
    const { startSyncServer } = await import('../helpers/sync-server');
    const server = await startSyncServer('pglite');
    try {
      const chapterId = (await server.admin.addChapter('Lyon')).id;
      const { code } = await server.admin.issueEnrolmentCode(chapterId);
      const db = newDbPath();
      cli('init', '--db', db, '--name', 'Lyon', '--country', 'FR', '--currency', 'EUR');
      const run = (...args: string[]) =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args]);
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (exit) => resolve({ code: exit, stdout, stderr }));
        });
      const first = await run('sync', '--db', db, '--server', server.url, '--enroll', code, '--json');
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ pushed: expect.any(Number), pulled: 0, conflicts: 0 });
      expect(JSON.parse(first.stdout).pushed).toBeGreaterThan(5);
      // No keystore on the command line: it says where the token is kept.
      expect(first.stderr).toContain(`The sync token is kept in ${db}, readable only by you`);
      await server.close();
      const away = await run('sync', '--db', db, '--json');
      expect(away.code).not.toBe(0);
      expect(away.stdout).toBe('');
      expect(away.stderr).toMatch(/Cannot reach the sync server/);
    } finally {
      await server.close().catch(() => undefined);
    }
  });
});
