import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpdateFeed, type FakeUpdateFeed } from '../../../tests/helpers/update-feed';
import { bridgedUpdater, serveUpdater } from './bridge';
import { createFeedUpdater } from './feed-updater';
import { UpdateError } from './updater';

/** The desktop app's path without Electron: main's updater (here the HTTP feed's) over a port. */
describe('the updater bridged over a port, as the data thread drives main', () => {
  let feed: FakeUpdateFeed;
  let cache: string;
  let channel: MessageChannel;

  beforeEach(async () => {
    feed = await startFakeUpdateFeed({ version: '0.3.0', size: 200_000 });
    cache = mkdtempSync(join(tmpdir(), 'chapterdesk-bridge-'));
    channel = new MessageChannel();
  });
  afterEach(async () => {
    channel.port1.close();
    await feed.close();
    rmSync(cache, { recursive: true, force: true });
  });

  it('carries a check, progress, a drop as a named failure, and the resumed download', async () => {
    const installs: string[] = [];
    serveUpdater(
      createFeedUpdater({
        currentVersion: '0.1.0',
        stagingId: () => '00000000-0000-4000-8000-000000000001',
        cacheDir: cache,
        channel: 'latest.yml',
        install: (file) => installs.push(file),
      }),
      channel.port1,
    );
    const updater = bridgedUpdater(channel.port2);
    expect(await updater.check(feed.url)).toEqual({ version: '0.3.0', size: 200_000 });

    feed.dropNextAfter(50_000);
    const seen: number[] = [];
    const dropped = await updater.download((p) => seen.push(p.transferred)).catch((error: unknown) => error);
    expect(dropped).toBeInstanceOf(UpdateError);
    expect((dropped as UpdateError).failure).toBe('interrupted');
    expect(seen.length).toBeGreaterThan(0);

    await updater.download((p) => seen.push(p.transferred));
    expect(seen[seen.length - 1]).toBe(200_000);
    expect(feed.installerRanges[1]).toMatch(/^bytes=[1-9]\d*-$/);
    updater.quitAndInstall();
    await expect.poll(() => installs.length).toBe(1);
  });
});
