import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import { databaseFile, type Db } from '../../db/open';
import { scrubDatabaseFile } from '../../db/erasure';
import { statement } from '../../db/statements';
import { getChapter } from '../../services/chapter/chapter';
import { getChapterKey } from '../../services/chapter/key';
import { raiseClockFloor } from '../../services/device/clock-floor';
import { createWriteContexts, deviceClock, getDevice } from '../../services/device/device';
import { settleMemberIds } from '../../services/members/settle';
import { checkLaptopPrefix } from '../../services/payments/receipts';
import { applyPulled, replayHeld } from '../apply';
import { getSyncState, updateSyncState } from '../state';
import { recordTraffic } from '../traffic';
import { decodeSyncFile, syncFileFormat, type DecodedSyncFile } from './format';

export interface SyncFileImport {
  /** Changes this laptop did not have (set aside ones included, as a pull counts them). */
  applied: number;
  /** Changes it had already: from this file before, another file, the server, or its own. */
  alreadyHad: number;
  conflicts: number;
}

/**
 * The seq after which this laptop's own changes were not known to the file's writer: its changes
 * stamped after the newest of them the writer held. Those are what a change in the file can meet
 * as a conflict, as a pull's are the changes made since the previous pull.
 */
function unseenAfterSeq(db: Db, file: DecodedSyncFile, nodeId: string): number {
  const seen = file.seen[nodeId];
  if (seen === undefined) return 0;
  const row = statement(db, `SELECT max(seq) AS seq FROM changes WHERE node_id = ? AND hlc <= ?`).get(
    nodeId,
    seen,
  ) as { seq: number | null };
  return row.seq ?? 0;
}

/**
 * Loads a sync file through the pull's own apply path (last writer wins per field, conflicts, held
 * changes, derived columns computed again, member ids settled), all in one transaction: a file
 * refused (not a sync file, damaged, newer, another chapter's) applies nothing, and a change this
 * laptop already has is counted, not applied again, wherever it came from.
 */
export function importSyncFile(
  db: Db,
  bytes: Buffer,
  now: () => Date,
  /** `countTraffic: false` when a peer session brought it: that counts its bytes on the wire as 'peer'. */
  options: { countTraffic?: boolean } = {},
): SyncFileImport {
  syncFileFormat(bytes);
  const device = getDevice(db);
  const chapter = getChapter(db);
  if (!device || !chapter) {
    // Joining needs the chapter's key and id, which only enrolment with the server gives (a file
    // carries neither secret): a laptop joins by the server once, then files can carry the rest.
    throw new AppError(
      'NOT_INITIALISED',
      'This chapter file holds no chapter yet. Join the chapter through its sync server first; sync files carry changes between laptops that have joined it. Nothing was applied.',
      { problem: problem('SYNC_FILE_NO_CHAPTER') },
    );
  }
  const file = decodeSyncFile(bytes, now(), getChapterKey(db).key);
  if (file.chapterId !== chapter.id) {
    throw new AppError(
      'VALIDATION',
      `This sync file is from another chapter (${file.chapterId}, this one is ${chapter.id}). Nothing was applied.`,
      { problem: problem('SYNC_FILE_OTHER_CHAPTER') },
    );
  }
  const state = getSyncState(db);
  let erased = 0;
  const result = db.transaction((): SyncFileImport => {
    const applied = applyPulled(
      {
        db,
        nodeId: device.nodeId,
        now,
        hlc: deviceClock(db, now, device.nodeId).hlc,
        concurrentAfterSeq: unseenAfterSeq(db, file, device.nodeId),
        chapterId: chapter.id,
      },
      file.changes,
    );
    erased = applied.erased;
    // A value that came before its field (in an earlier file, or a part loaded first) applies now.
    erased += replayHeld(db, now(), chapter.id).erased;
    if (
      file.changes.some(
        (c) =>
          (c.tbl === 'payments' && c.col === 'receipt_number') ||
          (c.tbl === 'members' && c.col === 'member_number'),
      )
    ) {
      checkLaptopPrefix(db, device.nodeId);
    }
    const settled = settleMemberIds(
      { db, now, writeContext: createWriteContexts(db, now) },
      state?.membersSettledSeq ?? 0,
    );
    if (state) updateSyncState(db, { membersSettledSeq: settled.through });
    return {
      applied: applied.applied + applied.held,
      alreadyHad: applied.duplicates + applied.dropped,
      conflicts: applied.conflicts,
    };
  })();
  // A loaded file's size is what it cost to receive (sync/traffic.ts); a refused one applied nothing.
  if (options.countTraffic !== false) recordTraffic(db, 'file', { sent: 0, received: bytes.length }, now());
  if (erased > 0) scrubDatabaseFile(db);
  const path = databaseFile(db);
  if (path) raiseClockFloor(path, deviceClock(db, now, device.nodeId).hlc.now());
  return result;
}
