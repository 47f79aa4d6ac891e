/**
 * A laptop on a version from before erasures holds a pulled erasure aside (a table it does not
 * have); once upgraded, the next sync's replay of held changes applies it and removes the person.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/chapter';
import { formatHlc } from '../../shared/hlc';
import { openDatabase } from '../db/open';
import { replayHeld } from './apply';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

const CHAPTER = '3f0c2a5e-8d1b-4c7a-9e2f-6b5d4a3c2b1a';
const MEMBER = '7d1f0c1e-2b7a-4f3e-9a51-3c9e0f6b2d10';

describe('an erasure pulled before the upgrade that brought erasures', () => {
  it('is held, then applied after the upgrade, removing the member and their history', () => {
    const temp = tempDir();
    temps.push(temp);
    const path = join(temp.dir, 'chapter.sqlite');
    const wall = Date.parse('2026-03-15T10:00:00Z');
    const stamp = (counter: number) => formatHlc({ wall, counter, node: 'other-laptop' });

    // What a version from before erasures leaves: the member as pulled, the erasure held aside.
    const old = openDatabase(path, { targetVersion: 11 });
    old
      .prepare(
        `INSERT INTO members (id, email, last_name, created_at, updated_at) VALUES (?, 'ada@example.org', 'Lovelace', 'c', 'u')`,
      )
      .run(MEMBER);
    const log = old.prepare(
      `INSERT INTO changes (tbl, row_id, col, value, hlc, node_id, pushed) VALUES (?, ?, ?, ?, ?, 'other-laptop', 1)`,
    );
    for (const [seq, tbl, col, value] of [
      [1, 'members', 'email', 'ada@example.org'],
      [2, 'members', 'last_name', 'Lovelace'],
      [3, 'erasures', 'tbl', 'members'],
    ] as const) {
      log.run(tbl, MEMBER, col, JSON.stringify(value), stamp(seq));
    }
    old.prepare(`INSERT INTO held_changes (change_seq) SELECT seq FROM changes WHERE tbl = 'erasures'`).run();
    old.close();

    const upgraded = openDatabase(path);
    expect(replayHeld(upgraded, new Date(wall), CHAPTER)).toEqual({ replayed: 1, erased: 1 });
    expect(upgraded.prepare(`SELECT count(*) AS n FROM members`).get()).toEqual({ n: 0 });
    expect(upgraded.prepare(`SELECT tbl, col FROM changes`).all()).toEqual([{ tbl: 'erasures', col: 'tbl' }]);
    expect(upgraded.prepare(`SELECT count(*) AS n FROM held_changes`).get()).toEqual({ n: 0 });
    upgraded.close();
  });
});
