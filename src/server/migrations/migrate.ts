import type { SqlClient } from '../store/sql';
import { LATEST_SERVER_VERSION, SERVER_MIGRATIONS } from './index';
import type { ServerMigration } from './types';

// Arbitrary but fixed: instances starting together against one PostgreSQL take turns migrating.
const MIGRATION_LOCK_KEY = 0x43_44_4d_47;

export class DatabaseTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `The database has schema version ${found}, but this server only knows up to ${known}. Upgrade the server; nothing was changed.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Brings the schema up to `target` in one transaction. Returns the version found and the version
 * reached; refuses a database written by a newer server.
 */
export async function migrate(
  db: SqlClient,
  target: number = LATEST_SERVER_VERSION,
  migrations: readonly ServerMigration[] = SERVER_MIGRATIONS,
): Promise<{ from: number; to: number }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    const [row] = await tx.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const from = Number(row?.version ?? 0);
    const known = migrations.length;
    if (from > known) throw new DatabaseTooNewError(from, known);
    const pending = migrations.filter((m) => m.version > from && m.version <= target);
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    return { from, to: pending.length > 0 ? pending[pending.length - 1]!.version : from };
  });
}
