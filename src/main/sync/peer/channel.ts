import { createCipheriv, createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';

/**
 * Frames on the TCP stream between two laptops: a 4-byte big-endian length, then the frame. The
 * handshake's frames are JSON in clear (nothing in them identifies the chapter or a member); every
 * frame after it is AES-256-GCM sealed under a key of its direction (see `sessionKeys`).
 */
export const PEER_PROTOCOL = 1;
/** A handshake frame is a few hundred bytes; more is not a laptop speaking this protocol. */
export const MAX_CLEAR_FRAME = 2048;
/** A sealed frame holds one sync-file part (at most `PART_BYTES`) and its tag. */
export const PART_BYTES = 4_000_000;
export const MAX_SEALED_FRAME = PART_BYTES + 64 * 1024;
const TAG_BYTES = 16;

/** Why a frame could not be read: the other side went away, was silent too long, or spoke nonsense. */
export class ChannelError extends Error {
  constructor(
    readonly reason: 'closed' | 'timeout' | 'too-big' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/**
 * More than this waiting unread is a peer that sends faster than frames are asked for: refused.
 * A well-behaved peer has at most the frame being read and the next network chunk in flight.
 */
const MAX_UNREAD = 2 * MAX_SEALED_FRAME;

/**
 * Reads whole frames from a socket, one at a time, each within a time and a size the caller gives.
 * Bytes are split into frames only when one is asked for, with that call's limit: the frame after
 * the last clear one may already be here, and it is allowed a sealed frame's size, not a clear one's.
 */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private failure: ChannelError | null = null;
  private waiting: {
    maxBytes: number;
    resolve: (frame: Buffer) => void;
    reject: (error: ChannelError) => void;
  } | null = null;

  constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      if (this.buffer.length > MAX_UNREAD) {
        this.fail(new ChannelError('too-big', 'The other laptop sent more than it was asked for.'));
        socket.destroy();
        return;
      }
      this.deliver();
    });
    socket.on('close', () =>
      this.fail(new ChannelError('closed', 'The connection with the other laptop was closed.')),
    );
    // 'close' follows every 'error'; the error itself is what the reason says.
    socket.on('error', (error) => this.fail(new ChannelError('closed', error.message)));
  }

  private fail(error: ChannelError): void {
    this.failure ??= error;
    this.deliver();
  }

  private deliver(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    if (this.buffer.length >= 4) {
      const length = this.buffer.readUInt32BE(0);
      if (length > waiting.maxBytes) {
        this.waiting = null;
        this.socket.destroy();
        waiting.reject(new ChannelError('too-big', `The other laptop sent a frame of ${length} bytes.`));
        return;
      }
      if (this.buffer.length >= 4 + length) {
        const frame = this.buffer.subarray(4, 4 + length);
        this.buffer = this.buffer.subarray(4 + length);
        this.waiting = null;
        waiting.resolve(frame);
        return;
      }
    }
    if (this.failure) {
      this.waiting = null;
      waiting.reject(this.failure);
    }
  }

  next(timeoutMs: number, maxBytes: number): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new ChannelError('timeout', `The other laptop said nothing for ${timeoutMs / 1000} s.`));
      }, timeoutMs);
      this.waiting = {
        maxBytes,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.deliver();
    });
  }
}

export function writeFrame(socket: Socket, frame: Buffer): void {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(frame.length);
  socket.write(Buffer.concat([length, frame]));
}

/**
 * The key the handshake's proofs are made with: derived from the chapter key, so that a proof is
 * never an HMAC the member ids are made with (the chapter key's other use).
 */
function authKey(chapterKey: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(chapterKey, 'hex'), Buffer.alloc(0), 'chapterdesk-peer/1 auth', 32),
  );
}

export interface Transcript {
  connectorNonce: string;
  listenerNonce: string;
  connectorNode: string;
  listenerNode: string;
}

const transcriptText = (t: Transcript) =>
  `chapterdesk-peer/${PEER_PROTOCOL}\n${t.connectorNonce}\n${t.listenerNonce}\n${t.connectorNode}\n${t.listenerNode}`;

/**
 * A side's proof that it holds the chapter key: an HMAC over both nonces and both node ids, with
 * the side's role in it, so one side's proof can never be sent back as the other's.
 */
export function proofOf(chapterKey: string, role: 'listener' | 'connector', t: Transcript): string {
  return createHmac('sha256', authKey(chapterKey))
    .update(`${role}\n${transcriptText(t)}`)
    .digest('hex');
}

