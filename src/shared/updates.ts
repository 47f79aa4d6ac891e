import { z } from 'zod';

/**
 * Where the app's own update stands (see main/updates). `deferred-syncing`: found, and waiting for
 * the sync under way to end; `deferred-metered`: found, and waiting for the secretary to ask, as
 * the connection costs by the byte; `unavailable`: nowhere to look (no sync server yet, or browser
 * mode without a feed).
 */
export const UPDATE_STATES = [
  'unavailable',
  'idle',
  'checking',
  'up-to-date',
  'available',
  'deferred-syncing',
  'deferred-metered',
  'downloading',
  'ready',
  'restarting',
  'error',
] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];

/** Why a check or a download failed, worded by the renderer. */
export const UPDATE_FAILURES = ['offline', 'interrupted', 'corrupt', 'feed'] as const;
export type UpdateFailure = (typeof UPDATE_FAILURES)[number];

export interface UpdateStatus {
  state: UpdateState;
  currentVersion: string;
  /** The version on offer, once a check found one. */
  version: string | null;
  /** Bytes so far and in all, while downloading and after a drop (the part kept for resuming). */
  progress: { transferred: number; total: number } | null;
  failure: UpdateFailure | null;
  checkedAt: string | null;
}

export const updatesDownloadInput = z.strictObject({
  /** The secretary asked: a metered connection does not hold it back. */
  evenIfMetered: z.boolean().optional(),
});
export type UpdatesDownloadInput = z.output<typeof updatesDownloadInput>;
