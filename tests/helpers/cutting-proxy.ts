import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Cut {
  /** 'up': the request, client to server; 'down': the response, server to client. */
  direction: 'up' | 'down';
  /** The connection is cut once this many bytes have passed in that direction. */
  afterBytes: number;
}

export interface CuttingProxy {
  url: string;
  /**
   * Cuts for the next connections, one per connection, in order; later ones pass untouched.
   * Open connections are dropped first, so the next request cannot ride a kept-alive one.
   */
  plan(cuts: Cut[]): void;
  /** Slows every byte to `bitsPerSecond`, with `latencyMs` added to each chunk, both ways. */
  throttle(bitsPerSecond: number | null, latencyMs?: number): void;
  connections(): number;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of the sync server that cuts chosen connections after a chosen number of
 * bytes, in the middle of a request or a response, as a dropping mobile link does.
 */
export async function startCuttingProxy(target: { host: string; port: number }): Promise<CuttingProxy> {
  let cuts: Cut[] = [];
  let count = 0;
  let rate: number | null = null;
  let latency = 0;
  const sockets = new Set<Socket>();

  function pipe(from: Socket, to: Socket, cut: Cut | undefined, direction: Cut['direction']): void {
    let passed = 0;
    let nextFree = 0;
    let last = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      let data = chunk;
      if (cut && cut.direction === direction) {
        const room = cut.afterBytes - passed;
        if (room <= 0) {
          from.destroy();
          to.destroy();
          return;
        }
        if (data.length >= room) {
          data = data.subarray(0, room);
          passed += data.length;
          to.write(data, () => {
            from.destroy();
            to.destroy();
          });
          return;
        }
      }
      passed += data.length;
      if (rate === null && latency === 0) {
        to.write(data);
        return;
      }
      // A link of `rate` bits/s queues bytes one after another; the latency is added on top
      // without holding up the bytes behind, as on a real long-distance link.
      const now = Date.now();
      const start = Math.max(now, nextFree);
      nextFree = start + (rate ? (data.length * 8 * 1000) / rate : 0);
      const deliverAt = nextFree + latency;
      last = last.then(
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              if (!to.destroyed) to.write(data);
              resolve();
            }, deliverAt - Date.now()),
          ),
      );
    });
    from.on('end', () => void last.then(() => to.end()));
    from.on('error', () => to.destroy());
  }

  const server: Server = createServer((client) => {
    count++;
    const cut = cuts.shift();
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    pipe(client, upstream, cut, 'up');
    pipe(upstream, client, cut, 'down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    plan: (next) => {
      sockets.forEach((s) => s.destroy());
      cuts = [...next];
    },
    throttle: (bitsPerSecond, latencyMs = 0) => {
      rate = bitsPerSecond;
      latency = latencyMs;
    },
    connections: () => count,
    async close() {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
