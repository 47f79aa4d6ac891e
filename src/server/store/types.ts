import type { Change, FieldState, PulledChange } from '../../shared/sync-protocol';

export interface ChapterRecord {
  id: string;
  name: string;
  createdAt: Date;
  /** The chapter's highest server_seq. */
  lastSeq: number;
}

export interface ChapterSummary extends ChapterRecord {
  activeDevices: number;
  revokedDevices: number;
  lastSyncAt: Date | null;
}

export interface DeviceRecord {
  id: string;
  chapterId: string;
  chapterName: string;
  name: string;
  nodeId: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  lastPushAt: Date | null;
  lastPullAt: Date | null;
  lastClientSeq: number | null;
  revokedAt: Date | null;
}

/** What a request is allowed to act as, once its bearer token has been matched. */
export interface DeviceIdentity {
  id: string;
  chapterId: string;
  nodeId: string;
  revokedAt: Date | null;
}

export type EnrolmentOutcome =
  | { ok: true; chapter: { id: string; name: string; key: string | null } }
  /** `node-taken`: another device, not revoked, already writes as this node id; the code is not spent. */
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'node-taken' };

export interface AppliedPush {
  accepted: number;
  duplicates: number;
  /**
   * Indexes (in the changes given) of changes refused because they would bring back data of a
   * person erased for good: an erased row's fields, a note of an erased member's payment.
   */
  erased: number[];
}

/**
 * One member's status inputs as stored: JSON text straight from the LWW state (a client may
 * have written anything there), parsed and judged by member-status.ts.
 */
/** Raw last-writer-wins values (JSON text) a member's status is computed from. */
export interface MemberFacts {
  chapterId: string;
  memberId: string;
  deleted: string | null;
  paidThrough: string | null;
  /** The latest period_to of the member's payments that are not voided. */
  paymentsThrough: string | null;
  typeKind: string | null;
  typeGraceDays: string | null;
  graceDays: string | null;
  timeZone: string | null;
}

export interface SyncStore {
  createChapter(input: { id: string; name: string; at: Date }): Promise<ChapterRecord>;
  findChapter(id: string): Promise<ChapterRecord | null>;
  listChapters(): Promise<ChapterSummary[]>;

  createEnrolmentCode(input: {
    codeHash: string;
    chapterId: string;
    at: Date;
    expiresAt: Date;
  }): Promise<void>;
  /**
   * Spends a one-time code and registers the device, atomically. A node id is one laptop's: it is
   * refused while a device that is not revoked has it, unless `previousTokenHash` is the hash of a
   * token issued to that node id (the laptop itself, enrolling again), whose earlier devices are then
   * revoked, so one node id never has two devices syncing.
   */
  enrolDevice(input: {
    codeHash: string;
    deviceId: string;
    tokenHash: string;
    nodeId: string;
    previousTokenHash: string | null;
    name: string;
    /** The enrolling laptop's chapter key: kept if the chapter has none yet. */
    chapterKey?: string | null;
    at: Date;
  }): Promise<EnrolmentOutcome>;
  /** The chapter's key for member ids; `offered` becomes it if it has none yet. */
  chapterKey(chapterId: string, offered: string | null): Promise<string | null>;

  findDeviceByTokenHash(tokenHash: string): Promise<DeviceIdentity | null>;
  listDevices(): Promise<DeviceRecord[]>;
  /** Idempotent; null if there is no such device. */
  revokeDevice(id: string, at: Date): Promise<DeviceRecord | null>;
  recordDeviceActivity(id: string, activity: 'pull' | 'seen', at: Date): Promise<void>;

  /**
   * Appends the changes that are not already stored (same chapter, node, hlc, table, row and
   * column), numbers them under the chapter lock and folds them into the LWW state, all in one
   * transaction. The changes must already be validated. A change of an erased person is refused;
   * an erasure deletes every stored change and field of what it erases (shared/erasure.ts).
   */
  applyPush(input: {
    chapterId: string;
    deviceId: string;
    clientSeq: number;
    changes: readonly Change[];
    at: Date;
  }): Promise<AppliedPush>;
  /**
   * Changes after `after`, in seq order. With `excludeNode`, that node's own changes are skipped
   * in the database, and `scannedTo` tells how far the scan went (so a device whose own changes
   * fill the log does not walk past them page by page).
   */
  pull(
    chapterId: string,
    after: number,
    limit: number,
    excludeNode?: string,
  ): Promise<{
    changes: PulledChange[];
    more: boolean;
    scannedTo: number;
    /** Node id -> the name its laptop enrolled with, for the node ids of `changes`. */
    laptops: Record<string, string>;
  }>;
  /**
   * Hands the chapter's LWW state to `onPage` in (tbl, rowId, col) order from one consistent
   * snapshot, and returns the chapter's last seq in that snapshot.
   */
  scanFieldState(chapterId: string, onPage: (fields: FieldState[]) => void): Promise<{ seq: number }>;
  memberFacts(): Promise<MemberFacts[]>;

  /** Resolves when the database answers; for the health check. */
  ping(): Promise<void>;
  /** The newest server migration applied to the database; for the readiness check. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
