import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ChannelError,
  FrameReader,
  MAX_CLEAR_FRAME,
  MAX_SEALED_FRAME,
  openNode,
  proofOf,
  Sealer,
  sealNode,
  sessionKeys,
  writeFrame,
} from './channel';

let servers: Server[] = [];
let sockets: Socket[] = [];
afterEach(async () => {
  sockets.forEach((s) => s.destroy());
  sockets = [];
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

/** Two ends of a real loopback TCP connection. */
async function pair(): Promise<[Socket, Socket]> {
  let accepted: (s: Socket) => void = () => undefined;
  const incoming = new Promise<Socket>((resolve) => (accepted = resolve));
  const server = createServer((s) => accepted(s));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const client = connect(port, '127.0.0.1');
  const ends: [Socket, Socket] = [client, await incoming];
  sockets.push(...ends);
  return ends;
}

const transcript = {
  connectorNonce: 'aa'.repeat(32),
  listenerNonce: 'bb'.repeat(32),
  connectorNode: '0123456789abcdef',
  listenerNode: 'fedcba9876543210',
};

describe('peer channel', () => {
  it('reads a clear frame and the sealed one sent right behind it in one chunk, each with its own limit', async () => {
    const [a, b] = await pair();
    const reader = new FrameReader(b);
    const big = randomBytes(MAX_CLEAR_FRAME * 10);
    const frame = (body: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, 0]), body]);
    const first = frame(Buffer.from('{"t":"welcome"}'));
    first.writeUInt32BE(first.length - 4);
    const second = frame(big);
    second.writeUInt32BE(big.length);
    a.write(Buffer.concat([first, second]));
    expect((await reader.next(5000, MAX_CLEAR_FRAME)).toString()).toBe('{"t":"welcome"}');
    expect((await reader.next(5000, MAX_SEALED_FRAME)).equals(big)).toBe(true);
  });

  it('refuses a frame larger than asked for, before reading it', async () => {
    const [a, b] = await pair();
    const reader = new FrameReader(b);
    writeFrame(a, Buffer.alloc(MAX_CLEAR_FRAME + 1));
    const error = await reader.next(5000, MAX_CLEAR_FRAME).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).reason).toBe('too-big');
  });

  it('says the connection closed when the other end goes mid-frame', async () => {
    const [a, b] = await pair();
    const reader = new FrameReader(b);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(1000);
    a.end(Buffer.concat([length, Buffer.alloc(10)]));
    const error = await reader.next(5000, MAX_SEALED_FRAME).catch((e: unknown) => e);
    expect((error as ChannelError).reason).toBe('closed');
  });

  it('opens what the other direction sealed; a changed, replayed or reordered frame fails', () => {
    const key = 'cd'.repeat(32);
    const connector = sessionKeys(key, 'connector', transcript);
    const listener = sessionKeys(key, 'listener', transcript);
    expect(connector.send.equals(listener.receive)).toBe(true);
    expect(connector.send.equals(connector.receive)).toBe(false);

    const send = new Sealer(connector.send);
    const frames = ['one', 'two', 'three'].map((t) => send.seal(Buffer.from(t)));
    const open = new Sealer(listener.receive);
    expect(open.open(frames[0]!).toString()).toBe('one');
    // The first frame again, where the second is due: refused.
    expect(() => open.open(frames[0]!)).toThrow(ChannelError);

    const changed = Buffer.from(frames[0]!);
    changed[0]! ^= 1;
    expect(() => new Sealer(listener.receive).open(changed)).toThrow(ChannelError);
    // Sealed under another chapter's key: refused.
    const stranger = new Sealer(sessionKeys('ef'.repeat(32), 'connector', transcript).send);
    expect(() => new Sealer(listener.receive).open(stranger.seal(Buffer.from('one')))).toThrow(ChannelError);
  });

  it('makes different proofs for each role, each session and each key', () => {
    const key = 'cd'.repeat(32);
    const proofs = new Set([
      proofOf(key, 'listener', transcript),
      proofOf(key, 'connector', transcript),
      proofOf(key, 'listener', { ...transcript, listenerNonce: 'cc'.repeat(32) }),
      proofOf(key, 'listener', { ...transcript, connectorNode: '1123456789abcdef' }),
      proofOf('ce'.repeat(32), 'listener', transcript),
    ]);
    expect(proofs.size).toBe(5);
  });

  it('seals a node id that only the chapter key, for the same session and role, opens', () => {
    const key = 'cd'.repeat(32);
    const sealed = sealNode(key, transcript, 'listener', transcript.listenerNode);
    expect(sealed).not.toContain(transcript.listenerNode);
    expect(openNode(key, transcript, 'listener', sealed)).toBe(transcript.listenerNode);
    expect(openNode('ef'.repeat(32), transcript, 'listener', sealed)).toBeNull();
    expect(openNode(key, transcript, 'connector', sealed)).toBeNull();
    expect(openNode(key, { ...transcript, listenerNonce: 'cc'.repeat(32) }, 'listener', sealed)).toBeNull();
  });
});
