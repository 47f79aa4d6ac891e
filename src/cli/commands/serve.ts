import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { startBrowserMode } from '../../main/browser-mode/server';
import { AppError } from '../../shared/errors';
import { startDataThread } from '../../main/data-thread/client';

/** out/renderer: from source (src/cli/commands), or from the built CLI beside it (out/cli). */
const DEFAULT_RENDERER_DIR = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../../out/renderer' : '../renderer', import.meta.url),
);

/** package.json: from source, or from the built CLI in out/cli. */
const PACKAGE_JSON = new URL(
  import.meta.url.endsWith('.ts') ? '../../../package.json' : '../../package.json',
  import.meta.url,
);

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Browser mode: serve the app and its API on 127.0.0.1 with a per-launch token')
    .requiredOption('--db <path>', 'chapter database file (created if missing)')
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '5180')
    .option('--renderer <dir>', 'built renderer directory', DEFAULT_RENDERER_DIR)
    .action(async (opts: { db: string; port: string; renderer: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new AppError('VALIDATION', `--port must be a number from 0 to 65535, not “${opts.port}”.`);
      }
      // Browser mode is the app: its data lives on a data thread, as in the desktop window, so a
      // long import never holds up the HTTP server, and it syncs by itself.
      const full = resolve(opts.db);
      // Browser mode installs nothing; with CHAPTERDESK_UPDATE_FEED (a feed's URL, as the generic
      // provider takes it) Settings follows an update from check to restart prompt, for trying the
      // flow and for the end-to-end test.
      const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
      const feedUrl = process.env['CHAPTERDESK_UPDATE_FEED'] || undefined;
      const data = await startDataThread({
        dbPath: full,
        autoSync: true,
        updates: feedUrl ? { version, feedUrl } : { version },
      });
      const server = await startBrowserMode({ call: data.call, rendererDir: opts.renderer, port }).catch(
        async (error: unknown) => {
          await data.close();
          throw error;
        },
      );
      process.stdout.write(`ChapterDesk is running in browser mode. Open:\n${server.url}\n`);
      // Browser mode has no keystore, unlike the desktop app.
      process.stdout.write(
        `Once connected to a sync server, its token is kept in ${opts.db}, readable only by you (mode 0600).\n`,
      );
      const stop = () => {
        void server
          .close()
          .then(() => data.close())
          .finally(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
