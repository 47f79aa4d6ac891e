import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmailClashes, Member, MergePreview } from '../../src/shared/domain';
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

describe('chapterdesk members email-clashes and merge', () => {
  it(
    'lists emails two members share, shows what a merge keeps and drops, merges only with --yes',
    { timeout: 480_000 },
    () => {
      const db = newChapter();
      expect(cli('members', 'email-clashes', '--db', db).stdout).toMatch(/No email is shared/);
      const zawadi = add(db, '--first-name', 'Zawadi', '--email', 'zawadi@example.org', '--city', 'Mombasa');
      const other = add(
        db,
        '--first-name',
        'Zawadi M.',
        '--email',
        'zm@example.org',
        '--phone',
        '+254712345678',
      );

      // What sync brings when one laptop changed an email another laptop gave a new member.
      const raw = openDatabase(db);
      raw.prepare(`UPDATE members SET email = 'zawadi@example.org' WHERE id = ?`).run(other.id);
      raw.close();

      const listed = cli('members', 'email-clashes', '--db', db);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/^zawadi@example\.org: 2 members$/m);
      expect(listed.stdout).toContain(`${zawadi.id}\tZawadi\t`);
      expect(listed.stdout).toContain(`${other.id}\tZawadi M.\t`);
      const json = JSON.parse(cli('members', 'email-clashes', '--db', db, '--json').stdout) as EmailClashes;
      expect(json.total).toBe(1);

      // Editing an unrelated field of either is not refused.
      expect(cli('members', 'update', zawadi.id, '--db', db, '--city', 'Malindi').code).toBe(0);

      const preview = cli('members', 'merge', zawadi.id, other.id, '--db', db);
      expect(preview.code).toBe(0);
      expect(preview.stdout).toMatch(/phone: \(empty\) \/ \+254712345678/);
      expect(preview.stdout).toMatch(/firstName: Zawadi \/ Zawadi M\./);
      expect(preview.stdout).toMatch(/Nothing merged yet/);
      const still = JSON.parse(cli('members', 'email-clashes', '--db', db, '--json').stdout) as EmailClashes;
      expect(still.total).toBe(1);
      const previewJson = JSON.parse(
        cli('members', 'merge', zawadi.id, other.id, '--db', db, '--json').stdout,
      ) as MergePreview;
      expect(previewJson.differing).toContainEqual({
        field: 'firstName',
        keep: 'Zawadi',
        other: 'Zawadi M.',
      });

      const merged = cli('members', 'merge', zawadi.id, other.id, '--db', db, '--yes', '--json');
      expect(merged.stderr).toBe('');
      expect(JSON.parse(merged.stdout)).toMatchObject({
        id: zawadi.id,
        firstName: 'Zawadi',
        phone: '+254712345678',
        city: 'Malindi',
      });
      expect(cli('members', 'email-clashes', '--db', db, '--json').stdout).toMatch(/"total": 0/);

      const again = cli('members', 'merge', zawadi.id, other.id, '--db', db, '--yes');
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/deleted/);
      const itself = cli('members', 'merge', zawadi.id, zawadi.id, '--db', db, '--yes');
      expect(itself.code).not.toBe(0);
      expect(itself.stderr).toMatch(/cannot be merged with themselves/);
    },
  );
});
