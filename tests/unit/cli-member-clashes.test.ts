import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member, NumberClashes } from '../../src/shared/domain';
import { openDatabase } from '../../src/main/db/open';
import { tempDir } from '../helpers/chapter';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function newChapter(): string {
  const temp = tempDir();
  temps.push(temp);
  const db = join(temp.dir, 'chapter.sqlite');
  expect(cli('init', '--db', db, '--name', 'Mombasa', '--country', 'KE', '--currency', 'KES').code).toBe(0);
  return db;
}

const add = (db: string, ...flags: string[]) =>
  JSON.parse(cli('members', 'add', '--db', db, ...flags, '--json').stdout) as Member;

describe('chapterdesk members clashes and renumber', () => {
  it(
    'lists numbers two members share, refuses to guess between them, and gives one a new number',
    { timeout: 480_000 },
    () => {
      const db = newChapter();
      expect(cli('members', 'clashes', '--db', db).stdout).toMatch(/No member number is shared/);
      const zawadi = add(
        db,
        '--first-name',
        'Zawadi',
        '--email',
        'zawadi@example.org',
        '--member-number',
        '7',
      );
      const baraka = add(db, '--first-name', 'Baraka', '--email', 'baraka@example.org');
      expect(baraka.memberNumber).toBe('8');

      const typed = cli('members', 'add', '--db', db, '--first-name', 'Amani', '--member-number', '7');
      expect(typed.code).not.toBe(0);
      expect(typed.stderr).toMatch(/Number 7 already belongs to Zawadi/);
      expect(
        cli('members', 'update', 'baraka@example.org', '--db', db, '--member-number', '7').code,
      ).not.toBe(0);

      // What sync brings when two laptops' imports gave 7 to two people.
      const raw = openDatabase(db);
      raw.prepare(`UPDATE members SET member_number = '7' WHERE id = ?`).run(baraka.id);
      raw.close();

      const listed = cli('members', 'clashes', '--db', db);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/^7: 2 members$/m);
      expect(listed.stdout).toContain(`${zawadi.id}\tZawadi\tzawadi@example.org`);
      expect(listed.stdout).toContain(`${baraka.id}\tBaraka\tbaraka@example.org`);
      const json = JSON.parse(cli('members', 'clashes', '--db', db, '--json').stdout) as NumberClashes;
      expect(json.total).toBe(1);
      expect(json.clashes[0]!.members.map((m) => m.id).sort()).toEqual([zawadi.id, baraka.id].sort());

      const ambiguous = cli('members', 'show', '7', '--db', db);
      expect(ambiguous.code).not.toBe(0);
      expect(ambiguous.stderr).toMatch(/more than one member has number “7”/);

      const renumbered = cli('members', 'renumber', 'baraka@example.org', '--db', db);
      expect(renumbered.stderr).toBe('');
      expect(renumbered.stdout).toMatch(/Baraka now has number 9/);
      expect(cli('members', 'clashes', '--db', db, '--json').stdout).toMatch(/"total": 0/);
      expect(JSON.parse(cli('members', 'show', '7', '--db', db, '--json').stdout)).toMatchObject({
        id: zawadi.id,
      });
      expect(cli('members', 'renumber', 'nobody@example.org', '--db', db).code).not.toBe(0);
    },
  );
});
