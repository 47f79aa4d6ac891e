import { expandChange, type ChangeRow } from '../../src/main/db/changes';
import { DERIVED_FIELDS } from '../../src/shared/fields';
import type { Db } from '../../src/main/db/open';

export type LoggedField = Omit<ChangeRow, 'officer'> & { pushed: number };

/** The change log as field changes (a row's creation expanded to its fields), in log order. */
export function fieldLog(db: Db): LoggedField[] {
  return (
    db
      .prepare(`SELECT seq, tbl, row_id, col, value, hlc, node_id, pushed FROM changes ORDER BY seq`)
      .all() as LoggedField[]
  ).flatMap(expandChange);
}

/** The fields of the log that travel: derived columns are computed on each laptop and never sent. */
export function travellingFieldLog(db: Db): LoggedField[] {
  return fieldLog(db).filter((f) => !DERIVED_FIELDS.has(`${f.tbl}.${f.col}`));
}
