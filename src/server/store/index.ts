import { makeDirPrivate } from '../../node/private-files';
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

/**
 * Embedded PGlite persisted in `dataDir` (in memory if omitted), migrated to the latest schema.
 * PGlite creates its files 0666 whatever the umask: the directory is made 0700 before it opens, so
 * nothing in it is ever reachable by others, and its files are set to 0600 once it has created
 * them and again when it closes, for those it added while running.
 */
export async function openPgliteStore(dataDir?: string): Promise<SyncStore> {
  if (!dataDir) return migratedStore(await openPglite());
  makeDirPrivate(dataDir);
  const store = await migratedStore(await openPglite(dataDir));
  makeDirPrivate(dataDir);
  return {
    ...store,
    async close() {
      await store.close();
      makeDirPrivate(dataDir);
    },
  };
}
