import { connect, createServer, type Socket } from 'node:net';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { DEFAULT_PEER_PORT, parsePeerAddress as readPeerAddress } from '../../../shared/sync-peer';
import { writeFrame } from './channel';
import { peerIdentity, peerSession, type PeerDeps, type PeerOptions, type PeerSyncResult } from './session';

export { DEFAULT_PEER_PORT };

export interface PeerListener {
  /** The port listened on (the one the system chose for port 0). */
  port: number;
  /** The first exchange that completes; attempts that fail before it go to `onFailure`. */
  exchanged: Promise<PeerSyncResult>;
  close(): Promise<void>;
}

/**
 * Waits for a laptop of the chapter to connect and syncs with it. One exchange at a time (another
 * connection meanwhile is told the laptop is busy); a refused or cut attempt does not end the
 * wait, so a stranger on the network cannot stop the secretary's sync by knocking first.
 */
export async function listenForPeer(
  deps: PeerDeps,
  options: PeerOptions & {
    host: string;
    port: number;
    onFailure?: (error: unknown) => void;
    /** A laptop connected and the exchange starts (the app shows it, and stops its idle clock). */
    onExchange?: () => void;
  },
): Promise<PeerListener> {
  // Refused before listening: a laptop with no chapter key could prove nothing to anyone.
  peerIdentity(deps.db);
  let busy = false;
  let settle: { resolve: (r: PeerSyncResult) => void; reject: (e: unknown) => void } | null = null;
  const exchanged = new Promise<PeerSyncResult>((resolve, reject) => (settle = { resolve, reject }));
  // close() rejects it as cancelled: a caller that never waited on it (it only closed) has nothing to hear.
  exchanged.catch(() => undefined);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (busy) {
      writeFrame(socket, Buffer.from(JSON.stringify({ t: 'refused', reason: 'busy' })));
      socket.end();
      return;
    }
    busy = true;
    options.onExchange?.();
    peerSession(deps, socket, 'listener', options).then(
      (result) => {
        busy = false;
        settle?.resolve(result);
      },
      (error: unknown) => {
        busy = false;
        options.onFailure?.(error);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    exchanged,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        settle?.reject(new AppError('CANCELLED', 'Stopped listening for another laptop.'));
        server.close(() => resolve());
      }),
  };
}

/** `HOST:PORT`, `[v6]:PORT` or `HOST` (the default port), read as the app's contract reads it. */
export function parsePeerAddress(text: string): { host: string; port: number } {
  const address = readPeerAddress(text);
  if (!address) {
    throw new AppError(
      'VALIDATION',
      `--connect takes HOST:PORT, such as 192.168.1.20:${DEFAULT_PEER_PORT} (got "${text}").`,
    );
  }
  return address;
}

/** Connects to a listening laptop and syncs with it, both ways. */
export async function connectToPeer(
  deps: PeerDeps,
  address: { host: string; port: number },
  options: PeerOptions = {},
): Promise<PeerSyncResult> {
  // Refused before connecting: nothing is said on the network by a laptop that could prove nothing.
  peerIdentity(deps.db);
  const socket = await new Promise<Socket>((resolve, reject) => {
    const s = connect({ host: address.host, port: address.port, timeout: options.timeoutMs ?? 15_000 });
    s.once('connect', () => {
      s.setTimeout(0);
      s.off('error', reject);
      resolve(s);
    });
    s.once('timeout', () => {
      s.destroy();
      reject(new Error('no answer'));
    });
    s.once('error', reject);
  }).catch((error: unknown) => {
    throw new AppError(
      'UNREACHABLE',
      `Cannot reach another laptop at ${address.host}:${address.port} (${error instanceof Error ? error.message : String(error)}). Check the address, that it runs chapterdesk sync peer --listen, and that both are on the same network.`,
      { problem: problem('PEER_UNREACHABLE') },
    );
  });
  return peerSession(deps, socket, 'connector', options);
}
