import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { SyncTransportError } from '../../main/sync/transport';
import { openChapter, removeChapterFile } from '../open-chapter';
import { registerSyncFile } from './sync-file';
import { registerSyncPeer } from './sync-peer';

type SyncOptions = { db?: string; server?: string; enroll?: string; json?: boolean };

export function registerSync(program: Command): void {
  const sync = program
    .command('sync')
    .description('Run one full sync of a chapter database with its server (enrolling first with --enroll)')
    // `sync export --db P`: options after a subcommand's name are the subcommand's own; and --db is
    // checked here, as commander checks a command's required options for its subcommands too.
    .enablePositionalOptions()
    .option('--db <path>', 'chapter database file (required)')
    .option('--server <url>', 'sync server address (needed with --enroll)')
    .option('--enroll <code>', 'one-time enrolment code from the server administrator')
    .option('--json', 'print {"pushed","pulled","conflicts"} as JSON')
    .action(async (opts: SyncOptions, command: Command) => {
      if (!opts.db) command.error("error: required option '--db <path>' not specified");
      if (opts.enroll && !opts.server) throw new AppError('VALIDATION', '--enroll needs --server <url>.');
      const { db, sync, created } = openChapter(opts.db, { mustExist: Boolean(!opts.enroll) });
      // A file made for this enrolment is kept once the laptop is enrolled, not before.
      let keep = !created;
      try {
        if (opts.enroll) {
          await sync.enroll({ serverUrl: opts.server!, code: opts.enroll });
          keep = true;
          // The command line has no keystore (the app has): say where the secret is.
          process.stderr.write(
            `Connected. The sync token is kept in ${opts.db}, readable only by you (mode 0600).\n`,
          );
        }
        const summary = await sync.runOnce();
        const result = { pushed: summary.pushed, pulled: summary.pulled, conflicts: summary.conflicts };
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ ...result, rejected: summary.rejected, retimed: summary.retimed, held: summary.held })}\n`,
          );
        } else {
          process.stdout.write(
            `Synced: ${result.pushed} changes sent, ${result.pulled} received, ${result.conflicts} conflicts.\n`,
          );
          if (summary.rejected)
            process.stdout.write(`${summary.rejected} changes were refused by the server.\n`);
          if (summary.held) {
            process.stdout.write(
              `${summary.held} received changes were set aside: a field this version lacks, or a value it refuses.\n`,
            );
          }
          if (summary.retimed) {
            process.stdout.write(
              `${summary.retimed} changes were re-timed: this computer's clock was far ahead.\n`,
            );
          }
        }
      } catch (error) {
        if (error instanceof SyncTransportError)
          throw new AppError('INTERNAL', `Sync failed (${error.code}): ${error.message}`);
        throw error;
      } finally {
        sync.stop();
        db.close();
        if (!keep) removeChapterFile(opts.db);
      }
    });
  registerSyncFile(sync);
  registerSyncPeer(sync);
}
