import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { ApiErrorBody, ErrorCode, Result } from '../../shared/errors';
import { AppError } from '../../shared/errors';

/** Runs one contract operation: the data thread's `call`, or dispatch() over handlers in tests. */
export type OperationCall = (name: string, input: unknown) => Promise<Result<unknown>>;

export interface BrowserModeOptions {
  call: OperationCall;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed in tests; otherwise a fresh random token for every launch. */
  token?: string;
}

export interface BrowserModeServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNKNOWN_OPERATION: 404,
  NOT_INITIALISED: 409,
  ALREADY_INITIALISED: 409,
  DB_TOO_NEW: 409,
  DB_DAMAGED: 503,
  UNAUTHORISED: 401,
  CANCELLED: 409,
  UNREACHABLE: 502,
  NODE_ID_TAKEN: 409,
  BUSY: 503,
  INTERNAL: 500,
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function failure(code: ErrorCode, message: string): Result<never> {
  const error: ApiErrorBody = { code, message };
  return { ok: false, error };
}

/**
 * Answers a refused request before its body is read, and closes the connection: kept open, Node
 * would read the rest of the body off the socket (to discard it) before the next request.
 */
function refuse(reply: FastifyReply, status: 401 | 403, message: string): FastifyReply {
  return reply.code(status).header('connection', 'close').send(failure('UNAUTHORISED', message));
}

/**
 * Serves the renderer and the contract's operations over HTTP on 127.0.0.1 only. The API needs the
 * per-launch token; the Host header must name the loopback address, which defeats DNS rebinding.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserModeServer> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new AppError(
      'NOT_FOUND',
      `The app is not built yet (no ${options.rendererDir}/index.html). Run: npm run build`,
    );
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  // forceCloseConnections: a browser tab keeps a connection open, which must not keep a stopping
  // server alive.
  const app: FastifyInstance = Fastify({
    bodyLimit: 1024 * 1024,
    logger: false,
    forceCloseConnections: true,
  });
  let allowedHosts = new Set<string>();

  app.addHook('onRequest', async (request, reply) => {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return refuse(reply, 403, 'Browser mode only answers on 127.0.0.1.');
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });

  // The token is checked once the headers are in, before the body is read: without it a caller
  // cannot make us receive or parse up to 210 MB.
  const requireToken = async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = request.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7), token)) {
      return refuse(reply, 401, 'Open the address printed by `chapterdesk serve`.');
    }
  };
  const callOperation = async (request: FastifyRequest, reply: FastifyReply, op: string) => {
    const result = await options.call(op, request.body ?? undefined);
    return reply.code(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
  };
  app.post<{ Params: { op: string } }>('/api/:op', { onRequest: requireToken }, (request, reply) =>
    callOperation(request, reply, request.params.op),
  );
  // The one operation that carries a whole spreadsheet (as base64) gets room for it.
  app.post(
    '/api/imports.inspect',
    { bodyLimit: 210 * 1024 * 1024, onRequest: requireToken },
    (request, reply) => callOperation(request, reply, 'imports.inspect'),
  );
  // And the one that carries a whole chapter file back (a backup picked to restore).
  app.post(
    '/api/backup.restore',
    { bodyLimit: 280 * 1024 * 1024, onRequest: requireToken },
    (request, reply) => callOperation(request, reply, 'backup.restore'),
  );

  // And a sync file picked to load (at most 100 MB, as base64).
  app.post(
    '/api/sync.importFile',
    { bodyLimit: 140 * 1024 * 1024, onRequest: requireToken },
    (request, reply) => callOperation(request, reply, 'sync.importFile'),
  );

  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    return reply
      .code(status)
      .send(
        failure(
          status === 500 ? 'INTERNAL' : 'VALIDATION',
          status === 500 ? 'Internal error' : 'Bad request',
        ),
      );
  });

  await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html' });

  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () => app.close(),
  };
}
