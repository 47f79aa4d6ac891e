import {
  nodeIdSchema,
  SYNC_LIMITS,
  SYNC_PROTOCOL_VERSION,
  SYNC_SCHEMA_VERSION,
} from '../../shared/sync-protocol';
import { databaseFile, type Db } from '../db/open';
import { raiseClockFloor } from '../services/device/clock-floor';
import { statement } from '../db/statements';
import { createWriteContexts, deviceClock, getDevice, resetDeviceClock } from '../services/device/device';
import { settleMemberIds } from '../services/members/settle';
import { scrubDatabaseFile } from '../db/erasure';
import { applyPulled, recomputeField, replayHeld } from './apply';
import { confirmChapterKey } from './chapter-key';
import { checkLaptopPrefix } from '../services/payments/receipts';
import {
  dropEntry,
  markPushed,
  markRejected,
  nextBatch,
  oldestUnpushedSeq,
  pendingCount,
  separateEntries,
} from './outbox';
import { clearResync, resyncPending } from './resync';
import { getSyncState, updateSyncState } from './state';
import { SyncTransportError, type SyncTransport } from './transport';

export interface SyncDeps {
  db: Db;
  now: () => Date;
  transport: SyncTransport;
  pullPageSize?: number;
  onProgress?: (progress: SyncProgress) => void;
  /** False: this laptop's changes wait (a large push on a metered connection); it only pulls. */
  push?: boolean;
}

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  /** Known for push (the outbox size at the start); unknown for pull. */
  total: number | null;
}

export interface SyncSummary {
  pushed: number;
  pulled: number;
  conflicts: number;
  rejected: number;
  retimed: number;
  /** Pulled changes set aside instead of applied: a column this version lacks, or a refused value. */
  held: number;
  /** Erasures pulled and applied: the person's data is gone from this laptop. */
  erased: number;
  /** Changes of erased people dropped: this laptop's own the server refused, and pulled ones. */
  dropped: number;
}

/**
 * Offset of the server's clock from ours, from a reply's serverTime and the request's midpoint.
 * Within the measurement's own uncertainty (the round trip, and at least a second) the clocks are
 * taken to agree: correcting by noise would reorder edits made a moment apart.
 */
export function offsetFrom(serverTime: number, sentAt: number, receivedAt: number): number {
  const offset = Math.round(serverTime - (sentAt + receivedAt) / 2);
  return Math.abs(offset) <= Math.max(1_000, receivedAt - sentAt) ? 0 : offset;
}

/**
 * Gives waiting changes stamped too far in the future (made before this laptop learned its clock
 * was wrong) new stamps from the corrected clock, keeping their order. They still win over older
 * edits and nothing is dropped.
 */
function retimeFutureChanges(db: Db, now: () => Date, nodeId: string, limitWall: number): number {
  const limit = String(limitWall).padStart(15, '0');
  const future = statement(
    db,
    `SELECT DISTINCT hlc FROM changes WHERE pushed = 0 AND hlc > ? ORDER BY hlc`,
  ).all(limit) as { hlc: string }[];
  if (future.length === 0) return 0;
  const { last } = statement(db, `SELECT max(hlc) AS last FROM changes WHERE hlc <= ?`).get(limit) as {
    last: string | null;
  };
  resetDeviceClock(db);
  const clock = deviceClock(db, now, nodeId, last).hlc;
  const restamp = statement(db, `UPDATE changes SET hlc = ? WHERE pushed = 0 AND hlc = ?`);
  let count = 0;
  for (const { hlc } of future) count += restamp.run(clock.now(), hlc).changes;
  return count;
}

