import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { load } from 'js-yaml';
import { z } from 'zod';
import { inStagedRollout } from './staging';
import { UpdateError, type UpdateOffer, type Updater } from './updater';

/** The parts of latest*.yml (electron-builder's) that a download needs. */
const latestYml = z.object({
  version: z.string().min(1).max(100),
  files: z
    .array(
      z.object({
        url: z.string().min(1).max(500),
        sha512: z.string().min(1),
        size: z.number().int().positive(),
      }),
    )
    .min(1),
  stagingPercentage: z.unknown().optional(),
});

/** Compares dotted versions (1.10.0 > 1.9.2); a pre-release sorts before its release. */
export function newerVersion(candidate: string, current: string): boolean {
  const parse = (version: string) => {
    const [core = '', pre] = version.replace(/^v/, '').split('-', 2);
    return { parts: core.split('.').map((part) => Number.parseInt(part, 10) || 0), pre };
  };
  const a = parse(candidate);
  const b = parse(current);
  for (let i = 0; i < Math.max(a.parts.length, b.parts.length); i++) {
    const difference = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  if (a.pre === undefined) return b.pre !== undefined;
  return b.pre !== undefined && a.pre > b.pre;
}

/** The channel file electron-updater reads on this platform. */
export function channelFile(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'linux') return 'latest-linux.yml';
  return 'latest.yml';
}

export interface FeedUpdaterOptions {
  currentVersion: string;
  /** The laptop's stable UUID for staged rollouts (asked at each check: a new laptop gets one at setup). */
  stagingId: () => string;
  /** Where the download is kept (and its part while it comes). */
  cacheDir: string;
  channel?: string;
  /** What quitAndInstall does: browser mode has nothing to install, so it only records the wish. */
  install?: (file: string) => void;
}

async function sha512Of(path: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/**
 * The generic provider's protocol over plain HTTP, for browser mode and tests: reads the channel
 * file, applies staging as electron-updater does, and downloads the installer into a `.part` file
 * that a later download resumes with a Range request after a drop. The finished file must match
 * the yml's sha512.
 */
export function createFeedUpdater(options: FeedUpdaterOptions): Updater {
  let offer: (UpdateOffer & { url: string; sha512: string; file: string }) | null = null;

  const get = async (url: string, headers: Record<string, string> = {}) => {
    try {
      return await fetch(url, { headers, redirect: 'error' });
    } catch (error) {
      throw new UpdateError('offline', `Cannot reach the update feed: ${(error as Error).message}`);
    }
  };

  return {
    async check(feedUrl) {
      const base = feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`;
      const response = await get(new URL(options.channel ?? channelFile(), base).toString());
      if (!response.ok) throw new UpdateError('feed', `The update feed answered ${response.status}.`);
      const parsed = latestYml.safeParse(load(await response.text()));
      if (!parsed.success) throw new UpdateError('feed', 'The update feed holds no usable latest.yml.');
      const latest = parsed.data;
      const [file] = latest.files;
      if (!file || !newerVersion(latest.version, options.currentVersion)) return (offer = null);
      if (!inStagedRollout(options.stagingId(), latest.stagingPercentage)) return (offer = null);
      const url = new URL(file.url, base);
      // The installer must come from the feed itself, never from where a yml points.
      if (url.origin !== new URL(base).origin) throw new UpdateError('feed', 'The update points elsewhere.');
      const name = url.pathname.split('/').pop() ?? 'update';
      offer = {
        version: latest.version,
        size: file.size,
        url: url.toString(),
        sha512: file.sha512,
        file: name,
      };
      return { version: offer.version, size: offer.size };
    },

    async download(onProgress) {
      if (!offer) throw new UpdateError('feed', 'Nothing to download: check first.');
      const current = offer;
      await mkdir(options.cacheDir, { recursive: true, mode: 0o700 });
      const done = join(options.cacheDir, current.file);
      const part = `${done}.part`;
      let have = existsSync(part) ? statSync(part).size : 0;
      if (have > current.size) {
        await rm(part);
        have = 0;
      }
      if (have < current.size) {
        const response = await get(current.url, have > 0 ? { range: `bytes=${have}-` } : {});
        // 200 to a range: the server sends it all again, so start over.
        if (response.status === 200) have = 0;
        else if (response.status !== 206)
          throw new UpdateError('feed', `The installer answered ${response.status}.`);
        const out = await open(part, have === 0 ? 'w' : 'a', 0o600);
        try {
          if (!response.body) throw new UpdateError('interrupted', 'The installer came without a body.');
          for await (const chunk of Readable.fromWeb(response.body as WebStream<Uint8Array>)) {
            await out.write(chunk as Buffer);
            have += (chunk as Buffer).byteLength;
            onProgress({ transferred: have, total: current.size });
          }
        } catch (error) {
          if (error instanceof UpdateError) throw error;
          throw new UpdateError('interrupted', `The download was cut at ${have} bytes.`);
        } finally {
          await out.close();
        }
        if (have < current.size)
          throw new UpdateError('interrupted', `The download was cut at ${have} bytes.`);
      }
      if ((await sha512Of(part)) !== current.sha512) {
        await rm(part);
        throw new UpdateError('corrupt', 'The downloaded installer does not match its checksum.');
      }
      await rename(part, done);
      onProgress({ transferred: current.size, total: current.size });
    },

    quitAndInstall() {
      if (!offer) throw new UpdateError('feed', 'Nothing downloaded to install.');
      options.install?.(join(options.cacheDir, offer.file));
    },
  };
}
