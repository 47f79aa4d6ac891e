import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlParam, SqlQueryable, SqlRow } from './sql';

interface PgliteRunner {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(script: string): Promise<unknown>;
}

/**
 * Embedded PostgreSQL (WASM) persisted in `dataDir`, or in memory when none is given. Only one
 * process may open a data directory at a time; see data-dir-lock.ts.
 */
export async function openPglite(dataDir?: string): Promise<SqlClient> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;

  const on = (runner: PgliteRunner): SqlQueryable => ({
    async query<R extends SqlRow>(text: string, params: readonly SqlParam[] = []) {
      const result = await runner.query<R>(text, [...params]);
      return result.rows;
    },
    async exec(script: string) {
      await runner.exec(script);
    },
  });

  return {
    ...on(db),
    // PGlite runs one transaction at a time and queues queries behind it, which is the same
    // isolation the row lock gives on PostgreSQL.
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    close: () => db.close(),
  };
}
