import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/shared/domain';
import type { EraseResult } from '../../src/shared/erasure';
import type { CheckInResult } from '../../src/shared/events';
import { tempDir } from '../helpers/chapter';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

const EMAIL = 'zawadiya.erasova@example.org';
const GUEST_EMAIL = 'guest.vanishing@example.org';

/** The CLI as a child process; stdin is a pipe, so it has no terminal to ask on. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function occurrences(db: string, text: string): number {
  return [db, `${db}-wal`]
    .filter((file) => existsSync(file))
    .reduce((sum, file) => sum + readFileSync(file).toString('latin1').split(text).length - 1, 0);
}

describe('chapterdesk members erase and events erase-guest', () => {
  it(
    'erase only with --yes, refuse without a terminal to ask on, and leave nothing of the person in the file',
    { timeout: 480_000 },
    () => {
      const temp = tempDir();
      temps.push(temp);
      const db = join(temp.dir, 'chapter.sqlite');
      expect(cli('init', '--db', db, '--name', 'Mombasa', '--country', 'KE', '--currency', 'KES').code).toBe(
        0,
      );
      const added = cli(
        'members',
        'add',
        '--db',
        db,
        '--first-name',
        'Zawadiya',
        '--last-name',
        'Erasova',
        '--email',
        EMAIL,
        '--json',
      );
      const member = JSON.parse(added.stdout) as Member;
      expect(
        cli(
          'pay',
          '--db',
          db,
          '--member',
          EMAIL,
          '--amount',
          '500',
          '--method',
          'cash',
          '--note',
          `From ${EMAIL}`,
        ).code,
      ).toBe(0);

      const unconfirmed = cli('members', 'erase', EMAIL, '--db', db);
      expect(unconfirmed.code).toBe(2);
      expect(unconfirmed.stderr).toMatch(/cannot be undone; nothing was erased\. Run again with --yes/);
      expect(cli('members', 'show', member.id, '--db', db).code).toBe(0);

      const unknown = cli('members', 'erase', 'nobody@example.org', '--db', db, '--yes');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/no member with email “nobody@example.org”/);

      const erased = cli('members', 'erase', EMAIL, '--db', db, '--yes');
      expect(erased.code).toBe(0);
      expect(erased.stdout).toMatch(/^Erased Zawadiya Erasova \(/);
      expect(erased.stdout).toMatch(/1 payment notes/);
      expect(cli('members', 'show', member.id, '--db', db).code).toBe(1);
      const payments = cli('payments', 'list', '--db', db);
      expect(payments.stdout).toMatch(/erased member \(receipt [A-Z0-9]+-\d{6}\)/);
      expect(occurrences(db, EMAIL)).toBe(0);
      expect(occurrences(db, 'Erasova')).toBe(0);

      const event = JSON.parse(
        cli(
          'events',
          'add',
          '--db',
          db,
          '--title',
          'AGM',
          '--kind',
          'agm',
          '--start',
          '2026-04-01T18:00',
          '--end',
          '2026-04-01T20:00',
          '--json',
        ).stdout,
      ) as { id: string };
      const guest = JSON.parse(
        cli(
          'checkin',
          '--db',
          db,
          '--event',
          event.id,
          '--guest-name',
          'Vanishing Guest',
          '--guest-email',
          GUEST_EMAIL,
          '--json',
        ).stdout,
      ) as CheckInResult;
      const registration = guest.attendee.registrationId!;
      expect(cli('events', 'erase-guest', registration, '--db', db).code).toBe(2);
      expect(occurrences(db, GUEST_EMAIL)).toBeGreaterThan(0);
      const guestErased = cli('events', 'erase-guest', registration, '--db', db, '--yes', '--json');
      expect(guestErased.code).toBe(0);
      expect(JSON.parse(guestErased.stdout) as EraseResult).toMatchObject({
        id: registration,
        table: 'registrations',
      });
      expect(occurrences(db, GUEST_EMAIL)).toBe(0);
      expect(occurrences(db, 'Vanishing Guest')).toBe(0);
    },
  );
});
