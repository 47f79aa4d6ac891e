import { statement } from '../../db/statements';
import { randomBytes } from 'node:crypto';
import { createHlc, type Hlc } from '../../../shared/hlc';
import { AppError } from '../../../shared/errors';
import { latestHlc, type WriteContext } from '../../db/changes';
import { databaseFile, type Db } from '../../db/open';
import { readClockFloor } from './clock-floor';

export interface Device {
  nodeId: string;
  officerName: string;
  receiptPrefix: string | null;
}

export function getDevice(db: Db): Device | null {
  const row = statement(
    db,
    `SELECT node_id, officer_name, receipt_prefix FROM device WHERE singleton = 1`,
  ).get() as { node_id: string; officer_name: string; receipt_prefix: string | null } | undefined;
  return row
    ? { nodeId: row.node_id, officerName: row.officer_name, receiptPrefix: row.receipt_prefix }
    : null;
}

function newNodeId(): string {
  return randomBytes(8).toString('hex');
}

/** A node id is this laptop's name in every change it writes: random, short, never reused. */
export function createDevice(db: Db, officerName: string, now: Date): Device {
  const nodeId = newNodeId();
  statement(db, `INSERT INTO device (singleton, node_id, officer_name, created_at) VALUES (1, ?, ?, ?)`).run(
    nodeId,
    officerName,
    now.toISOString(),
  );
  return { nodeId, officerName, receiptPrefix: null };
}

interface DeviceClock {
  hlc: Hlc;
  offsetMs: number;
}

const clocks = new WeakMap<Db, DeviceClock>();

/**
 * Every connection that writes to one file (the app's data thread, an import's worker, a CLI run
 * while the app is open) stamps as the same node, so their clocks must act as one. Before each
 * stamp the clock asks SQLite whether another connection has committed since it last looked
 * (`PRAGMA data_version`, answered from shared memory) and, if so, takes in the stamps of the log
 * entries added since (entries are numbered in commit order, so `seq > last seen` is exactly what
 * it missed). A stamp is drawn inside its write's transaction: under the write lock, or in a read
 * snapshot that SQLite refuses to turn into a write if another connection committed after it
 * began. So two connections can never issue the same stamp, and one node's stamps grow with `seq`.
 */
function sharedHlc(db: Db, hlc: Hlc, seen: { version: number; seq: number }): Hlc {
  const catchUp = () => {
    const version = dataVersion(db);
    if (version === seen.version) return;
    seen.version = version;
    const added = statement(db, `SELECT max(seq) AS seq, max(hlc) AS hlc FROM changes WHERE seq > ?`).get(
      seen.seq,
    ) as { seq: number | null; hlc: string | null };
    if (added.seq !== null) seen.seq = added.seq;
    if (added.hlc !== null) hlc.receive(added.hlc);
  };
  return {
    node: hlc.node,
    now() {
      catchUp();
      return hlc.now();
    },
    receive: (remote) => hlc.receive(remote),
  };
}

function dataVersion(db: Db): number {
  return (statement(db, `PRAGMA data_version`).get() as { data_version: number }).data_version;
}

/**
 * Where a new clock starts: after the newest stamp in the log, or after the one kept beside the file
 * when that is newer (a restored older copy of the file, see clock-floor.ts).
 */
function resumePoint(db: Db): string | undefined {
  const logged = latestHlc(db);
  const file = databaseFile(db);
  const kept = file ? readClockFloor(file) : undefined;
  return kept !== undefined && (logged === undefined || kept > logged) ? kept : logged;
}

/**
 * This laptop's clock for one database, shared by local writes and by sync. Its wall time is the
 * system time corrected by the offset learned from the sync server, so a laptop whose date is
 * wrong still stamps its edits in the right order. It starts after the newest stamp in the log, so
 * a restart (or a wall clock set back) never reuses or reorders stamps, and it keeps up with other
 * connections writing to the same file (see sharedHlc).
 */
/** `resumeAfter` overrides where the clock resumes (null: from nothing), for re-timing. */
export function deviceClock(
  db: Db,
  now: () => Date,
  nodeId: string,
  resumeAfter?: string | null,
): DeviceClock {
  const existing = clocks.get(db);
  if (existing && existing.hlc.node === nodeId) return existing;
  const offset = statement(db, `SELECT clock_offset_ms AS ms FROM sync_state WHERE singleton = 1`).get() as
    { ms: number } | undefined;
  // The version first: a commit landing between these reads is then seen again, never missed.
  const version = dataVersion(db);
  const top = statement(db, `SELECT max(seq) AS seq FROM changes`).get() as { seq: number | null };
  const clock: DeviceClock = { offsetMs: offset?.ms ?? 0, hlc: null as unknown as Hlc };
  clock.hlc = sharedHlc(
    db,
    createHlc(
      nodeId,
      () => now().getTime() + clock.offsetMs,
      resumeAfter === undefined ? resumePoint(db) : (resumeAfter ?? undefined),
    ),
    { version, seq: top.seq ?? 0 },
  );
  clocks.set(db, clock);
  return clock;
}

/** Forgets the clock so the next write rebuilds it (after stamps in the log were re-timed). */
export function resetDeviceClock(db: Db): void {
  clocks.delete(db);
}

/** Whether nothing in the change log carries this laptop's node id yet, so it can still change. */
export function nodeIdUnused(db: Db): boolean {
  const device = getDevice(db);
  return !device || !statement(db, `SELECT 1 FROM changes WHERE node_id = ? LIMIT 1`).get(device.nodeId);
}

/** Draws a new node id for a laptop that has written nothing yet (see nodeIdUnused). */
export function redrawNodeId(db: Db): string {
  const nodeId = newNodeId();
  statement(db, `UPDATE device SET node_id = ? WHERE singleton = 1`).run(nodeId);
  resetDeviceClock(db);
  return nodeId;
}

/** Builds the context every write needs, for the officer and laptop recorded at setup. */
export function createWriteContexts(db: Db, now: () => Date): () => WriteContext {
  return () => {
    const device = getDevice(db);
    if (!device) throw new AppError('NOT_INITIALISED', 'Set up the chapter first.');
    return { db, hlc: deviceClock(db, now, device.nodeId).hlc, now, officer: device.officerName };
  };
}

/** Names the officer using this laptop from now on: every change it writes carries the name. */
export function setOfficerName(db: Db, officerName: string): void {
  statement(db, `UPDATE device SET officer_name = ? WHERE singleton = 1`).run(officerName);
}