async function push(deps: SyncDeps, nodeId: string, summary: SyncSummary): Promise<void> {
  const { db, transport, now } = deps;
  const total = pendingCount(db);
  let done = 0;
  let retimedRound = false;
  for (;;) {
    let batch = nextBatch(db);
    if (batch.changes.length === 0) return;
    const state = getSyncState(db)!;
    const sentAt = now().getTime();
    const reply = await transport.push({
      protocol: SYNC_PROTOCOL_VERSION,
      schema: SYNC_SCHEMA_VERSION,
      nodeId,
      clientSeq: state.nextClientSeq,
      changes: batch.changes,
    });
    const offset = offsetFrom(reply.serverTime, sentAt, now().getTime());
    const clockAhead: number[] = [];
    db.transaction(() => {
      batch = separateEntries(
        db,
        batch,
        reply.rejected.map((r) => r.index),
      );
      const refused = new Set<number>();
      for (const rejection of reply.rejected) {
        const seq = batch.seqs[rejection.index];
        if (seq === undefined) continue;
        refused.add(seq);
        if (rejection.code === 'CLOCK_AHEAD') {
          clockAhead.push(seq);
          continue;
        }
        // An edit of a person erased elsewhere: dropped, as the erasure will drop it when pulled.
        if (rejection.problem?.code === 'ERASED') {
          dropEntry(db, seq);
          summary.dropped++;
          continue;
        }
        // The stable code when the server gives one (VALUE_INVALID…), as for a pulled change held aside.
        markRejected(db, seq, `${rejection.problem?.code ?? rejection.code}: ${rejection.reason}`);
        const change = batch.changes[rejection.index]!;
        recomputeField(db, change.tbl, change.rowId, change.col, now());
        summary.rejected++;
      }
      markPushed(
        db,
        batch.seqs.filter((seq) => !refused.has(seq)),
      );
      updateSyncState(db, { nextClientSeq: state.nextClientSeq + 1, clockOffsetMs: offset });
      deviceClock(db, now, nodeId).offsetMs = offset;
    })();
    summary.pushed += batch.seqs.length - reply.rejected.length;
    done += batch.entries;
    deps.onProgress?.({ phase: 'push', done, total });

    if (clockAhead.length > 0) {
      if (retimedRound) {
        throw new SyncTransportError(
          'CLOCK_AHEAD',
          "The server refuses this laptop's changes because its clock is ahead. Set the correct date and time, then sync again.",
        );
      }
      const limitWall = reply.serverTime + SYNC_LIMITS.maxClockAheadMs;
      summary.retimed += db.transaction(() => retimeFutureChanges(db, now, nodeId, limitWall))();
      retimedRound = true;
    }
  }
}

/** The names other laptops enrolled with, as the server relays them; this laptop is "this laptop". */
function rememberLaptopNames(db: Db, names: Record<string, string>, ownNodeId: string): void {
  const upsert = statement(
    db,
    `INSERT INTO laptop_names (node_id, name) VALUES (?, ?)
     ON CONFLICT (node_id) DO UPDATE SET name = excluded.name WHERE name IS NOT excluded.name`,
  );
  for (const [node, name] of Object.entries(names)) {
    if (node !== ownNodeId && nodeIdSchema.safeParse(node).success) upsert.run(node, name.slice(0, 200));
  }
}

