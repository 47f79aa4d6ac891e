import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/shared/domain';
import type { PersonData } from '../../src/shared/person-data';
import { tempDir } from '../helpers/chapter';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function newChapter(): { db: string; dir: string } {
  const temp = tempDir();
  temps.push(temp);
  const db = join(temp.dir, 'chapter.sqlite');
  expect(cli('init', '--db', db, '--name', 'Mombasa', '--country', 'KE', '--currency', 'KES').code).toBe(0);
  return { db, dir: temp.dir };
}

function add(db: string, ...fields: string[]): Member {
  const added = cli('members', 'add', '--db', db, ...fields, '--json');
  expect(added.stderr).toBe('');
  return JSON.parse(added.stdout) as Member;
}

describe('chapterdesk members export-person', () => {
  it(
    'writes everything stored about one person, and nobody else, to a file only its owner can read',
    { timeout: 480_000 },
    () => {
      const { db, dir } = newChapter();
      const zawadi = add(
        db,
        '--first-name',
        'Zawadi',
        '--email',
        'zawadi@example.org',
        '--member-number',
        'M-1',
      );
      add(db, '--first-name', 'Baraka', '--email', 'baraka@example.org');
      expect(cli('pay', '--db', db, '--member', 'M-1', '--amount', '500', '--method', 'cash').code).toBe(0);

      const out = join(dir, 'zawadi.json');
      const done = cli('members', 'export-person', 'zawadi@example.org', '--db', db, '--out', out);
      expect(done.code).toBe(0);
      expect(done.stderr).toContain(out);
      expect(statSync(out).mode & 0o777).toBe(0o600);
      const text = readFileSync(out, 'utf8');
      const data = JSON.parse(text) as PersonData;
      expect(data.member).toMatchObject({ id: zawadi.id, first_name: 'Zawadi', member_number: 'M-1' });
      expect(data.payments).toHaveLength(1);
      expect(text).not.toContain('Baraka');
      expect(text).not.toContain('baraka@example.org');

      const pdf = join(dir, 'zawadi.pdf');
      const printed = cli(
        'print',
        'person-data',
        '--db',
        db,
        '--member',
        'M-1',
        '--lang',
        'fr',
        '--out',
        pdf,
      );
      expect(printed.code, printed.stderr).toBe(0);
      expect(statSync(pdf).mode & 0o777).toBe(0o600);
      const paper = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(paper).toContain('Données personnelles');
      expect(paper).toContain('zawadi@example.org');
      expect(paper).not.toContain('Baraka');

      const unknown = cli('members', 'export-person', 'nobody@example.org', '--db', db, '--out', out);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/no member with email/);
    },
  );
});

describe('chapterdesk members retention', () => {
  it(
    'lists nothing while off, lists members lapsed for more than N years, and erases them only with --yes',
    { timeout: 480_000 },
    () => {
      const { db } = newChapter();
      const gone = add(db, '--first-name', 'Long', '--last-name', 'Gone', '--email', 'long@example.org');
      const here = add(db, '--first-name', 'Still', '--last-name', 'Here', '--email', 'still@example.org');
      // Long paid once, for a year that ended long ago; Still pays today.
      const paid2015 = ['--date', '2015-01-01', '--from', '2015-01-01', '--to', '2015-12-31'];
      expect(
        cli('pay', '--db', db, '--member', gone.id, '--amount', '500', '--method', 'cash', ...paid2015).code,
      ).toBe(0);
      expect(cli('pay', '--db', db, '--member', here.id, '--amount', '500', '--method', 'cash').code).toBe(0);

      const off = cli('members', 'retention', '--db', db);
      expect(off.code).toBe(0);
      expect(off.stdout).toMatch(/Retention is off/);
      const offYes = cli('members', 'retention', '--db', db, '--yes', '--json');
      expect(JSON.parse(offYes.stdout)).toEqual({ erased: [] });

      const zero = cli('members', 'retention', '--db', db, '--years', '0');
      expect(zero.code).not.toBe(0);
      expect(zero.stderr).toMatch(/at least 1 year/);
      expect(cli('members', 'retention', '--db', db, '--years', 'five').code).not.toBe(0);

      const listed = cli('members', 'retention', '--db', db, '--years', '5');
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/Long Gone\tlapsed since 2016-01-31/);
      expect(listed.stdout).not.toMatch(/Still/);
      // Listing erases nothing.
      expect(cli('members', 'show', gone.id, '--db', db).code).toBe(0);

      const erased = JSON.parse(cli('members', 'retention', '--db', db, '--yes', '--json').stdout) as {
        erased: string[];
      };
      expect(erased.erased).toEqual([gone.id]);
      expect(cli('members', 'show', gone.id, '--db', db).code).not.toBe(0);
      expect(cli('members', 'show', here.id, '--db', db).code).toBe(0);
      expect(cli('members', 'retention', '--db', db).stdout).toMatch(
        /No member has lapsed for more than 5 years/,
      );
    },
  );
});
