import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

describe('chapterdesk CLI', () => {
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

    const badCountry = cli(
      'init',
      '--db',
      newDbPath(),
      '--name',
      'X',
      '--country',
      'France',
      '--currency',
      'EUR',
    );
    expect(badCountry.code).not.toBe(0);
    expect(badCountry.stderr).toMatch(/two-letter country code/);

    const db = newDbPath();
    cli('init', '--db', db, '--name', 'X', '--country', 'FR', '--currency', 'EUR');
    const badFormat = cli('export', 'members', '--db', db, '--format', 'pdf');
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toMatch(/csv or json/);

    const missingOption = cli('init', '--name', 'X');
    expect(missingOption.code).not.toBe(0);
    expect(missingOption.stderr).toMatch(/--db/);
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
