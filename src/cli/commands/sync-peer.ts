import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { connectToPeer, DEFAULT_PEER_PORT, listenForPeer, parsePeerAddress } from '../../main/sync/peer/peer';
import type { PeerSyncResult } from '../../main/sync/peer/session';
import { openChapter } from '../open-chapter';

type PeerOptions = {
  db: string;
  listen?: boolean;
  host: string;
  port?: string;
  connect?: string;
  json?: boolean;
};

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new AppError('VALIDATION', `--port must be a port number from 0 to 65535 (got "${text}").`);
  }
  return port;
}

/** `sync peer`: two laptops of the chapter on one network sync with each other, both ways. */
export function registerSyncPeer(sync: Command): void {
  sync
    .command('peer')
    .description('Sync with another laptop of the chapter on the same network, both ways, with no server')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--listen', 'wait for the other laptop to connect (one exchange, then exit)')
    .option('--host <address>', 'with --listen: the address to listen on', '0.0.0.0')
    .option('--port <n>', `with --listen: the port to listen on (default ${DEFAULT_PEER_PORT}; 0: any)`)
    .option('--connect <host:port>', 'connect to a laptop that listens')
    .option(
      '--json',
      'print {"sent","received","applied","alreadyHad","conflicts","bytesSent","bytesReceived"} as JSON',
    )
    .action(async (opts: PeerOptions) => {
      if (Boolean(opts.listen) === Boolean(opts.connect)) {
        throw new AppError('VALIDATION', 'Give either --listen or --connect HOST:PORT.');
      }
      if (opts.port !== undefined && !opts.listen) {
        throw new AppError('VALIDATION', '--port goes with --listen; with --connect, write HOST:PORT.');
      }
      const address = opts.connect ? parsePeerAddress(opts.connect) : null;
      const port = opts.port === undefined ? DEFAULT_PEER_PORT : parsePort(opts.port);
      const { db, sync: service } = openChapter(opts.db, { mustExist: true });
      const deps = { db, now: () => new Date() };
      try {
        let result: PeerSyncResult;
        if (address) {
          result = await connectToPeer(deps, address);
        } else {
          const listener = await listenForPeer(deps, {
            host: opts.host,
            port,
            // An attempt that failed does not end the wait: said on stderr, the listening goes on.
            onFailure: (error) =>
              process.stderr.write(
                `chapterdesk: an attempt failed: ${error instanceof Error ? error.message : String(error)}\n`,
              ),
          });
          process.stderr.write(
            `Listening on ${opts.host}:${listener.port} for another laptop of the chapter.\n`,
          );
          try {
            result = await listener.exchanged;
          } finally {
            await listener.close();
          }
        }
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
        } else {
          process.stdout.write(
            `Synced with the other laptop: ${result.sent} changes sent, ${result.received} received (${result.applied} new here, ${result.alreadyHad} already here), ${result.conflicts} conflicts; ${result.bytesSent} bytes sent, ${result.bytesReceived} received.\n`,
          );
        }
      } finally {
        service.stop();
        db.close();
      }
    });
}
