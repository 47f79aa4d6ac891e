import type { FastifyInstance } from 'fastify';
import { createServer, type ServerOptions } from './app';
import { acquireDataDirLock, pgliteDir, type DataDirLock } from './data-dir';
import { openPgliteStore, openPostgresStore } from './store';
import type { SyncStore } from './store/types';

export interface StartOptions {
  port: number;
  host: string;
  /** Holds the embedded database and its lock; not used when `databaseUrl` is given. */
  dataDir: string;
  databaseUrl?: string;
  adminToken: string;
  trustProxy?: ServerOptions['trustProxy'];
  logger?: ServerOptions['logger'];
  limits?: ServerOptions['limits'];
  updatesDir?: string;
}

export interface RunningServer {
  /** Where the server answers on this machine. */
  url: string;
  close(): Promise<void>;
}

function localUrl(host: string, port: number): string {
  const local = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${port}`;
}

/**
 * Opens the database, listens, and (for the embedded database) advertises the URL and admin token
 * in the data directory's lock file so CLI commands can reach the running server.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const lock: DataDirLock | null = options.databaseUrl ? null : acquireDataDirLock(options.dataDir, 'server');
  let store: SyncStore | undefined;
  let app: FastifyInstance | undefined;
  try {
    store = options.databaseUrl
      ? await openPostgresStore({ url: options.databaseUrl })
      : await openPgliteStore(pgliteDir(options.dataDir));
    app = await createServer({
      store,
      adminToken: options.adminToken,
      trustProxy: options.trustProxy,
      logger: options.logger,
      limits: options.limits,
      updatesDir: options.updatesDir,
    });
    await app.listen({ port: options.port, host: options.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = localUrl(options.host, port);
    lock?.update({ url, adminToken: options.adminToken });
    const [listening, opened] = [app, store];
    return {
      url,
      async close() {
        await listening.close();
        await opened.close();
        lock?.release();
      },
    };
  } catch (error) {
    await app?.close();
    await store?.close();
    lock?.release();
    throw error;
  }
}
