import { afterEach, describe, expect, it } from 'vitest';
import type { SqlClient } from '../store/sql';
import { backends, DATABASE_TIMEOUT_MS, type TestDatabase } from '../test-support';
import { migrate } from './migrate';

describe.each(backends)('migrations 002 and 003 on $name', { timeout: DATABASE_TIMEOUT_MS }, (backend) => {
  let database: TestDatabase;
  let client: SqlClient;

  afterEach(async () => {
    await client.close();
    await database.dispose();
  }, DATABASE_TIMEOUT_MS);

  it('keep every change and chapter, with no officer and no key until laptops give them', async () => {
    database = await backend.create();
    client = await database.connect();
    const db = client;
    await migrate(db, 1);
    const chapter = '00000000-0000-4000-8000-000000000001';
    const device = '00000000-0000-4000-8000-000000000002';
    const at = new Date('2026-03-01T00:00:00Z');
    await db.query(`INSERT INTO chapters (id, name, created_at) VALUES ($1, 'Lyon', $2)`, [chapter, at]);
    await db.query(
      `INSERT INTO devices (id, chapter_id, name, node_id, token_hash, created_at) VALUES ($1, $2, 'd', 'n', 'h', $3)`,
      [device, chapter, at],
    );
    await db.query(
      `INSERT INTO changes (chapter_id, seq, tbl, row_id, col, value, hlc, node_id, device_id, received_at)
       VALUES ($1, 1, 'members', 'r', 'city', '"Lyon"', '000000000000001:000000:n', 'n', $2, $3)`,
      [chapter, device, at],
    );

    expect(await migrate(db, 3)).toEqual({ from: 1, to: 3 });
    expect(await db.query(`SELECT seq, value, officer FROM changes`)).toEqual([
      { seq: expect.anything(), value: '"Lyon"', officer: null },
    ]);
    expect(await db.query(`SELECT name, member_key FROM chapters`)).toEqual([
      { name: 'Lyon', member_key: null },
    ]);
    // The officer is free text a laptop sends; the key is whatever the first laptop gave.
    await db.query(`UPDATE changes SET officer = 'Amina'`);
    await db.query(`UPDATE chapters SET member_key = $1`, ['ab'.repeat(32)]);
    expect(await db.query(`SELECT officer FROM changes`)).toEqual([{ officer: 'Amina' }]);
  });
});
