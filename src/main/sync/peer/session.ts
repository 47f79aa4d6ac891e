import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type { PeerSyncResult } from '../../../shared/sync-peer';
import { nodeIdSchema } from '../../../shared/sync-protocol';
import type { Db } from '../../db/open';
import { getChapter } from '../../services/chapter/chapter';
import { getChapterKey } from '../../services/chapter/key';
import { getDevice } from '../../services/device/device';
import { exportSyncFile } from '../file/export';
import { importSyncFile } from '../file/import';
import { recordTraffic } from '../traffic';
import {
  ChannelError,
  chapterTag,
  FrameReader,
  MAX_CLEAR_FRAME,
  MAX_SEALED_FRAME,
  openNode,
  PART_BYTES,
  PEER_PROTOCOL,
  proofOf,
  sameProof,
  sealNode,
  Sealer,
  sessionKeys,
  writeFrame,
  type Transcript,
} from './channel';

export interface PeerDeps {
  db: Db;
  now: () => Date;
}

export interface PeerOptions {
  /** Largest sync-file part per frame (tests make it small to cut a transfer between parts). */
  partBytes?: number;
  /** How long the other side may stay silent (the handshake gets a quarter of it). */
  timeoutMs?: number;
}

// The contract's: the app shows it as it comes (src/shared/sync-peer.ts).
export type { PeerSyncResult };

const DEFAULT_TIMEOUT_MS = 120_000;
/** A peer sends its changes in at most this many parts (4 GB at the part size): a bound, not a need. */
const MAX_PARTS = 1000;

const hex32 = z.string().regex(/^[0-9a-f]{64}$/);
const refusal = z.enum(['other-chapter', 'key', 'version', 'busy']);
export type Refusal = z.infer<typeof refusal>;
/** A node id sealed for the handshake (see `sealNode`): 1 to 64 bytes and a 16-byte tag, in hex. */
const sealedNode = z.string().regex(/^[0-9a-f]{34,160}$/);
const clearMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), v: z.number().int(), nonce: hex32 }).strict(),
  z
    .object({
      t: z.literal('challenge'),
      v: z.number().int(),
      nonce: hex32,
      chapter: hex32,
      node: sealedNode,
    })
    .strict(),
  z.object({ t: z.literal('proof'), chapter: hex32, node: sealedNode, proof: hex32 }).strict(),
  z.object({ t: z.literal('welcome'), proof: hex32 }).strict(),
  z.object({ t: z.literal('refused'), reason: refusal }).strict(),
]);
type ClearMessage = z.infer<typeof clearMessage>;

const count = z.number().int().min(0).max(1e9);
const sealedMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('done'), parts: z.number().int().min(1).max(MAX_PARTS), changes: count }).strict(),
  z.object({ t: z.literal('applied'), applied: count, alreadyHad: count, conflicts: count }).strict(),
  z.object({ t: z.literal('failed'), problem: z.string().max(64) }).strict(),
]);
type SealedMessage = z.infer<typeof sealedMessage>;

/** The first byte of a sealed frame's plain text: a sync-file part, or a message (JSON). */
const PART = 1;
const MESSAGE = 2;

type PeerProblem =
  | 'PEER_NOT_ENROLLED'
  | 'PEER_OTHER_CHAPTER'
  | 'PEER_KEY_REFUSED'
  | 'PEER_VERSION'
  | 'PEER_CONNECTION_LOST'
  | 'PEER_BUSY_THERE';

function peerError(code: PeerProblem, message: string): AppError {
  const kind =
    code === 'PEER_NOT_ENROLLED'
      ? 'NOT_INITIALISED'
      : code === 'PEER_KEY_REFUSED'
        ? 'UNAUTHORISED'
        : code === 'PEER_OTHER_CHAPTER' || code === 'PEER_VERSION'
          ? 'VALIDATION'
          : 'UNREACHABLE';
  return new AppError(kind, message, { problem: problem(code) });
}

