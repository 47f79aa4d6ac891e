import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { createAdminService } from './admin-service';
import { adminTokenChecker } from './auth';
import { createFailureCounter, registerAuthFailureGuard } from './auth-failures';
import { handleError, HttpError } from './http-error';
import { logAddress, logError } from './log-safe';
import { registerAdminApiRoutes } from './routes/admin-api';
import { registerAdminPageRoute } from './routes/admin-page';
import { DEFAULT_LIMITS, type RouteDeps, type ServerLimits } from './routes/deps';
import { registerEnrollRoute } from './routes/enroll';
import { registerHealthRoute } from './routes/health';
import { registerSyncRoutes } from './routes/sync';
import { registerUpdatesRoute } from './routes/updates';
import type { SyncStore } from './store/types';
import { fastifyTrustProxy, type TrustProxy } from './trust-proxy';

export type { ServerLimits } from './routes/deps';

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

export interface ServerOptions {
  store: SyncStore;
  /** Grants the admin API and the /admin page; at least 16 characters. */
  adminToken: string;
  /** Server clock in ms since the epoch; tests move it. */
  now?: () => number;
  /** Pino options (e.g. a level or a destination stream), or false for silence. Default: info. */
  logger?: boolean | LoggerOptions;
  limits?: Partial<ServerLimits>;
  /** Which X-Forwarded-* entries to believe (client addresses, https cookies); none by default. */
  trustProxy?: TrustProxy;
  /** A release folder to serve under /updates/ (`server --updates DIR`), checked by the caller. */
  updatesDir?: string;
}

/** Removes secrets a caller may put in the address (the admin page's ?token=). */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[REDACTED]');
}

function loggerOptions(logger: ServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  const base: LoggerOptions = logger === true || logger === undefined ? { level: 'info' } : logger;
  return {
    ...base,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[REDACTED]' },
    // Structured (JSON lines) and without personal data: see log-safe.ts.
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteNetwork: logAddress(request.ip),
      }),
      err: logError,
    },
  };
}

/**
 * The sync server. Holds no state of its own apart from its rate-limit counters, which are this
 * process's (see "Several processes" in docs/ARCHITECTURE.md), so several instances can share one
 * PostgreSQL behind a load balancer.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: limits.bodyBytes,
    trustProxy: fastifyTrustProxy(options.trustProxy),
  });
  const deps: RouteDeps = {
    store: options.store,
    now,
    admin: createAdminService({ store: options.store, now }),
    isAdmin: adminTokenChecker(options.adminToken),
    limits,
  };

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({
      error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    });
  });

  // Responses are gzipped for slow, costly links; gzip request bodies are inflated before
  // parsing, and bodyLimit applies to the inflated size, so a small bomb cannot grow large.
  await app.register(compress, { encodings: ['gzip'], requestEncodings: ['gzip'], threshold: 1024 });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'RATE_LIMITED', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s.`),
  });

  // In memory, not in the database: it exists to spare the database, so refusing an address must
  // not cost a query.
  registerAuthFailureGuard(
    app,
    createFailureCounter({ max: limits.failedAuthPerMinute, windowMs: 60_000, now }),
  );

  registerHealthRoute(app, deps);
  registerEnrollRoute(app, deps);
  registerSyncRoutes(app, deps);
  registerAdminApiRoutes(app, deps);
  registerAdminPageRoute(app, deps);
  if (options.updatesDir) {
    await registerUpdatesRoute(app, {
      dir: options.updatesDir,
      requestsPerMinute: limits.updateRequestsPerMinute,
    });
  }
  return app;
}
