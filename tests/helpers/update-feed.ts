import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface FakeUpdateFeed {
  /** The feed's URL, as the generic provider takes it (ends with /updates/). */
  url: string;
  installer: Buffer;
  /** The Range header of every installer request, '' for none. */
  installerRanges: string[];
  /** Cut the next full or ranged download after this many bytes of it. */
  dropNextAfter(bytes: number): void;
  /** Publishes another latest*.yml (version, staging). */
  publish(release: { version: string; stagingPercentage?: number }): void;
  close(): Promise<void>;
}

/**
 * A generic-provider update feed over real HTTP for tests and browser mode's end-to-end test: one
 * latest.yml (under each platform's name) and one installer, with single byte ranges, and a switch
 * that cuts the next download mid-way, as a poor link does.
 */
export async function startFakeUpdateFeed(options: {
  version: string;
  size?: number;
  stagingPercentage?: number;
}): Promise<FakeUpdateFeed> {
  const installer = Buffer.from(
    Array.from({ length: options.size ?? 300_000 }, (_, i) => (i * 31 + 7) % 251),
  );
  const sha512 = createHash('sha512').update(installer).digest('base64');
  const name = 'ChapterDesk-update.AppImage';
  let release: { version: string; stagingPercentage?: number } = options;
  let dropAfter: number | null = null;
  const installerRanges: string[] = [];
  const yml = () =>
    [
      `version: ${release.version}`,
      'files:',
      `  - url: ${name}`,
      `    sha512: ${sha512}`,
      `    size: ${installer.length}`,
      `path: ${name}`,
      `sha512: ${sha512}`,
      `releaseDate: '2026-12-01T00:00:00.000Z'`,
      ...(release.stagingPercentage === undefined ? [] : [`stagingPercentage: ${release.stagingPercentage}`]),
      '',
    ].join('\n');

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (
      path === '/updates/latest.yml' ||
      path === '/updates/latest-linux.yml' ||
      path === '/updates/latest-mac.yml'
    ) {
      response.writeHead(200, { 'content-type': 'text/yaml', 'cache-control': 'no-cache' });
      response.end(yml());
      return;
    }
    if (path !== `/updates/${name}`) {
      response.writeHead(404).end();
      return;
    }
    const range = request.headers.range ?? '';
    installerRanges.push(range);
    const match = /^bytes=(\d+)-$/.exec(range);
    const start = match ? Number(match[1]) : 0;
    if (start >= installer.length) {
      response.writeHead(416, { 'content-range': `bytes */${installer.length}` }).end();
      return;
    }
    const body = installer.subarray(start);
    response.writeHead(match ? 206 : 200, {
      'content-type': 'application/octet-stream',
      'accept-ranges': 'bytes',
      'content-length': String(body.length),
      ...(match ? { 'content-range': `bytes ${start}-${installer.length - 1}/${installer.length}` } : {}),
    });
    if (dropAfter === null) {
      response.end(body);
      return;
    }
    // Send part, then cut the connection as a lost signal would.
    const cut = dropAfter;
    dropAfter = null;
    response.write(body.subarray(0, cut), () => setTimeout(() => response.destroy(), 50));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The fake feed is not listening.');
  return {
    url: `http://127.0.0.1:${address.port}/updates/`,
    installer,
    installerRanges,
    dropNextAfter: (bytes) => {
      dropAfter = bytes;
    },
    publish: (next) => {
      release = next;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
