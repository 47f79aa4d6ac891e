import {
  TRAFFIC_CHANNELS,
  type ByteCount,
  type TrafficChannel,
  type TrafficFigures,
} from '../../shared/network';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** Counted since this connection opened: since the app started, for the app's data thread. */
const sinceStart = new WeakMap<Db, ByteCount>();

/** The calendar month in this laptop's local time, as its data plan counts it: "2026-12". */
export function monthOf(now: Date): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** Exchanges not yet written because another writer held the file, per connection (see below). */
const unwritten = new WeakMap<Db, { channel: TrafficChannel; bytes: ByteCount; at: Date }[]>();

/**
 * Adds one exchange's bytes (a sync, a file written or loaded, a peer session, an update) to this
 * month's and to the figures since start, and keeps it as the last exchange. Counting never fails
 * what it counts: when another writer (an import) holds the file past the busy timeout, the count
 * is kept in memory and written with the next one, so a sync that worked is not reported failed
 * and no byte goes uncounted.
 */
export function recordTraffic(db: Db, channel: TrafficChannel, bytes: ByteCount, now: Date): void {
  const sent = Math.max(0, Math.round(bytes.sent));
  const received = Math.max(0, Math.round(bytes.received));
  const counted = sinceStart.get(db) ?? { sent: 0, received: 0 };
  sinceStart.set(db, { sent: counted.sent + sent, received: counted.received + received });
  const waiting = [...(unwritten.get(db) ?? []), { channel, bytes: { sent, received }, at: now }];
  try {
    db.transaction(() => {
      for (const entry of waiting) writeExchange(db, entry.channel, entry.bytes, entry.at);
    })();
    unwritten.delete(db);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
    unwritten.set(db, waiting);
  }
}

function writeExchange(db: Db, channel: TrafficChannel, bytes: ByteCount, now: Date): void {
  statement(
    db,
    `INSERT INTO sync_traffic (month, channel, sent, received) VALUES (?, ?, ?, ?)
     ON CONFLICT (month, channel) DO UPDATE SET sent = sent + excluded.sent,
       received = received + excluded.received`,
  ).run(monthOf(now), channel, bytes.sent, bytes.received);
  statement(
    db,
    `INSERT INTO sync_traffic_last (singleton, channel, sent, received, at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (singleton) DO UPDATE SET channel = excluded.channel, sent = excluded.sent,
       received = excluded.received, at = excluded.at`,
  ).run(channel, bytes.sent, bytes.received, now.toISOString());
}

/** This month's bytes, every way together or over the given channels only. */
export function monthTraffic(
  db: Db,
  now: Date,
  channels: readonly TrafficChannel[] = TRAFFIC_CHANNELS,
): ByteCount {
  return statement(
    db,
    `SELECT coalesce(sum(sent), 0) AS sent, coalesce(sum(received), 0) AS received
     FROM sync_traffic WHERE month = ? AND channel IN (SELECT value FROM json_each(?))`,
  ).get(monthOf(now), JSON.stringify(channels)) as ByteCount;
}

export function trafficFigures(db: Db, now: Date): TrafficFigures {
  const last = statement(
    db,
    `SELECT channel, sent, received, at FROM sync_traffic_last WHERE singleton = 1`,
  ).get() as TrafficFigures['lastSync'] | undefined;
  return {
    sinceStart: { ...(sinceStart.get(db) ?? { sent: 0, received: 0 }) },
    thisMonth: monthTraffic(db, now),
    lastSync: last ?? null,
  };
}
