import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeUpdateFeed, type FakeUpdateFeed } from '../../../tests/helpers/update-feed';
import { createUpdateController, type UpdateControllerOptions } from './controller';
import { createFeedUpdater } from './feed-updater';

/** A laptop whose staging id falls at 25% of the range. */
const STAGING_ID = '6f1c2d3e-0000-4000-8000-000040000000';

describe('updates from a feed over HTTP', () => {
  let feed: FakeUpdateFeed;
  let cache: string;
  let installed: string[];
  let syncing: { running: boolean; end: () => void; ended: Promise<void> };

  beforeEach(async () => {
    feed = await startFakeUpdateFeed({ version: '0.2.0' });
    cache = mkdtempSync(join(tmpdir(), 'chapterdesk-update-'));
    installed = [];
    syncing = { running: false, end: () => undefined, ended: Promise.resolve() };
  });
  afterEach(async () => {
    await feed.close();
    rmSync(cache, { recursive: true, force: true });
  });

  function controller(over: Partial<UpdateControllerOptions> = {}) {
    return createUpdateController({
      updater: createFeedUpdater({
        currentVersion: '0.1.0',
        stagingId: () => STAGING_ID,
        cacheDir: cache,
        channel: 'latest.yml',
        install: (file) => installed.push(file),
      }),
      currentVersion: '0.1.0',
      feedUrl: () => feed.url,
      syncing: () => syncing.running,
      syncEnded: () => syncing.ended,
      metered: () => false,
      resumeAfterMs: 60 * 60_000,
      ...over,
    });
  }

  it('finds, downloads in the background, is ready, and installs only when asked', async () => {
    const updates = controller();
    expect((await updates.check()).version).toBe('0.2.0');
    await updates.idle();
    expect(updates.status()).toMatchObject({
      state: 'ready',
      progress: { transferred: feed.installer.length, total: feed.installer.length },
    });
    expect(installed).toEqual([]);
    expect(updates.restart().state).toBe('restarting');
    expect(readFileSync(installed[0]!).equals(feed.installer)).toBe(true);
  });

  it('resumes a dropped download with a Range request from the bytes it kept', async () => {
    feed.dropNextAfter(100_000);
    const counted: number[] = [];
    const updates = controller({ onBytesReceived: (bytes) => counted.push(bytes) });
    await updates.check();
    await updates.idle();
    const dropped = updates.status();
    expect(dropped).toMatchObject({ state: 'error', failure: 'interrupted' });
    expect(dropped.progress!.transferred).toBeGreaterThanOrEqual(100_000);
    expect(dropped.progress!.transferred).toBeLessThan(feed.installer.length);

    expect(updates.download({}).state).toBe('downloading');
    await updates.idle();
    expect(updates.status().state).toBe('ready');
    expect(feed.installerRanges).toEqual(['', `bytes=${dropped.progress!.transferred}-`]);
    // The data used: each attempt's new bytes, the installer once in all.
    expect(counted).toEqual([
      dropped.progress!.transferred,
      feed.installer.length - dropped.progress!.transferred,
    ]);
    updates.restart();
    expect(readFileSync(installed[0]!).equals(feed.installer)).toBe(true);
  });

  it('restarts only once a sync under way has ended', async () => {
    const updates = controller();
    await updates.check();
    await updates.idle();
    let end!: () => void;
    syncing = { running: true, end: () => end(), ended: new Promise<void>((done) => (end = done)) };
    expect(updates.restart().state).toBe('restarting');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(installed).toEqual([]);
    syncing.running = false;
    syncing.end();
    await vi.waitFor(() => expect(installed).toHaveLength(1));
  });

  it('waits for the sync under way to end before downloading', async () => {
    let end!: () => void;
    syncing = { running: true, end: () => end(), ended: new Promise<void>((done) => (end = done)) };
    const updates = controller();
    await updates.check();
    expect(updates.status().state).toBe('deferred-syncing');
    expect(feed.installerRanges).toEqual([]);
    syncing.running = false;
    syncing.end();
    await updates.idle();
    expect(updates.status().state).toBe('ready');
    expect(feed.installerRanges).toEqual(['']);
  });

  it('on a metered connection finds the update but downloads it only when asked', async () => {
    const updates = controller({ metered: () => true });
    await updates.check();
    await updates.idle();
    expect(updates.status().state).toBe('deferred-metered');
    expect(feed.installerRanges).toEqual([]);
    updates.download({ evenIfMetered: true });
    await updates.idle();
    expect(updates.status().state).toBe('ready');
  });

  it('respects the staged rollout: out of 20%, in at 30%', async () => {
    feed.publish({ version: '0.2.0', stagingPercentage: 20 });
    const updates = controller();
    expect((await updates.check()).state).toBe('up-to-date');
    feed.publish({ version: '0.2.0', stagingPercentage: 30 });
    expect((await updates.check()).version).toBe('0.2.0');
    await updates.idle();
    expect(updates.status().state).toBe('ready');
  });

  it('says up to date for the same version, and offline when the feed is unreachable', async () => {
    feed.publish({ version: '0.1.0' });
    expect((await controller().check()).state).toBe('up-to-date');
    const url = feed.url;
    await feed.close();
    const offline = controller({ feedUrl: () => url });
    expect(await offline.check()).toMatchObject({ state: 'error', failure: 'offline' });
    feed = await startFakeUpdateFeed({ version: '0.2.0' });
  });

  it('refuses an installer that does not match its checksum, and keeps nothing of it', async () => {
    const updates = createUpdateController({
      updater: createFeedUpdater({
        currentVersion: '0.1.0',
        stagingId: () => STAGING_ID,
        cacheDir: cache,
        channel: 'latest.yml',
      }),
      currentVersion: '0.1.0',
      feedUrl: () => feed.url,
      syncing: () => false,
      syncEnded: () => Promise.resolve(),
      metered: () => true,
    });
    await updates.check();
    // The feed's installer changes under the yml's checksum.
    feed.installer.fill(0, 0, 10);
    updates.download({ evenIfMetered: true });
    await updates.idle();
    expect(updates.status()).toMatchObject({ state: 'error', failure: 'corrupt', progress: null });
    expect(existsSync(join(cache, 'ChapterDesk-update.AppImage.part'))).toBe(false);
    expect(updates.restart().state).toBe('error');
  });

  it('has nothing to say before this laptop has a server', () => {
    expect(controller({ feedUrl: () => null }).status().state).toBe('unavailable');
  });
});