/** Constant time: how much of a proof was right never shows in how long refusing it takes. */
export function sameProof(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The chapter, as the other side may see it: an HMAC of its id and this session's nonces under a
 * key derived from the chapter key. A laptop of the chapter recognises it; anyone else, even one
 * who knows the chapter id (a former member, a server admin), cannot tell it from a random value,
 * so a scan of the network does not reveal which laptops belong to the chapter. Without the key, a
 * laptop of another chapter and one with a key this chapter never gave look the same: both are
 * told "not this chapter's laptop".
 */
export function chapterTag(
  chapterKey: string,
  chapterId: string,
  connectorNonce: string,
  listenerNonce: string,
): string {
  const tagKey = Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(chapterKey, 'hex'),
      Buffer.alloc(0),
      `chapterdesk-peer/${PEER_PROTOCOL} tag`,
      32,
    ),
  );
  return createHmac('sha256', tagKey)
    .update(`chapter\n${chapterId}\n${connectorNonce}\n${listenerNonce}`)
    .digest('hex');
}

/**
 * The handshake's own key (HKDF of the chapter key and both nonces): each side's node id crosses
 * sealed with it, so a stranger never learns an id that would follow a laptop from one network to
 * the next, and a side that cannot open the other's is talking to someone without the key.
 */
function handshakeKey(chapterKey: string, connectorNonce: string, listenerNonce: string): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(chapterKey, 'hex'),
      Buffer.from(`${connectorNonce}${listenerNonce}`, 'hex'),
      `chapterdesk-peer/${PEER_PROTOCOL} handshake`,
      32,
    ),
  );
}

/** The key is new each session and seals one node id per role: the role is the GCM nonce. */
const roleNonce = (role: 'listener' | 'connector') => Buffer.alloc(12, role === 'listener' ? 1 : 2);

export function sealNode(
  chapterKey: string,
  nonces: { connectorNonce: string; listenerNonce: string },
  role: 'listener' | 'connector',
  node: string,
): string {
  const key = handshakeKey(chapterKey, nonces.connectorNonce, nonces.listenerNonce);
  const cipher = createCipheriv('aes-256-gcm', key, roleNonce(role));
  return Buffer.concat([cipher.update(node, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('hex');
}

/** The other side's node id, or null when it was not sealed with this chapter's key. */
export function openNode(
  chapterKey: string,
  nonces: { connectorNonce: string; listenerNonce: string },
  role: 'listener' | 'connector',
  sealed: string,
): string | null {
  const bytes = Buffer.from(sealed, 'hex');
  const key = handshakeKey(chapterKey, nonces.connectorNonce, nonces.listenerNonce);
  const decipher = createDecipheriv('aes-256-gcm', key, roleNonce(role));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    // GCM says only that the tag did not match: the answer is "not sealed with this key".
    return null;
  }
}

export interface SessionKeys {
  send: Buffer;
  receive: Buffer;
}

/** HKDF of the chapter key, salted with both nonces: fresh keys each session, one per direction. */
export function sessionKeys(chapterKey: string, role: 'listener' | 'connector', t: Transcript): SessionKeys {
  const keys = Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(chapterKey, 'hex'),
      Buffer.from(`${t.connectorNonce}${t.listenerNonce}`, 'hex'),
      `session\n${transcriptText(t)}`,
      64,
    ),
  );
  const toListener = keys.subarray(0, 32);
  const toConnector = keys.subarray(32, 64);
  return role === 'connector'
    ? { send: toListener, receive: toConnector }
    : { send: toConnector, receive: toListener };
}

/**
 * Seals and opens the frames of one direction. The GCM nonce is the frame's number in its
 * direction, so a frame replayed, dropped or put out of order fails to open; a key is used for one
 * session only, so a nonce never repeats under it.
 */
export class Sealer {
  private count = 0n;
  constructor(private readonly key: Buffer) {}

  private nonce(): Buffer {
    const nonce = Buffer.alloc(12);
    nonce.writeBigUInt64BE(this.count++, 4);
    return nonce;
  }

  seal(plain: Buffer): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.key, this.nonce());
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([sealed, cipher.getAuthTag()]);
  }

  open(frame: Buffer): Buffer {
    if (frame.length < TAG_BYTES) throw new ChannelError('unreadable', 'A frame too short to be sealed.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, this.nonce());
    decipher.setAuthTag(frame.subarray(frame.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(frame.subarray(0, frame.length - TAG_BYTES)), decipher.final()]);
    } catch {
      // GCM says only that the tag did not match: the frame was changed, replayed or sealed by someone else.
      throw new ChannelError(
        'unreadable',
        'A frame failed its authentication: changed, or not from the peer.',
      );
    }
  }
}
