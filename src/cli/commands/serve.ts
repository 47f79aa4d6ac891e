import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { startBrowserMode } from '../../main/browser-mode/server';
import { AppError } from '../../shared/errors';
import { openChapter } from '../open-chapter';

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

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
      // Browser mode is the app: it syncs by itself like the desktop window does.
      const { db, handlers, sync } = openChapter(opts.db, { mustExist: false, autoSync: true });
      sync.start();
      const server = await startBrowserMode({ handlers, rendererDir: opts.renderer, port }).catch(
        (error: unknown) => {
          db.close();
          throw error;
        },
      );
      process.stdout.write(`ChapterDesk is running in browser mode. Open:\n${server.url}\n`);
      // Browser mode has no keystore, unlike the desktop app.
      process.stdout.write(
        `Once connected to a sync server, its token is kept in ${opts.db}, readable only by you (mode 0600).\n`,
      );
      const stop = () => {
        sync.stop();
        void server.close().finally(() => {
          db.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
