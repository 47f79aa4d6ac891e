import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Conflict, Member } from '../../src/shared/domain';
import { tempDir } from '../helpers/chapter';
import { enrol, openLaptop, syncAll, type Laptop } from '../helpers/laptop';
import { startSyncServer, type TestSyncServer } from '../helpers/sync-server';

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

describe('chapterdesk members commands', () => {
  it(
    'adds, shows, updates only the named fields, deletes and restores, through the app’s checks',
    { timeout: 480_000 },
    () => {
      const db = newChapter();
      const added = cli(
        'members',
        'add',
        '--db',
        db,
        '--first-name',
        'Zawadi',
        '--last-name',
        'Mwangi',
        '--email',
        'Zawadi@Example.org',
        '--phone',
        '0712 345678',
        '--member-number',
        'M-12',
        '--address-line1',
        'Moi Avenue 12',
        '--postal-code',
        '80100',
        '--city',
        'Mombasa',
        '--json',
      );
      expect(added.stderr).toBe('');
      const member = JSON.parse(added.stdout) as Member;
      expect(member).toMatchObject({
        email: 'zawadi@example.org',
        phoneE164: '+254712345678',
        addressLine1: 'Moi Avenue 12',
        postalCode: '80100',
      });

      for (const who of [member.id, 'zawadi@example.org']) {
        expect((JSON.parse(cli('members', 'show', who, '--db', db, '--json').stdout) as Member).id).toBe(
          member.id,
        );
      }

      const updated = JSON.parse(
        cli('members', 'update', 'M-12', '--db', db, '--city', 'Kilifi', '--consent-sms', '--json').stdout,
      ) as Member;
      expect(updated).toMatchObject({ city: 'Kilifi', consentSms: true, addressLine1: 'Moi Avenue 12' });

      const bad = cli('members', 'update', 'M-12', '--db', db, '--email', 'not-an-email');
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/email/i);
      const nothing = cli('members', 'update', 'M-12', '--db', db);
      expect(nothing.code).not.toBe(0);
      expect(nothing.stderr).toMatch(/Nothing to change/);
      expect(JSON.parse(cli('members', 'show', 'M-12', '--db', db, '--json').stdout)).toMatchObject({
        email: 'zawadi@example.org',
        city: 'Kilifi',
      });

      expect(cli('members', 'add', '--db', db, '--city', 'Lamu').code).not.toBe(0);
      const unknown = cli('members', 'show', 'nobody@example.org', '--db', db);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/no member with email “nobody@example.org”/);

      expect(cli('members', 'delete', 'M-12', '--db', db).stdout).toMatch(/Deleted Zawadi Mwangi/);
      expect(JSON.parse(cli('members', 'list', '--db', db, '--json').stdout)).toMatchObject({ total: 0 });
      expect(cli('members', 'show', 'M-12', '--db', db).stdout).toMatch(/DELETED/);
      expect(cli('members', 'restore', 'M-12', '--db', db).code).toBe(0);
      expect(
        JSON.parse(cli('members', 'list', '--db', db, '--query', 'zawadi', '--json').stdout),
      ).toMatchObject({
        total: 1,
      });
    },
  );
});

describe('chapterdesk conflicts commands', () => {
  let server: TestSyncServer;
  const laptops: Laptop[] = [];
  beforeAll(async () => {
    server = await startSyncServer('pglite');
  });
  afterAll(async () => {
    laptops.forEach((l) => l.close());
    await server.close();
  });

  it(
    'lists a value that lost, puts it back, and refuses an unknown conflict',
    { timeout: 480_000 },
    async () => {
      const chapterId = (await server.admin.addChapter('Lyon')).id;
      const a = openLaptop('Amina', { setupChapter: true });
      const b = openLaptop('Ben');
      laptops.push(a, b);
      const m = a.handlers['members.create']({ firstName: 'Ngozi', city: 'Lagos' });
      await enrol(a, server, chapterId);
      await enrol(b, server, chapterId);
      await syncAll(a, b);
      a.handlers['members.update']({ id: m.id, patch: { city: 'Abuja' } });
      await a.sync.runOnce();
      b.handlers['members.update']({ id: m.id, patch: { city: 'Enugu' } });
      await b.sync.runOnce();
      await a.sync.runOnce();
      a.sync.stop();
      a.db.close();

      const listed = JSON.parse(cli('conflicts', 'list', '--db', b.path, '--json').stdout) as Conflict[];
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({
        column: 'city',
        lostValue: 'Abuja',
        wonValue: 'Enugu',
        rowLabel: 'Ngozi',
      });
      expect(cli('conflicts', 'list', '--db', b.path).stdout).toMatch(
        /city: kept Enugu \(Ben on this laptop\), not kept Abuja \(Amina on the laptop “Amina”\)/,
      );

      const unknown = cli('conflicts', 'dismiss', '999', '--db', b.path);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/already resolved/);
      expect(cli('conflicts', 'restore', 'abc', '--db', b.path).code).not.toBe(0);

      const restored = cli('conflicts', 'restore', String(listed[0]!.id), '--db', b.path, '--json');
      expect(restored.stderr).toBe('');
      expect(JSON.parse(restored.stdout)).toEqual([]);
      expect(JSON.parse(cli('members', 'show', m.id, '--db', b.path, '--json').stdout)).toMatchObject({
        city: 'Abuja',
      });
    },
  );
});