const REFUSED_BY_PEER: Record<Refusal, [PeerProblem, string]> = {
  'other-chapter': [
    'PEER_OTHER_CHAPTER',
    'The other laptop is not one of this chapter’s: it belongs to another chapter, or holds a key this chapter never gave. Nothing was exchanged.',
  ],
  key: [
    'PEER_KEY_REFUSED',
    'The other laptop did not prove it holds this chapter’s key (or refused this one’s). Nothing was exchanged.',
  ],
  version: [
    'PEER_VERSION',
    'The other laptop runs a ChapterDesk that speaks another peer protocol: update both. Nothing was exchanged.',
  ],
  busy: [
    'PEER_BUSY_THERE',
    'The other laptop is syncing with another one right now. Nothing was exchanged: try again in a moment.',
  ],
};

/**
 * What this laptop needs to sync with a peer: a chapter, and the chapter key the sync server gave
 * or confirmed. A laptop that never enrolled has only a key of its own making, which no other
 * laptop holds: it is refused here, before anything is said on the network.
 */
export function peerIdentity(db: Db): { chapterId: string; nodeId: string; key: string } {
  const chapter = getChapter(db);
  const device = getDevice(db);
  const key = chapter && device ? getChapterKey(db) : null;
  if (!chapter || !device || !key?.confirmed) {
    throw peerError(
      'PEER_NOT_ENROLLED',
      'This laptop has not joined the chapter through its sync server yet, so it holds no chapter key to prove itself to another laptop. Join once with: chapterdesk sync --db P --server URL --enroll CODE',
    );
  }
  return { chapterId: chapter.id, nodeId: device.nodeId, key: key.key };
}

function sendClear(socket: Socket, message: ClearMessage): void {
  writeFrame(socket, Buffer.from(JSON.stringify(message)));
}

function parseClear(frame: Buffer): ClearMessage {
  let json: unknown;
  try {
    json = JSON.parse(frame.toString('utf8'));
  } catch (error) {
    throw new ChannelError('unreadable', `Not a ChapterDesk peer (${(error as Error).message}).`);
  }
  const parsed = clearMessage.safeParse(json);
  if (!parsed.success) throw new ChannelError('unreadable', 'Not a ChapterDesk peer message.');
  return parsed.data;
}

/** Tells the other side why it is refused, then says the same here as an error. */
function refuse(socket: Socket, reason: Refusal, message: string, code: PeerProblem): AppError {
  sendClear(socket, { t: 'refused', reason });
  socket.end();
  return peerError(code, message);
}

function refusedBy(message: ClearMessage): AppError | null {
  if (message.t !== 'refused') return null;
  const [code, text] = REFUSED_BY_PEER[message.reason];
  return peerError(code, text);
}

interface Authenticated {
  send: Sealer;
  receive: Sealer;
}

/** The other side's sealed node id, opened and checked; a refusal when it was not sealed with the key. */
function theirNode(
  socket: Socket,
  me: { key: string },
  nonces: { connectorNonce: string; listenerNonce: string },
  role: 'listener' | 'connector',
  sealed: string,
): string {
  const node = openNode(me.key, nonces, role, sealed);
  if (node === null) throw refuse(socket, 'key', REFUSED_BY_PEER.key[1], 'PEER_KEY_REFUSED');
  const checked = nodeIdSchema.safeParse(node);
  if (!checked.success) throw new ChannelError('unreadable', 'A node id that is not one.');
  return checked.data;
}

/**
 * The mutual challenge-response, four clear frames:
 * 1. connector → `hello`: protocol and its nonce;
 * 2. listener → `challenge`: its nonce, the chapter tag, its node id sealed with the handshake key;
 * 3. connector, once the tag is its chapter's and the node opens (the listener holds the key) →
 *    `proof`: the tag, its node id sealed, its HMAC proof over both nonces and both node ids;
 * 4. listener, once the tag, the node and the proof are right → `welcome` with its own proof, which
 *    the connector checks before it sends a change.
 * A stranger hears random-looking values only; the listener sends no change before step 4's check.
 */
