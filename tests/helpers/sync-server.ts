import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createAdminService, type AdminService } from '../../src/server/admin-service';
import { createServer } from '../../src/server/app';
import { openPgliteStore, openPostgresStore } from '../../src/server/store';
import type { SyncStore } from '../../src/server/store/types';

export interface TestSyncServer {
  url: string;
  store: SyncStore;
  admin: AdminService;
  clock: { ms: number | null };
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
  const store =
    kind === 'postgres' && url
      ? await openPostgresStore({ url, schema, maxConnections: 20 })
      : await openPgliteStore();
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
