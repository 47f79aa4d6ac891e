import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../open';

describe('migration 017: how far member identity has settled', () => {
  it('starts an enrolled file at 0, so its first sync looks through the whole log', () => {
    const db = new Database(':memory:');
    migrate(db, 16);
    db.exec(`INSERT INTO sync_state (singleton, server_url, token, device_id, chapter_id)
      VALUES (1, 'https://sync.example.org', 't', 'd', 'c')`);
    migrate(db, 17);
    expect(userVersion(db)).toBe(17);
    expect(db.prepare(`SELECT members_settled_seq FROM sync_state`).get()).toEqual({
      members_settled_seq: 0,
    });
    db.close();
  });
});
