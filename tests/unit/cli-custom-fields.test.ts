import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomField } from '../../src/shared/custom-fields';
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
  expect(cli('init', '--db', db, '--name', 'Accra', '--country', 'GH', '--currency', 'GHS').code).toBe(0);
  return { db, dir: temp.dir };
}

/** The members file of issue #14, item 12. */
const MEMBERS_CSV = [
  'Name,Email,Phone,Role,National ID,Address',
  'Ama Mensah,ama@example.org,024 123 4567,Treasurer,GHA-123,12 Ring Road',
  'Kofi Boateng,kofi@example.org,,Member,GHA-456,',
].join('\n');

describe('chapterdesk fields and custom values', () => {
  it(
    'adds, lists, renames, retires fields, and sets a member’s values by label',
    { timeout: 300_000 },
    () => {
      const { db } = newChapter();
      expect(cli('fields', 'add', '--db', db, '--label', 'Profession', '--kind', 'text').code).toBe(0);
      const added = cli(
        'fields',
        'add',
        '--db',
        db,
        '--label',
        'T-shirt size',
        '--kind',
        'choice',
        '--choices',
        'S, M, L',
        '--json',
      );
      expect(added.stderr).toBe('');
      expect((JSON.parse(added.stdout) as CustomField).choices).toEqual(['S', 'M', 'L']);
      // A kind that is not one is refused, as a refusal (exit 2).
      const badKind = cli('fields', 'add', '--db', db, '--label', 'Colour', '--kind', 'colour');
      expect(badKind.code).toBe(2);

      const member = cli(
        'members',
        'add',
        '--db',
        db,
        '--first-name',
        'Ama',
        '--email',
        'ama@example.org',
        '--field',
        'profession=Engineer',
        '--field',
        'T-shirt size=m',
      );
      expect(member.stderr).toBe('');
      expect(member.stdout).toMatch(/Profession:\s+Engineer/);
      expect(member.stdout).toMatch(/T-shirt size:\s+M/);

      // A value the field cannot take, and a field that does not exist, are refused; nothing changes.
      const wrong = cli('members', 'update', 'ama@example.org', '--db', db, '--field', 'T-shirt size=XXL');
      expect([wrong.code, wrong.stderr.trim()]).toEqual([
        2,
        'chapterdesk: T-shirt size: Pick one of the field’s choices',
      ]);
      const unknown = cli('members', 'update', 'ama@example.org', '--db', db, '--field', 'Shoe size=42');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/no field called “Shoe size”/);

      expect(cli('fields', 'update', 'profession', '--db', db, '--label', 'Job').code).toBe(0);
      expect(cli('fields', 'retire', 'Job', '--db', db).code).toBe(0);
      const listed = cli('fields', 'list', '--db', db);
      expect(listed.stdout).toMatch(/T-shirt size\tchoice \(S, M, L\)/);
      expect(listed.stdout).not.toMatch(/Job/);
      expect(cli('fields', 'list', '--db', db, '--all').stdout).toMatch(/Job\ttext\tretired/);
      // Retired, the field is not shown with the member, and cannot be given a value.
      expect(cli('members', 'show', 'ama@example.org', '--db', db).stdout).not.toMatch(/Job/);
      expect(cli('members', 'update', 'ama@example.org', '--db', db, '--field', 'Job=Teacher').code).toBe(2);
    },
  );

  it(
    'lists every column an import leaves out, and makes fields of the ones asked for',
    { timeout: 300_000 },
    () => {
      const { db, dir } = newChapter();
      const file = join(dir, 'members.csv');
      writeFileSync(file, MEMBERS_CSV);

      const preview = cli('import', file, '--db', db, '--dry-run');
      expect(preview.stderr).toBe('');
      expect(preview.stdout).toContain('Left out (no field takes them): “Role”, “National ID”.');
      expect(preview.stdout).toContain('--new-field "Role"');

      const imported = cli('import', file, '--db', db, '--new-field', 'Role', '--new-field', 'National ID');
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toContain('Column “Role” → the chapter’s field “Role” (new).');
      expect(imported.stdout).toContain('Column “National ID” → the chapter’s field “National ID” (new).');
      expect(imported.stdout).not.toContain('Left out');
      const shown = cli('members', 'show', 'ama@example.org', '--db', db);
      expect(shown.stdout).toMatch(/Address\s+12 Ring Road/);
      expect(shown.stdout).toMatch(/Role:\s+Treasurer/);
      expect(shown.stdout).toMatch(/National ID: GHA-123/);

      // The next file with the same columns finds the fields by their labels.
      writeFileSync(file, 'Name,Email,Role\nEfua Owusu,efua@example.org,Chair\n');
      const again = cli('import', file, '--db', db, '--json');
      expect(JSON.parse(again.stdout)).toMatchObject({
        created: 1,
        customFields: [{ header: 'Role', label: 'Role', created: false }],
        leftOut: [],
      });
      expect(cli('members', 'show', 'efua@example.org', '--db', db).stdout).toMatch(/Role:\s+Chair/);

      // A column the file does not have is refused before anything is imported.
      const missing = cli('import', file, '--db', db, '--new-field', 'Shoe size=number');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/no column called “Shoe size”/);
    },
  );
});