async function handshake(
  socket: Socket,
  reader: FrameReader,
  role: 'listener' | 'connector',
  me: { chapterId: string; nodeId: string; key: string },
  timeoutMs: number,
): Promise<Authenticated> {
  const nonce = randomBytes(32).toString('hex');
  const otherChapter = () =>
    refuse(socket, 'other-chapter', REFUSED_BY_PEER['other-chapter'][1], 'PEER_OTHER_CHAPTER');
  const wrongKey = () => refuse(socket, 'key', REFUSED_BY_PEER.key[1], 'PEER_KEY_REFUSED');
  const read = async <T extends ClearMessage['t']>(expected: T) => {
    const message = parseClear(await reader.next(timeoutMs, MAX_CLEAR_FRAME));
    const refused = refusedBy(message);
    if (refused) throw refused;
    if (message.t !== expected)
      throw new ChannelError('unreadable', `Expected ${expected}, got ${message.t}.`);
    return message as Extract<ClearMessage, { t: T }>;
  };
  let transcript: Transcript;
  if (role === 'connector') {
    sendClear(socket, { t: 'hello', v: PEER_PROTOCOL, nonce });
    const challenge = await read('challenge');
    if (challenge.v !== PEER_PROTOCOL) {
      throw refuse(socket, 'version', REFUSED_BY_PEER.version[1], 'PEER_VERSION');
    }
    const nonces = { connectorNonce: nonce, listenerNonce: challenge.nonce };
    const tag = chapterTag(me.key, me.chapterId, nonce, challenge.nonce);
    if (challenge.chapter !== tag) throw otherChapter();
    const listenerNode = theirNode(socket, me, nonces, 'listener', challenge.node);
    transcript = { ...nonces, connectorNode: me.nodeId, listenerNode };
    sendClear(socket, {
      t: 'proof',
      chapter: tag,
      node: sealNode(me.key, nonces, 'connector', me.nodeId),
      proof: proofOf(me.key, 'connector', transcript),
    });
    const welcome = await read('welcome');
    if (!sameProof(proofOf(me.key, 'listener', transcript), welcome.proof)) throw wrongKey();
  } else {
    const hello = await read('hello');
    if (hello.v !== PEER_PROTOCOL) {
      throw refuse(socket, 'version', REFUSED_BY_PEER.version[1], 'PEER_VERSION');
    }
    const nonces = { connectorNonce: hello.nonce, listenerNonce: nonce };
    const tag = chapterTag(me.key, me.chapterId, hello.nonce, nonce);
    sendClear(socket, {
      t: 'challenge',
      v: PEER_PROTOCOL,
      nonce,
      chapter: tag,
      node: sealNode(me.key, nonces, 'listener', me.nodeId),
    });
    const proof = await read('proof');
    if (proof.chapter !== tag) throw otherChapter();
    const connectorNode = theirNode(socket, me, nonces, 'connector', proof.node);
    transcript = { ...nonces, connectorNode, listenerNode: me.nodeId };
    if (!sameProof(proofOf(me.key, 'connector', transcript), proof.proof)) throw wrongKey();
    sendClear(socket, { t: 'welcome', proof: proofOf(me.key, 'listener', transcript) });
  }
  const keys = sessionKeys(me.key, role, transcript);
  return { send: new Sealer(keys.send), receive: new Sealer(keys.receive) };
}

function sendSealed(socket: Socket, sealer: Sealer, kind: number, body: Buffer): void {
  writeFrame(socket, sealer.seal(Buffer.concat([Buffer.from([kind]), body])));
}

function sendMessage(socket: Socket, sealer: Sealer, message: SealedMessage): void {
  sendSealed(socket, sealer, MESSAGE, Buffer.from(JSON.stringify(message)));
}

/**
 * Both ways at once, after the handshake: each side sends what `sync export` would write (in parts,
 * each loadable alone), then `done`; each loads the other's parts as they come, through `sync
 * import`'s apply path, one transaction a part, then says `applied`. A cut leaves every part loaded
 * so far applied and the rest not: running again sends it all again, and what is here already
 * counts as already had, never applied twice.
 */
