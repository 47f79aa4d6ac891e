import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error';
import type { RouteDeps } from './deps';

/** For load balancers: up only while the database answers. */
export function registerHealthRoute(app: FastifyInstance, { store, now }: RouteDeps): void {
  // No credentials: a probe must get through even from an address refused for failed logins.
  app.get('/healthz', { config: { credentials: false } }, async (request) => {
    try {
      await store.ping();
    } catch (error) {
      request.log.error({ err: error }, 'health check: database not answering');
      throw new HttpError(503, 'INTERNAL', 'The database is not answering.');
    }
    return { ok: true, serverTime: now() };
  });
}
