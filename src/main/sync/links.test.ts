import { DERIVED_FIELDS } from '../../shared/fields';
/**
 * Links that drop: a proxy cuts push requests and pull responses at many byte offsets, and a sync
 * process is killed between commits. Every change must reach the server exactly once, the outbox
 * must drain, and the pull cursor must never run ahead of the data applied on the laptop.
 */
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { startCuttingProxy, type CuttingProxy } from '../../../tests/helpers/cutting-proxy';
import { memberSnapshot, openLaptop, type Laptop } from '../../../tests/helpers/laptop';
import { fieldLog } from '../../../tests/helpers/log';
import { startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { localChecksum } from './checksum';

let server: TestSyncServer;
let proxy: CuttingProxy;
let laptops: Laptop[] = [];

beforeAll(async () => {
  server = await startSyncServer('pglite');
  const { port } = new URL(server.url);
  proxy = await startCuttingProxy({ host: '127.0.0.1', port: Number(port) });
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});
afterEach(() => {
  laptops.forEach((l) => l.close());
  laptops = [];
  proxy.plan([]);
  proxy.throttle(null);
});

function laptop(name: string, setupChapter = false): Laptop {
  const l = openLaptop(name, { setupChapter });
  laptops.push(l);
  return l;
}

async function enrolThroughProxy(l: Laptop, chapterId: string): Promise<void> {
  const { code } = await server.admin.issueEnrolmentCode(chapterId);
  await l.handlers['sync.enroll']({ serverUrl: proxy.url, code, officerName: l.name });
}

function addMembers(l: Laptop, count: number, from = 0): void {
  l.db.transaction(() => {
    for (let i = from; i < from + count; i++) {
      l.handlers['members.create']({
        firstName: `Membre ${i}`,
        lastName: 'Ñúñez',
        email: `member${i}@example.org`,
        city: 'Kraków',
        notes: 'x'.repeat(40),
      });
    }
  })();
}

const identity = (c: { nodeId: string; hlc: string; tbl: string; rowId: string; col: string }) =>
  `${c.nodeId}|${c.hlc}|${c.tbl}|${c.rowId}|${c.col}`;

async function serverChanges(chapterId: string) {
  return (await server.store.pull(chapterId, 0, 1_000_000)).changes;
}

/** What the laptop sends: its log but for refused changes and derived columns, which never travel. */
function localPushed(l: Laptop): string[] {
  return fieldLog(l.db)
    .filter((c) => c.pushed !== 2 && !DERIVED_FIELDS.has(`${c.tbl}.${c.col}`))
    .map((c) => identity({ nodeId: c.node_id, hlc: c.hlc, tbl: c.tbl, rowId: c.row_id, col: c.col }));
}

/** Every server change up to the laptop's cursor is present on the laptop. */
async function assertCursorNotAhead(db: Laptop['db'], chapterId: string): Promise<void> {
  const { pull_cursor: cursor } = db.prepare('SELECT pull_cursor FROM sync_state').get() as {
    pull_cursor: number;
  };
  const upTo = (await serverChanges(chapterId)).filter((c) => c.seq <= cursor);
  const local = new Set(
    fieldLog(db).map((c) =>
      identity({ nodeId: c.node_id, hlc: c.hlc, tbl: c.tbl, rowId: c.row_id, col: c.col }),
    ),
  );
  const missing = upTo.filter((c) => !local.has(identity(c)));
  expect(missing, `changes at or below cursor ${cursor} missing locally`).toEqual([]);
}

describe('a link that drops mid-transfer', () => {
  it(
    'delivers every change exactly once when push requests and responses are cut at many offsets',
    { timeout: 120_000 },
    async () => {
      const chapterId = (await server.admin.addChapter('cut push')).id;
      const a = laptop('Amina', true);
      addMembers(a, 250);
      await enrolThroughProxy(a, chapterId);
      const offsets = [0, 1, 17, 120, 400, 1_000, 3_000, 8_000, 20_000, 40_000];
      let failures = 0;
      let added = 250;
      for (const afterBytes of offsets) {
        for (const direction of ['up', 'down'] as const) {
          addMembers(a, 20, added);
          added += 20;
          // Two cuts in a row: the transport's one immediate retry meets the second.
          proxy.plan([
            { direction, afterBytes },
            { direction, afterBytes },
          ]);
          await a.sync.runOnce().catch(() => failures++);
          const stored = await serverChanges(chapterId);
          expect(new Set(stored.map(identity)).size).toBe(stored.length);
        }
      }
      expect(failures).toBeGreaterThanOrEqual(offsets.length);
      proxy.plan([]);
      await a.sync.runOnce();
      expect(a.sync.status().pending).toBe(0);
      const stored = (await serverChanges(chapterId)).map(identity).sort();
      expect(stored).toEqual(localPushed(a).sort());
    },
  );

  it(
    'never moves the pull cursor past what was applied when pull responses are cut',
    { timeout: 120_000 },
    async () => {
      const chapterId = (await server.admin.addChapter('cut pull')).id;
      const a = laptop('Amina', true);
      addMembers(a, 250);
      await enrolThroughProxy(a, chapterId);
      await a.sync.runOnce();

      const b = laptop('Ben');
      await enrolThroughProxy(b, chapterId);
      for (const afterBytes of [0, 5, 150, 700, 2_000, 6_000, 15_000, 30_000, 60_000, 90_000]) {
        proxy.plan([
          { direction: 'down', afterBytes },
          { direction: 'down', afterBytes },
        ]);
        await b.sync.runOnce().catch(() => undefined);
        await assertCursorNotAhead(b.db, chapterId);
      }
      proxy.plan([]);
      await b.sync.runOnce();
      expect(memberSnapshot(b.db)).toEqual(memberSnapshot(a.db));
      expect(localChecksum(b.db)).toEqual(localChecksum(a.db));
    },
  );

  it(
    'loses and duplicates nothing when the sync process is killed between commits',
    { timeout: 180_000 },
    async () => {
      const chapterId = (await server.admin.addChapter('killed')).id;
      const a = laptop('Amina', true);
      addMembers(a, 600);
      await enrolThroughProxy(a, chapterId);
      const path = a.path;
      a.sync.stop();
      a.db.close();

      proxy.throttle(4_000_000, 5);
      const kills = [1_200, 1_500, 1_800, 2_100, 2_400, 2_800];
      for (const delay of kills) {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'sync', '--db', path], {
          stdio: 'ignore',
        });
        // Listening from the start: the child may end on its own before the kill.
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await new Promise((resolve) => setTimeout(resolve, delay));
        child.kill('SIGKILL');
        await exited;
        const db = openDatabase(path);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
        const stored = await serverChanges(chapterId);
        expect(new Set(stored.map(identity)).size).toBe(stored.length);
      }
      proxy.throttle(null);
      const reopened = openLaptop('Amina', { path });
      laptops.push(reopened);
      await reopened.sync.runOnce();
      expect(reopened.sync.status().pending).toBe(0);
      expect((await serverChanges(chapterId)).map(identity).sort()).toEqual(localPushed(reopened).sort());
      await assertCursorNotAhead(reopened.db, chapterId);
    },
  );
});
