import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAdminService, type AdminOperations } from '../../server/admin-service';
import { acquireDataDirLock, defaultDataDir, pgliteDir, readLiveLock } from '../../server/data-dir';
import { runningServers } from '../../server/running-servers';
import { openPgliteStore, openPostgresStore } from '../../server/store';
import type { SyncStore } from '../../server/store/types';
import { createHttpAdmin } from './http-admin';

export interface StorageFlags {
  data?: string;
  databaseUrl?: string;
}

export interface Storage {
  dataDir: string;
  databaseUrl?: string;
}

/** --database-url, else DATABASE_URL unless --data was given, else the embedded database. */
export function chooseStorage(flags: StorageFlags, env: NodeJS.ProcessEnv): Storage {
  if (flags.data && flags.databaseUrl) throw new Error('Give either --data or --database-url, not both.');
  const databaseUrl = flags.databaseUrl ?? (flags.data ? undefined : env.DATABASE_URL || undefined);
  return { dataDir: resolve(flags.data ?? defaultDataDir(env)), ...(databaseUrl ? { databaseUrl } : {}) };
}

/**
 * Where an admin command acts. As `chooseStorage` when told (--data, --database-url,
 * $DATABASE_URL); otherwise the data of the server running now, else the default folder when it
 * holds a database. Never a new, empty database that no server reads: that is how an enrolment
 * code came to be "not valid" on the server the laptop asked.
 */
export function findServerData(flags: StorageFlags, env: NodeJS.ProcessEnv): Storage {
  if (flags.data || flags.databaseUrl || env.DATABASE_URL) return chooseStorage(flags, env);
  const running = runningServers(env);
  if (running.length > 1) {
    const where = running.map((server) => server.dataDir ?? 'PostgreSQL').join(', ');
    throw new Error(`Several servers are running (data in ${where}); pass --data DIR or --database-url URL.`);
  }
  const [server] = running;
  if (server?.dataDir) return { dataDir: server.dataDir };
  if (server) {
    throw new Error(
      `The running server (pid ${server.pid}) keeps its data in PostgreSQL; pass --database-url URL or set DATABASE_URL.`,
    );
  }
  const fallback = defaultDataDir(env);
  if (existsSync(pgliteDir(fallback))) return { dataDir: fallback };
  throw new Error(
    `No server data here (no server is running, and ${fallback} holds none); pass --data DIR or --database-url URL.`,
  );
}

async function withStore<T>(
  open: Promise<SyncStore>,
  work: (admin: AdminOperations) => Promise<T>,
): Promise<T> {
  const store = await open;
  try {
    return await work(createAdminService({ store, now: Date.now }));
  } finally {
    await store.close();
  }
}

/**
 * Runs `work` against the server's data: PostgreSQL directly (it has its own concurrency), the
 * admin API of a running server that owns the embedded database, or the embedded database itself
 * under the data directory's lock when no server runs.
 */
export async function withAdmin<T>(
  storage: Storage,
  { create }: { create: boolean },
  work: (admin: AdminOperations) => Promise<T>,
): Promise<T> {
  if (storage.databaseUrl) return withStore(openPostgresStore({ url: storage.databaseUrl }), work);

  const live = readLiveLock(storage.dataDir);
  if (live?.kind === 'server' && live.url && live.adminToken) {
    return work(createHttpAdmin(live.url, live.adminToken));
  }
  if (!create && !existsSync(pgliteDir(storage.dataDir))) {
    throw new Error(`There is no server data in ${storage.dataDir}; pass --data DIR or --database-url URL.`);
  }
  const lock = acquireDataDirLock(storage.dataDir, 'cli');
  try {
    return await withStore(openPgliteStore(pgliteDir(storage.dataDir)), work);
  } finally {
    lock.release();
  }
}
