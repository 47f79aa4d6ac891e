import { afterEach, describe, expect, it } from 'vitest';
import type { SqlClient } from '../store/sql';
import { backends, DATABASE_TIMEOUT_MS, type TestDatabase } from '../test-support';
import { LATEST_SERVER_VERSION, SERVER_MIGRATIONS } from './index';
import { DatabaseTooNewError, migrate } from './migrate';

describe.each(backends)('migration 001 on $name', { timeout: DATABASE_TIMEOUT_MS }, (backend) => {
  let database: TestDatabase;
  let client: SqlClient;

  afterEach(async () => {
    await client.close();
    await database.dispose();
  }, DATABASE_TIMEOUT_MS);

  async function open(): Promise<SqlClient> {
    database = await backend.create();
    client = await database.connect();
    return client;
  }

  it('creates the schema from nothing, once', async () => {
    const db = await open();
    expect(await migrate(db, 0)).toEqual({ from: 0, to: 0 });
    const before = await db.query(`SELECT to_regclass('chapters') AS t`);
    expect(before[0]!.t).toBeNull();

    expect(await migrate(db, 1)).toEqual({ from: 0, to: 1 });
    expect(await migrate(db)).toEqual({ from: 1, to: LATEST_SERVER_VERSION });
    const tables = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    expect(tables.map((t) => t.name)).toEqual([
      'changes',
      'chapters',
      'devices',
      'enrolment_codes',
      'field_state',
      'schema_migrations',
    ]);
  });

  it('keys changes by their identity and orders stamps byte-wise, as clients do', async () => {
    const db = await open();
    await migrate(db, 1);
    const chapter = '00000000-0000-4000-8000-000000000001';
    const device = '00000000-0000-4000-8000-000000000002';
    const at = new Date('2026-03-01T00:00:00Z');
    await db.query(`INSERT INTO chapters (id, name, created_at) VALUES ($1, 'c', $2)`, [chapter, at]);
    await db.query(
      `INSERT INTO devices (id, chapter_id, name, node_id, token_hash, created_at) VALUES ($1, $2, 'd', 'n', 'h', $3)`,
      [device, chapter, at],
    );
    const insert = (seq: number, hlc: string) =>
      db.query(
        `INSERT INTO changes (chapter_id, seq, tbl, row_id, col, value, hlc, node_id, device_id, received_at)
         VALUES ($1, $2, 'members', 'r', 'city', '"x"', $3, 'n', $4, $5)`,
        [chapter, seq, hlc, device, at],
      );
    await insert(1, '000000000000001:000000:b');
    await expect(insert(2, '000000000000001:000000:b')).rejects.toThrow(/changes_identity/);
    await insert(3, '000000000000001:000000:B');
    await insert(4, '000000000000001:000000:a');
    const ordered = await db.query<{ hlc: string }>('SELECT hlc FROM changes ORDER BY hlc');
    expect(ordered.map((r) => r.hlc)).toEqual(
      ['000000000000001:000000:b', '000000000000001:000000:B', '000000000000001:000000:a'].sort(),
    );
  });

  it('refuses a database from a newer server without touching it', async () => {
    const db = await open();
    await migrate(db);
    await db.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, 'future')`, [
      SERVER_MIGRATIONS.length + 1,
    ]);
    await expect(migrate(db)).rejects.toBeInstanceOf(DatabaseTooNewError);
  });
});
