import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { formatHlc } from '../shared/hlc';
import { SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, type Change } from '../shared/sync-protocol';
import { createServer, type ServerOptions } from './app';
import { createAdminService } from './admin-service';
import { migrate } from './migrations/migrate';
import { connectPostgres } from './store/pg';
import { openPglite } from './store/pglite';
import type { SqlClient, SqlQueryable } from './store/sql';
import { createSqlStore } from './store/sql-store';
import type { SyncStore } from './store/types';

/**
 * Test scaffolding shared by the server suites: every suite runs on embedded PGlite, and also on
 * the PostgreSQL at DATABASE_URL when it is set, each run in a throw-away schema or directory.
 */
export interface TestDatabase {
  /** A new connection to the same database; close the previous one first when it is PGlite. */
  connect(): Promise<SqlClient>;
  /** For PostgreSQL: a URL that lands in this test database's schema. */
  url?: string;
  dispose(): Promise<void>;
}

export interface Backend {
  name: string;
  create(): Promise<TestDatabase>;
}

const pglite: Backend = {
  name: 'pglite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-server-test-'));
    return {
      connect: () => openPglite(join(dir, 'pglite')),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

function postgres(url: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const schema = `cdtest_${process.pid}_${randomBytes(6).toString('hex')}`;
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      return {
        connect: () => connectPostgres({ url, schema }),
        url: scoped.toString(),
        async dispose() {
          const admin = await connectPostgres({ url });
          try {
            await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          } finally {
            await admin.close();
          }
        },
      };
    },
  };
}

export const backends: Backend[] = [
  pglite,
  ...(process.env.DATABASE_URL ? [postgres(process.env.DATABASE_URL)] : []),
];

export interface TestStore {
  store: SyncStore;
  client: SqlClient;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A migrated store; `wrap` may interpose on the client (fault injection). */
export async function openTestStore(
  backend: Backend,
  wrap: (client: SqlClient) => SqlClient = (client) => client,
): Promise<TestStore> {
  const database = await backend.create();
  const client = await database.connect();
  await migrate(client);
  const store = createSqlStore(wrap(client));
  return {
    store,
    client,
    database,
    async close() {
      await client.close();
      await database.dispose();
    },
  };
}

/** Throws `error` from the first statement matching `pattern` after `arm()`; then behaves. */
export function failingOnce(client: SqlClient, pattern: RegExp, error: Error): SqlClient & { arm(): void } {
  let armed = false;
  const guard = (text: string) => {
    if (armed && pattern.test(text)) {
      armed = false;
      throw error;
    }
  };
  const wrapQueryable = (inner: SqlQueryable): SqlQueryable => ({
    query: async (text, params) => {
      guard(text);
      return inner.query(text, params);
    },
    exec: (script) => inner.exec(script),
  });
  return {
    ...wrapQueryable(client),
    transaction: (work) => client.transaction((tx) => work(wrapQueryable(tx))),
    close: () => client.close(),
    arm() {
      armed = true;
    },
  };
}

/**
 * Starting PGlite means running initdb in WebAssembly: seconds on an idle machine, far more on a
 * busy CI runner, so hooks and tests that open databases get this much time.
 */
export const DATABASE_TIMEOUT_MS = 180_000;

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A settable clock starting at a fixed instant. */
export function testClock(start = Date.parse('2026-03-01T12:00:00Z')) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

export async function testServer(
  store: SyncStore,
  options: Partial<Omit<ServerOptions, 'store'>> = {},
): Promise<FastifyInstance> {
  // Generous rate limits unless a test is about them: suites enrol and sync many devices quickly.
  const limits = { enrolRequestsPerMinute: 10_000, syncRequestsPerMinute: 10_000, ...options.limits };
  return createServer({ store, adminToken: ADMIN_TOKEN, logger: false, ...options, limits });
}

export interface EnrolledDevice {
  token: string;
  deviceId: string;
  chapterId: string;
  nodeId: string;
}

/** Creates a chapter through the admin service. */
export async function newChapter(store: SyncStore, name = 'Test chapter', now = Date.now): Promise<string> {
  return (await createAdminService({ store, now }).addChapter(name)).id;
}

/** Issues a code for `chapterId` and enrols `nodeId` with it over HTTP. */
export async function enrol(
  app: FastifyInstance,
  store: SyncStore,
  chapterId: string,
  nodeId: string,
  now = Date.now,
): Promise<EnrolledDevice> {
  const { code } = await createAdminService({ store, now }).issueEnrolmentCode(chapterId);
  const response = await app.inject({
    method: 'POST',
    url: '/v1/enroll',
    payload: { code, nodeId, deviceName: `Laptop ${nodeId}` },
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<{ token: string; deviceId: string; chapterId: string }>();
  return { token: body.token, deviceId: body.deviceId, chapterId: body.chapterId, nodeId };
}

export function change(
  nodeId: string,
  wall: number,
  counter: number,
  fields: { tbl?: string; rowId: string; col: string; value: unknown },
): Change {
  return {
    tbl: fields.tbl ?? 'members',
    rowId: fields.rowId,
    col: fields.col,
    value: fields.value === undefined ? null : JSON.stringify(fields.value),
    hlc: formatHlc({ wall, counter, node: nodeId }),
    nodeId,
  };
}

export function pushBody(nodeId: string, changes: unknown[], clientSeq = 1) {
  return { protocol: SYNC_PROTOCOL_VERSION, schema: SYNC_SCHEMA_VERSION, nodeId, clientSeq, changes };
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}