async function pull(deps: SyncDeps, nodeId: string, summary: SyncSummary): Promise<void> {
  const { db, transport, now } = deps;
  const limit = deps.pullPageSize ?? SYNC_LIMITS.defaultPullLimit;
  const { concurrentAfterSeq, chapterId } = getSyncState(db)!;
  // After a restore, what this laptop pushed after the backup comes back too (see resync.ts).
  const ownToo = resyncPending(db, nodeId);
  let done = 0;
  let stalled = 0;
  for (;;) {
    const cursor = getSyncState(db)!.pullCursor;
    const page = await transport.pull(cursor, limit, ownToo);
    db.transaction(() => {
      const applied = applyPulled(
        { db, nodeId, now, hlc: deviceClock(db, now, nodeId).hlc, concurrentAfterSeq, chapterId },
        page.changes,
      );
      // Two laptops that drew the same prefix offline find out here; this one moves on.
      if (
        page.changes.some(
          (c) =>
            (c.tbl === 'payments' && c.col === 'receipt_number') ||
            (c.tbl === 'members' && c.col === 'member_number'),
        )
      ) {
        checkLaptopPrefix(db, nodeId);
      }
      rememberLaptopNames(db, page.laptops ?? {}, nodeId);
      summary.pulled += applied.applied + applied.held;
      summary.held += applied.held;
      summary.conflicts += applied.conflicts;
      summary.erased += applied.erased;
      summary.dropped += applied.dropped;
      // The cursor moves in the same transaction as the data it covers, never ahead of it.
      updateSyncState(db, { pullCursor: Math.max(cursor, page.next) });
    })();
    done += page.changes.length;
    deps.onProgress?.({ phase: 'pull', done, total: null });
    // A page can be empty and still not the last (it held only this laptop's own changes), and a
    // proxy or a retry can hand back a page from before the cursor: go on while the server says
    // there is more, giving up only if the cursor stops moving.
    if (!page.more) {
      if (ownToo) clearResync(db);
      return;
    }
    stalled = page.next <= cursor ? stalled + 1 : 0;
    if (stalled >= 3) return;
  }
}

/**
 * One full sync: push the outbox in small batches, then pull and apply until up to date. Every
 * step commits on its own, so a link that drops mid-way loses nothing: the next run resends what
 * was not acknowledged (the server ignores what it already has) and pulls from the last cursor.
 */
export async function runSync(deps: SyncDeps): Promise<SyncSummary> {
  const { db, now } = deps;
  const state = getSyncState(db);
  const device = getDevice(db);
  if (!state || !device) {
    throw new SyncTransportError('NOT_ENROLLED', 'This laptop is not connected to a sync server yet.');
  }
  const summary: SyncSummary = {
    pushed: 0,
    pulled: 0,
    conflicts: 0,
    rejected: 0,
    retimed: 0,
    held: 0,
    erased: 0,
    dropped: 0,
  };
  summary.erased += replayHeld(db, now(), state.chapterId).erased;
  try {
    // Nothing is pushed under a key the chapter may not share: ids made with it would not converge.
    await confirmChapterKey(db, deps.transport);
    if (deps.push !== false) await push(deps, device.nodeId, summary);
    // Local changes past the baseline are checked against what the pull brings. A change still
    // waiting (its push held back on a metered connection) is concurrent with every pulled one, so
    // the baseline stays below it; otherwise a later edit elsewhere would replace it with no conflict.
    const newest =
      (statement(db, `SELECT max(seq) AS seq FROM changes`).get() as { seq: number | null }).seq ?? 0;
    const waiting = oldestUnpushedSeq(db);
    const baseline = waiting === null ? newest : Math.min(newest, waiting - 1);
    await pull(deps, device.nodeId, summary);
    // Merges and ids from before chapter keys settle as edits: pushed now, not at the next sync.
    const settled = settleMemberIds(
      { db, now, writeContext: createWriteContexts(db, now) },
      getSyncState(db)!.membersSettledSeq,
    );
    updateSyncState(db, { membersSettledSeq: settled.through });
    if (settled.wrote && deps.push !== false) await push(deps, device.nodeId, summary);
    updateSyncState(db, {
      concurrentAfterSeq: baseline,
      lastSyncAt: now().toISOString(),
      lastErrorCode: null,
      lastError: null,
    });
    // The erased data is out of the tables; this takes its bytes out of the file and the WAL.
    if (summary.erased > 0 || summary.dropped > 0) scrubDatabaseFile(db);
    // Kept beside the file, so a clock restarted on an older copy of it never goes back (clock-floor.ts).
    const file = databaseFile(db);
    if (file) raiseClockFloor(file, deviceClock(db, now, device.nodeId).hlc.now());
    return summary;
  } catch (error) {
    const code = error instanceof SyncTransportError ? error.code : 'INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    updateSyncState(db, { lastErrorCode: code, lastError: message });
    throw error;
  }
}
