import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error';
import { LATEST_SERVER_VERSION } from '../migrations';
import type { RouteDeps } from './deps';

/**
 * For load balancers and orchestrators (see "Run the server for real" in the README). None takes
 * credentials: a probe must get through even from an address refused for failed logins.
 *
 * - `/livez`: the process answers HTTP. A failing database does not make it fail, so an
 *   orchestrator does not restart a server that would only find the same database down.
 * - `/readyz`: send traffic here. The database answers and its schema is the one this build knows
 *   (a newer server sharing the PostgreSQL may have migrated it during a rolling upgrade). While
 *   the server shuts down, Fastify answers 503 to every request, so a balancer drains it.
 * - `/healthz`: the database answers (as before `/readyz`; kept for existing probes).
 */
export function registerHealthRoute(app: FastifyInstance, { store, now }: RouteDeps): void {
  const config = { config: { credentials: false as const } };

  app.get('/livez', config, async () => ({ ok: true, serverTime: now() }));

  app.get('/healthz', config, async (request) => {
    try {
      await store.ping();
    } catch (error) {
      request.log.error({ err: error }, 'health check: database not answering');
      throw new HttpError(503, 'INTERNAL', 'The database is not answering.');
    }
    return { ok: true, serverTime: now() };
  });

  app.get('/readyz', config, async (request) => {
    let version: number;
    try {
      version = await store.schemaVersion();
    } catch (error) {
      request.log.error({ err: error }, 'readiness check: database not answering');
      throw new HttpError(503, 'INTERNAL', 'The database is not answering.');
    }
    if (version !== LATEST_SERVER_VERSION) {
      throw new HttpError(
        503,
        'INTERNAL',
        `The database schema is at version ${version}; this server needs ${LATEST_SERVER_VERSION}.`,
      );
    }
    return { ok: true, schema: version, serverTime: now() };
  });
}
