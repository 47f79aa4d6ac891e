import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SERVER_VERSION } from '../migrations';
import type { SyncStore } from '../store/types';
import { backends, DATABASE_TIMEOUT_MS, openTestStore, testServer, type TestStore } from '../test-support';

/** An error as PostgreSQL gives one: its message and detail quote the value that failed. */
function databaseError(): Error {
  return Object.assign(new Error('invalid input syntax for type uuid: "amina@example.org"'), {
    code: '22P02',
    detail: 'Key (email)=(amina@example.org) already exists.',
  });
}

describe.each(backends)('health, readiness and logs on $name', (backend) => {
  let t: TestStore;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    t = await openTestStore(backend);
  }, DATABASE_TIMEOUT_MS);
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });
  afterAll(async () => {
    await t.close();
  }, DATABASE_TIMEOUT_MS);

  async function server(store: SyncStore, logLines?: string[]) {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines?.push(String(chunk));
        done();
      },
    });
    const app = await testServer(store, logLines ? { logger: { level: 'info', stream } } : {});
    apps.push(app);
    return app;
  }

  it('is live and ready with a database at this build’s schema', async () => {
    const app = await server(t.store);
    expect((await app.inject({ url: '/livez' })).statusCode).toBe(200);
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ ok: true, schema: LATEST_SERVER_VERSION });
  });

  it('stays live but is not ready when the database is down or has another schema', async () => {
    const down = await server({ ...t.store, schemaVersion: () => Promise.reject(new Error('down')) });
    expect((await down.inject({ url: '/livez' })).statusCode).toBe(200);
    expect((await down.inject({ url: '/readyz' })).statusCode).toBe(503);
    // A newer server migrated the shared database during a rolling upgrade.
    const newer = await server({ ...t.store, schemaVersion: async () => LATEST_SERVER_VERSION + 1 });
    const refused = await newer.inject({ url: '/readyz' });
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.message).toContain(`version ${LATEST_SERVER_VERSION + 1}`);
  });

  it('logs JSON lines with the network of a client, not its address, and no value a database error quotes', async () => {
    const lines: string[] = [];
    const app = await server({ ...t.store, ping: () => Promise.reject(databaseError()) }, lines);
    const health = await app.inject({ url: '/healthz', remoteAddress: '203.0.113.57' });
    expect(health.statusCode).toBe(503);
    await app.inject({ url: '/livez', remoteAddress: '2001:db8:aa:bb:cc::1' });

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const failure = entries.find((e) => e['msg'] === 'health check: database not answering');
    expect(failure).toMatchObject({ err: { code: '22P02', message: 'database error 22P02' } });
    const log = lines.join('');
    expect(log).toContain('"remoteNetwork":"203.0.113.0/24"');
    expect(log).toContain('"remoteNetwork":"2001:db8:aa::/48"');
    for (const personal of ['amina@example.org', '203.0.113.57', 'cc::1'])
      expect(log).not.toContain(personal);
  });
});
