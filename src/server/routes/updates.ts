import { realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { clientKey } from '../client-address';

/** Where laptops look for new versions: the generic provider's URL is the server's + this. */
export const UPDATES_PREFIX = '/updates/';

/**
 * Checks the folder `--updates DIR` names before the server listens, so a typo stops the start
 * with its reason rather than leaving laptops to find 404s.
 */
export function checkUpdatesDir(dir: string): string {
  const full = resolve(dir);
  let isDir: boolean;
  try {
    isDir = statSync(full).isDirectory();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `--updates: ${full} does not exist; create it and copy a release into it (see the README).`
        : `--updates: ${full} cannot be read (${(error as Error).message}).`,
    );
  }
  if (!isDir) throw new Error(`--updates: ${full} is not a folder.`);
  return full;
}

/**
 * Serves a release folder (latest*.yml, installers, their .blockmap files) as electron-updater's
 * generic provider reads it. Public on purpose: the installers hold no chapter data and a laptop
 * asks before it is enrolled, so no token is needed; but every request counts against the address's
 * budget like the rest of the server. Single byte ranges (206, 416 for one that cannot be met) let
 * a laptop resume a cut download and fetch only the changed blocks; no listing, no dotfiles, and
 * @fastify/static refuses any path that leaves the folder.
 */
export async function registerUpdatesRoute(
  app: FastifyInstance,
  options: { dir: string; requestsPerMinute: number },
): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook(
      'onRequest',
      scope.rateLimit({
        max: options.requestsPerMinute,
        timeWindow: 60_000,
        keyGenerator: (request) => clientKey(request.ip),
      }),
    );
    await scope.register(fastifyStatic, {
      root: options.dir,
      prefix: UPDATES_PREFIX,
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'deny',
      // A link in the folder (latest -> /srv/build, or one planted there) must not make this
      // public route serve what it points to: only files whose real path is inside the folder.
      allowedPath: (path) => insideFolder(options.dir, path),
      acceptRanges: true,
      // A laptop must see a new latest.yml at once; an installer under its version's name never changes.
      cacheControl: false,
      setHeaders: (reply, path) => {
        void reply.header('cache-control', path.endsWith('.yml') ? 'no-cache' : 'public, max-age=3600');
        void reply.header('x-content-type-options', 'nosniff');
      },
    });
  });
}

function insideFolder(folder: string, path: string): boolean {
  try {
    const real = realpathSync(join(folder, path));
    return real.startsWith(realpathSync(folder) + sep);
  } catch (error) {
    // A file that is not there is a 404; a folder the server cannot read is its error, not a 404.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