async function exchange(
  deps: PeerDeps,
  socket: Socket,
  reader: FrameReader,
  channel: Authenticated,
  options: PeerOptions,
  timeoutMs: number,
): Promise<PeerSyncResult> {
  const written = exportSyncFile(deps.db, {
    all: false,
    maxBytes: options.partBytes ?? PART_BYTES,
    now: deps.now(),
    countTraffic: false,
  });
  for (const part of written.parts) sendSealed(socket, channel.send, PART, part);
  sendMessage(socket, channel.send, { t: 'done', parts: written.parts.length, changes: written.changes });

  const mine = { applied: 0, alreadyHad: 0, conflicts: 0 };
  let parts = 0;
  let received: number | null = null;
  let heard = false;
  while (received === null || !heard) {
    const plain = channel.receive.open(await reader.next(timeoutMs, MAX_SEALED_FRAME));
    if (plain[0] === PART) {
      if (received !== null || ++parts > MAX_PARTS) {
        throw new ChannelError('unreadable', 'The other laptop sent a part after saying it was done.');
      }
      try {
        const loaded = importSyncFile(deps.db, plain.subarray(1), deps.now, { countTraffic: false });
        mine.applied += loaded.applied;
        mine.alreadyHad += loaded.alreadyHad;
        mine.conflicts += loaded.conflicts;
      } catch (error) {
        // The other side hears why its changes were not taken (a newer version's, say) before this one stops.
        const code = error instanceof AppError ? (error.details?.problem?.code ?? error.code) : 'INTERNAL';
        sendMessage(socket, channel.send, { t: 'failed', problem: code });
        socket.end();
        throw error;
      }
      continue;
    }
    if (plain[0] !== MESSAGE) throw new ChannelError('unreadable', 'A sealed frame of an unknown kind.');
    let json: unknown;
    try {
      json = JSON.parse(plain.subarray(1).toString('utf8'));
    } catch (error) {
      throw new ChannelError(
        'unreadable',
        `A sealed message that is not JSON (${(error as Error).message}).`,
      );
    }
    const message = sealedMessage.safeParse(json);
    if (!message.success) throw new ChannelError('unreadable', 'A sealed message of an unknown shape.');
    if (message.data.t === 'failed') {
      throw peerError(
        'PEER_CONNECTION_LOST',
        `The other laptop could not load this laptop's changes (${message.data.problem}); what it sent was kept here.`,
      );
    }
    if (message.data.t === 'done') {
      if (message.data.parts !== parts) {
        throw new ChannelError(
          'unreadable',
          `The other laptop sent ${parts} parts but says ${message.data.parts}.`,
        );
      }
      received = message.data.changes;
      sendMessage(socket, channel.send, { t: 'applied', ...mine });
    } else {
      heard = true;
    }
  }
  socket.end();
  return {
    sent: written.changes,
    received,
    ...mine,
    bytesSent: socket.bytesWritten,
    bytesReceived: socket.bytesRead,
  };
}

/**
 * One peer sync on an open socket, from either end. A refusal (another chapter, a wrong key, a
 * laptop not enrolled) and a cut or silent connection are AppErrors with a peer problem code.
 */
export async function peerSession(
  deps: PeerDeps,
  socket: Socket,
  role: 'listener' | 'connector',
  options: PeerOptions = {},
): Promise<PeerSyncResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const reader = new FrameReader(socket);
  try {
    const me = peerIdentity(deps.db);
    const channel = await handshake(socket, reader, role, me, Math.ceil(timeoutMs / 4));
    const result = await exchange(deps, socket, reader, channel, options, timeoutMs);
    recordTraffic(deps.db, 'peer', { sent: result.bytesSent, received: result.bytesReceived }, deps.now());
    return result;
  } catch (error) {
    // What crossed before a refusal or a cut cost as much: counted as well.
    recordTraffic(deps.db, 'peer', { sent: socket.bytesWritten, received: socket.bytesRead }, deps.now());
    if (error instanceof ChannelError) {
      socket.destroy();
      throw peerError(
        'PEER_CONNECTION_LOST',
        `The connection with the other laptop ended before the sync finished (${error.message}). What arrived was kept; run it again to finish.`,
      );
    }
    // A refusal was written just now: the socket closes once it has gone, or soon if the peer lingers.
    socket.end();
    setTimeout(() => socket.destroy(), 5000).unref();
    throw error;
  }
}
