import type { Db } from '../db/open';
import { statement } from '../db/statements';

export interface SyncState {
  serverUrl: string;
  token: string;
  deviceId: string;
  chapterId: string;
  pullCursor: number;
  nextClientSeq: number;
  clockOffsetMs: number;
  concurrentAfterSeq: number;
  /** The change log up to this seq has been looked through by `settleMemberIds`. */
  membersSettledSeq: number;
  lastSyncAt: string | null;
  lastErrorCode: string | null;
  lastError: string | null;
}

interface SyncStateRow {
  server_url: string;
  token: string;
  device_id: string;
  chapter_id: string;
  pull_cursor: number;
  next_client_seq: number;
  clock_offset_ms: number;
  concurrent_after_seq: number;
  members_settled_seq: number;
  last_sync_at: string | null;
  last_error_code: string | null;
  last_error: string | null;
}

export function getSyncState(db: Db): SyncState | null {
  const r = statement(db, `SELECT * FROM sync_state WHERE singleton = 1`).get() as SyncStateRow | undefined;
  if (!r) return null;
  return {
    serverUrl: r.server_url,
    token: r.token,
    deviceId: r.device_id,
    chapterId: r.chapter_id,
    pullCursor: r.pull_cursor,
    nextClientSeq: r.next_client_seq,
    clockOffsetMs: r.clock_offset_ms,
    concurrentAfterSeq: r.concurrent_after_seq,
    membersSettledSeq: r.members_settled_seq,
    lastSyncAt: r.last_sync_at,
    lastErrorCode: r.last_error_code,
    lastError: r.last_error,
  };
}

export function saveEnrollment(
  db: Db,
  e: { serverUrl: string; token: string; deviceId: string; chapterId: string; clockOffsetMs: number },
): void {
  statement(
    db,
    `INSERT INTO sync_state (singleton, server_url, token, device_id, chapter_id, clock_offset_ms)
     VALUES (1, @serverUrl, @token, @deviceId, @chapterId, @clockOffsetMs)
     ON CONFLICT (singleton) DO UPDATE SET server_url = excluded.server_url, token = excluded.token,
       device_id = excluded.device_id, chapter_id = excluded.chapter_id, clock_offset_ms = excluded.clock_offset_ms,
       last_error_code = NULL, last_error = NULL`,
  ).run(e);
}

/** Replaces the stored token by another form of itself (sealed by the keystore). */
export function saveToken(db: Db, token: string): void {
  statement(db, `UPDATE sync_state SET token = ? WHERE singleton = 1`).run(token);
}

const COLUMNS: Record<keyof Omit<SyncState, 'serverUrl' | 'token' | 'deviceId' | 'chapterId'>, string> = {
  pullCursor: 'pull_cursor',
  nextClientSeq: 'next_client_seq',
  clockOffsetMs: 'clock_offset_ms',
  concurrentAfterSeq: 'concurrent_after_seq',
  membersSettledSeq: 'members_settled_seq',
  lastSyncAt: 'last_sync_at',
  lastErrorCode: 'last_error_code',
  lastError: 'last_error',
};

export function updateSyncState(
  db: Db,
  patch: Partial<Record<keyof typeof COLUMNS, string | number | null>>,
): void {
  const keys = Object.keys(patch) as (keyof typeof COLUMNS)[];
  if (keys.length === 0) return;
  statement(
    db,
    `UPDATE sync_state SET ${keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ')} WHERE singleton = 1`,
  ).run(patch);
}
