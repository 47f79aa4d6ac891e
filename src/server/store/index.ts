import { migrate } from '../migrations/migrate';
import { connectPostgres, type PostgresOptions } from './pg';
import { openPglite } from './pglite';
import type { SqlClient } from './sql';
import { createSqlStore } from './sql-store';
import type { SyncStore } from './types';

export type { SyncStore } from './types';

async function migratedStore(db: SqlClient): Promise<SyncStore> {
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createSqlStore(db);
}

/** PostgreSQL through `pg`, migrated to the latest schema. */
export async function openPostgresStore(options: PostgresOptions): Promise<SyncStore> {
  return migratedStore(await connectPostgres(options));
}

/** Embedded PGlite persisted in `dataDir` (in memory if omitted), migrated to the latest schema. */
export async function openPgliteStore(dataDir?: string): Promise<SyncStore> {
  return migratedStore(await openPglite(dataDir));
}
