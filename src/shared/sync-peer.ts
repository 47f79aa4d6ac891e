import { z } from 'zod';
import { problemParams, type Problem } from './problems';

/** The port a laptop listens on when none is given (unassigned by IANA). */
export const DEFAULT_PEER_PORT = 47170;

const port = z.number().int().min(1).max(65535);
/** A host name as DNS allows it (labels of letters, digits and hyphens); IPv4 is one too. */
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const ipv6 = z.ipv6();

/** `HOST:PORT`, `[IPv6]:PORT` or `HOST` (the default port); null for anything else. */
export function parsePeerAddress(text: string): { host: string; port: number } | null {
  const match = /^(?:\[([^\]]+)\]|([^:[\]\s]+))(?::(\d{1,5}))?$/.exec(text.trim());
  if (!match) return null;
  const at = match[3] === undefined ? DEFAULT_PEER_PORT : Number(match[3]);
  if (!port.safeParse(at).success) return null;
  if (match[1] !== undefined) return ipv6.safeParse(match[1]).success ? { host: match[1], port: at } : null;
  return HOST_NAME.test(match[2]!) ? { host: match[2]!, port: at } : null;
}

export const peerListenInput = z
  .strictObject({ port: port.optional() })
  .optional()
  .transform((input) => ({ port: input?.port ?? DEFAULT_PEER_PORT }));
export type PeerListenInput = z.input<typeof peerListenInput>;

export const peerConnectInput = z.strictObject({
  address: z
    .string()
    .max(300)
    .refine((text) => parsePeerAddress(text) !== null, { params: problemParams('PEER_ADDRESS_INVALID') })
    .transform((text) => parsePeerAddress(text)!),
});
export type PeerConnectInput = z.input<typeof peerConnectInput>;

/** One exchange's outcome, counted as loading a sync file counts, plus what went each way. */
export interface PeerSyncResult {
  /** Field changes sent to the other laptop and received from it. */
  sent: number;
  received: number;
  /** Of those received: new here, already here, met a change of this laptop's. */
  applied: number;
  alreadyHad: number;
  conflicts: number;
  /** Bytes on the connection, handshake and framing included. */
  bytesSent: number;
  bytesReceived: number;
}

/** Where this laptop listens: the addresses the other laptop can be given, and the port. */
export interface PeerListening {
  port: number;
  addresses: string[];
}

/**
 * The nearby-laptop sync as the app sees it: nothing, waiting for a laptop to connect, an exchange
 * under way, the last one's outcome, or why it failed. `stoppedWaiting` says the wait ended on its
 * own (nobody connected in time), as opposed to never having started or been cancelled.
 */
export type PeerStatus =
  | { state: 'idle'; stoppedWaiting: boolean }
  | ({ state: 'listening' } & PeerListening)
  | { state: 'exchanging' }
  | { state: 'done'; result: PeerSyncResult }
  | { state: 'failed'; problem: Problem | null };
