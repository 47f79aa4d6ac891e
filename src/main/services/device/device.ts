import { statement } from '../../db/statements';
import { randomBytes } from 'node:crypto';
import { createHlc, type Hlc } from '../../../shared/hlc';
import { AppError } from '../../../shared/errors';
import { latestHlc, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';

export interface Device {
  nodeId: string;
  officerName: string;
}

export function getDevice(db: Db): Device | null {
  const row = statement(db, `SELECT node_id, officer_name FROM device WHERE singleton = 1`).get() as
    { node_id: string; officer_name: string } | undefined;
  return row ? { nodeId: row.node_id, officerName: row.officer_name } : null;
}

/** A node id is this laptop's name in every change it writes: random, short, never reused. */
export function createDevice(db: Db, officerName: string, now: Date): Device {
  const nodeId = randomBytes(8).toString('hex');
  statement(db, `INSERT INTO device (singleton, node_id, officer_name, created_at) VALUES (1, ?, ?, ?)`).run(
    nodeId,
    officerName,
    now.toISOString(),
  );
  return { nodeId, officerName };
}

/**
 * Builds the context every write needs. One clock per process and database: it starts after the
 * newest stamp already in the log, so a restart (or a wall clock set back) never reuses a stamp.
 */
export function createWriteContexts(db: Db, now: () => Date): () => WriteContext {
  let hlc: Hlc | null = null;
  return () => {
    const device = getDevice(db);
    if (!device) throw new AppError('NOT_INITIALISED', 'Set up the chapter first.');
    if (!hlc || hlc.node !== device.nodeId) {
      hlc = createHlc(device.nodeId, () => now().getTime(), latestHlc(db));
    }
    return { db, hlc, now, officer: device.officerName };
  };
}
