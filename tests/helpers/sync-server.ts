import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createAdminService, type AdminService } from '../../src/server/admin-service';
import { createServer } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { connectPostgres } from '../../src/server/store/pg';
import { openPglite } from '../../src/server/store/pglite';
import { createSqlStore } from '../../src/server/store/sql-store';
import type { SyncStore } from '../../src/server/store/types';

export interface TestSyncServer {
  url: string;
  store: SyncStore;
  admin: AdminService;
  clock: { ms: number | null };
  /** Every row of every table of the server's database, as text: what a dump of it would hold. */
  dump(): Promise<string>;
  /** Stops listening but keeps the database, as a crashed or restarted server would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const STORE_KINDS: ('pglite' | 'postgres')[] = process.env['DATABASE_URL']
  ? ['pglite', 'postgres']
  : ['pglite'];

/**
 * A real sync server over HTTP on a free port, on embedded PGlite or, for 'postgres', on the
 * DATABASE_URL database in a schema of its own that is dropped afterwards.
 */
export async function startSyncServer(kind: 'pglite' | 'postgres' = 'pglite'): Promise<TestSyncServer> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = process.env['DATABASE_URL'];
  const client =
    kind === 'postgres' && url
      ? await connectPostgres({ url, schema, maxConnections: 20 })
      : await openPglite();
  await migrate(client);
  const store = createSqlStore(client);
  const clock: { ms: number | null } = { ms: null };
  const now = () => clock.ms ?? Date.now();
  let port = 0;
  const listen = async () => {
    const app = await createServer({
      store,
      adminToken: 'a'.repeat(32),
      logger: false,
      now,
      limits: { syncRequestsPerMinute: 1_000_000, enrolRequestsPerMinute: 1_000_000 },
    });
    await app.listen({ host: '127.0.0.1', port });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : port;
    return app;
  };
  let app = await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    store,
    admin: createAdminService({ store, now }),
    clock,
    async dump() {
      const tables = await client.query(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
      );
      const lines: string[] = [];
      for (const { table_name: name } of tables) {
        const rows = await client.query(`SELECT t::text AS row FROM "${String(name)}" t`);
        lines.push(...rows.map((r) => `${String(name)}: ${String(r.row)}`));
      }
      return lines.join('\n');
    },
    async restart() {
      await app.close();
      app = await listen();
    },
    async close() {
      await app.close();
      await store.close();
      if (kind === 'postgres' && url) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}
