import type { ChangeAuthor } from '../../shared/domain';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { getDevice } from '../services/device/device';

/**
 * Names the author of a change for people: the officer the change carried, and this laptop or the
 * name another laptop enrolled with (learnt from the server with pulled changes).
 */
export function authorOf(db: Db): (nodeId: string, officer: string | null) => ChangeAuthor {
  const own = getDevice(db)?.nodeId;
  const names = new Map<string, string | null>();
  const lookup = statement(db, `SELECT name FROM laptop_names WHERE node_id = ?`);
  return (nodeId, officer) => {
    if (nodeId === own) return { officer, laptop: null, thisLaptop: true };
    if (!names.has(nodeId)) {
      const row = lookup.get(nodeId) as { name: string } | undefined;
      names.set(nodeId, row?.name ?? null);
    }
    return { officer, laptop: names.get(nodeId)!, thisLaptop: false };
  };
}

/** The officer a stamped change carried (every entry of one write carries the same). */
export function officerOf(db: Db, table: string, rowId: string, hlc: string, nodeId: string): string | null {
  const row = statement(
    db,
    `SELECT officer FROM changes WHERE tbl = ? AND row_id = ? AND hlc = ? AND node_id = ? LIMIT 1`,
  ).get(table, rowId, hlc, nodeId) as { officer: string | null } | undefined;
  return row?.officer ?? null;
}
