import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/chapter';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('chapterdesk events commands', () => {
  it(
    'creates an AGM, registers, checks in once, and reports attendance and quorum as JSON',
    { timeout: 240_000 },
    () => {
      const temp = tempDir();
      temps.push(temp);
      const db = join(temp.dir, 'nairobi.sqlite');
      expect(cli('init', '--db', db, '--name', 'Nairobi', '--country', 'KE', '--currency', 'KES').code).toBe(
        0,
      );
      const members = join(temp.dir, 'members.csv');
      writeFileSync(
        members,
        'Member number,First name,Last name,Email,Paid through\n7,Akinyi,Odhiambo,a@example.org,2030-12-31\n8,Baraka,Mwangi,b@example.org,2030-12-31\n',
      );
      expect(cli('import', members, '--db', db).code).toBe(0);

      const bad = cli(
        'events',
        'add',
        '--db',
        db,
        '--title',
        'AGM',
        '--kind',
        'agm',
        '--start',
        '2030-03-20T10:00',
        '--end',
        '2030-03-20T09:00',
      );
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/endsAt: The event ends before it starts/);

      const added = cli(
        'events',
        'add',
        '--db',
        db,
        '--title',
        'AGM',
        '--kind',
        'agm',
        '--start',
        '2030-03-20T10:00',
        '--end',
        '2030-03-20T13:00',
        '--capacity',
        '1',
        '--quorum',
        '50%',
        '--json',
      );
      const event = JSON.parse(added.stdout) as { id: string };
      expect(cli('register', '--db', db, '--event', event.id, '--member', '7').code).toBe(0);
      expect(cli('register', '--db', db, '--event', event.id, '--guest-name', 'Zawadi Guest').code).toBe(0);
      expect(cli('checkin', '--db', db, '--event', event.id, '--member', 'a@example.org').code).toBe(0);
      const again = cli('checkin', '--db', db, '--event', event.id, '--member', '7', '--json');
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ already: true });
      expect(again.stderr).toMatch(/already checked in/);
      const unknown = cli('checkin', '--db', db, '--event', event.id, '--member', '99');
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/no member with member number “99”/);

      const attendance = JSON.parse(cli('attendance', '--db', db, '--event', event.id, '--json').stdout);
      expect(attendance).toMatchObject({
        registered: 1,
        waiting: 1,
        checkedIn: 1,
        walkIns: 0,
        quorum: { present: 1, eligible: 2, required: 1, met: true },
      });
      expect(attendance.quorum.metAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const cancelled = cli('events', 'cancel', event.id, '--db', db, '--json');
      expect(JSON.parse(cancelled.stdout)).toMatchObject({ cancelled: true });
      const late = cli('checkin', '--db', db, '--event', event.id, '--member', '8');
      expect(late.stderr).toMatch(/cancelled/);
      const listed = JSON.parse(cli('events', 'list', '--db', db, '--json').stdout);
      expect(listed).toEqual([expect.objectContaining({ id: event.id, cancelled: true })]);
    },
  );
});

describe('chapterdesk print', () => {
  it('prints the roster to a PDF, and says clearly when there is no Chromium', { timeout: 120_000 }, () => {
    const temp = tempDir();
    temps.push(temp);
    const db = join(temp.dir, 'lyon.sqlite');
    expect(cli('init', '--db', db, '--name', 'Lyon', '--country', 'FR', '--currency', 'EUR').code).toBe(0);
    const out = join(temp.dir, 'roster.pdf');
    const printed = cli('print', 'roster', '--db', db, '--out', out, '--paper', 'letter', '--landscape');
    expect(printed.stderr).toContain(`Wrote ${out}`);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const none = cli(
      'print',
      'roster',
      '--db',
      db,
      '--out',
      join(temp.dir, 'x.pdf'),
      '--chromium',
      '/nowhere/chromium',
    );
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/No Chromium at \/nowhere\/chromium/);
    const paper = cli('print', 'roster', '--db', db, '--out', join(temp.dir, 'y.pdf'), '--paper', 'a3');
    expect(paper.stderr).toMatch(/paper: use a4, letter or a5/);
  });
});
