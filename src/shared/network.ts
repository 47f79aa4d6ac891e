import { z } from 'zod';

/** What a push larger than this (estimated before gzip) waits for on a metered connection. */
export const DEFAULT_LARGE_PUSH_BYTES = 1_000_000;
/** Budgets and thresholds a person could mean: from 100 kB to 1 TB. */
const MIN_SETTING_BYTES = 100_000;
const MAX_SETTING_BYTES = 1_000_000_000_000;

const settingBytes = z.number().int().min(MIN_SETTING_BYTES).max(MAX_SETTING_BYTES);

/** This laptop's connection: set per laptop, never synced (sync/metered.ts). */
export const networkSettingsInput = z.strictObject({
  metered: z.boolean(),
  /** Automatic sync keeps this month's bytes under it; null: no budget. */
  monthlyBudgetBytes: settingBytes.nullable(),
  largePushBytes: settingBytes,
});
export type NetworkSettings = z.output<typeof networkSettingsInput>;

/** The ways bytes travel: sync with the server, sync files, a nearby laptop, an app update. */
export const TRAFFIC_CHANNELS = ['server', 'file', 'peer', 'update'] as const;
export type TrafficChannel = (typeof TRAFFIC_CHANNELS)[number];

export interface ByteCount {
  sent: number;
  received: number;
}

/** Bytes on the wire (compressed) or written to and read from sync files, every way counted. */
export interface TrafficFigures {
  sinceStart: ByteCount;
  thisMonth: ByteCount;
  lastSync: (ByteCount & { channel: TrafficChannel; at: string }) | null;
}

/**
 * Why automatic sync holds back on a metered connection: the month's budget is spent, or the
 * waiting push is large; "Sync now" goes ahead anyway.
 */
export type MeteredWait = 'budget' | 'large-push' | null;
