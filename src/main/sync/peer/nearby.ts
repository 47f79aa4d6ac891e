import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type { PeerListening, PeerStatus, PeerSyncResult } from '../../../shared/sync-peer';
import { connectToPeer, listenForPeer, type PeerListener } from './peer';
import type { PeerDeps } from './session';

/**
 * A listener stops this long after it started unless an exchange completed: a laptop left open must
 * not stay reachable. The time is counted from the start, not from the last knock, so no one
 * connecting and failing (a scanner, a stranger) keeps the port open; an exchange still running
 * then is cut, and is safe to run again.
 */
export const PEER_IDLE_MS = 10 * 60_000;

export interface NearbyOptions {
  /** Where to listen: every address (the other laptop is on the network); tests use loopback. */
  host?: string;
  idleMs?: number;
  interfaces?: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
}

/** The app's side of laptop-to-laptop sync: one listener or one connection at a time. */
export interface NearbyPeers {
  listen(input: { port: number }): Promise<PeerListening>;
  connect(address: { host: string; port: number }): Promise<PeerSyncResult>;
  status(): PeerStatus;
  cancel(): Promise<PeerStatus>;
}

/**
 * The addresses another laptop can reach this one at. Link-local IPv6 (fe80::) is left out: the
 * other laptop could only dial it with its own interface's name appended, which no one can read out.
 */
export function laptopAddresses(interfaces = networkInterfaces()): string[] {
  const found = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => !info.internal && !(info.family === 'IPv6' && /^fe80:/i.test(info.address)));
  // IPv4 first: the shorter one to read out.
  return [
    ...found.filter((info) => info.family === 'IPv4'),
    ...found.filter((info) => info.family === 'IPv6'),
  ].map((info) => info.address);
}

const problemOf = (error: unknown) => (error instanceof AppError ? (error.details?.problem ?? null) : null);

export function createNearbyPeers(deps: PeerDeps, options: NearbyOptions = {}): NearbyPeers {
  const idleMs = options.idleMs ?? PEER_IDLE_MS;
  let state: PeerStatus = { state: 'idle', stoppedWaiting: false };
  let listener: PeerListener | null = null;
  let idle: NodeJS.Timeout | null = null;

  const stopIdleClock = () => {
    if (idle) clearTimeout(idle);
    idle = null;
  };
  const startIdleClock = () => {
    stopIdleClock();
    idle = setTimeout(() => void stopListening({ state: 'idle', stoppedWaiting: true }), idleMs);
    idle.unref();
  };
  const stopListening = async (next: PeerStatus) => {
    stopIdleClock();
    const closing = listener;
    listener = null;
    state = next;
    await closing?.close();
  };

  // Set while a listener opens: a second call in that moment (another window) is refused too.
  let opening = false;
  const refuseWhileBusy = () => {
    if (opening || state.state === 'exchanging' || (state.state === 'listening' && listener)) {
      throw new AppError(
        'CONFLICT',
        'This laptop is already syncing with a nearby laptop or waiting for one.',
        {
          problem: problem('PEER_BUSY_HERE'),
        },
      );
    }
  };

  return {
    async listen({ port }) {
      // Asked again while waiting (a second window, a reload): the same wait, not a second one.
      if (state.state === 'listening' && listener) return { port: state.port, addresses: state.addresses };
      refuseWhileBusy();
      const open = (host: string) =>
        listenForPeer(deps, {
          host,
          port,
          onExchange: () => {
            state = { state: 'exchanging' };
          },
          // A refused or cut attempt does not end the wait (a stranger knocking cannot stop it).
          onFailure: () => {
            if (!listener || listener !== opened) return;
            state = {
              state: 'listening',
              port: listener.port,
              addresses: laptopAddresses(options.interfaces?.()),
            };
          },
        });
      let opened: PeerListener;
      opening = true;
      try {
        // Every address, IPv6 and IPv4 both; a laptop with IPv6 switched off listens on IPv4 alone.
        opened = await open(options.host ?? '::').catch((error: NodeJS.ErrnoException) => {
          if (options.host || error.code !== 'EAFNOSUPPORT') throw error;
          return open('0.0.0.0');
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES') {
          throw new AppError('CONFLICT', `Port ${port} is taken on this laptop.`, {
            problem: problem('PEER_PORT_TAKEN', { port }),
          });
        }
        throw error;
      } finally {
        opening = false;
      }
      listener = opened;
      const listening: PeerListening = {
        port: opened.port,
        addresses: laptopAddresses(options.interfaces?.()),
      };
      state = { state: 'listening', ...listening };
      startIdleClock();
      opened.exchanged.then(
        (result) => {
          if (listener === opened) void stopListening({ state: 'done', result });
        },
        // Rejected only by close(): whoever closed it has set the state.
        () => undefined,
      );
      return listening;
    },

    async connect(address) {
      refuseWhileBusy();
      state = { state: 'exchanging' };
      try {
        const result = await connectToPeer(deps, address);
        state = { state: 'done', result };
        return result;
      } catch (error) {
        state = { state: 'failed', problem: problemOf(error) };
        throw error;
      }
    },

    status: () => state,

    async cancel() {
      if (listener) await stopListening({ state: 'idle', stoppedWaiting: false });
      return state;
    },
  };
}
