import { AppError } from '../../../shared/errors';
import type { ImportBatchView } from '../../../shared/imports';
import { writeRow, type RowValues, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import type { ImportField } from './fields';

export type ImportBatch = ImportBatchView;

interface BatchRow {
  id: string;
  file_name: string;
  officer: string;
  created_at: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  possible_duplicates: number;
  undone_at: string | null;
}

const toBatch = (r: BatchRow): ImportBatch => ({
  id: r.id,
  fileName: r.file_name,
  officer: r.officer,
  createdAt: r.created_at,
  rows: r.rows,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
  possibleDuplicates: r.possible_duplicates,
  undoneAt: r.undone_at,
});

export function listImports(db: Db): ImportBatch[] {
  return (
    statement(db, `SELECT * FROM import_batches ORDER BY created_at DESC, rowid DESC`).all() as BatchRow[]
  ).map(toBatch);
}

/**
 * Puts back exactly what was there before the import, as ordinary edits through the change log:
 * members it created are deleted (tombstones, as every delete), fields it changed get their old
 * values. Works after a restart; an import is undone once.
 */
export function undoImport(ctx: WriteContext, batchId: string): ImportBatch {
  const { db } = ctx;
  return db.transaction(() => {
    const batch = statement(db, `SELECT * FROM import_batches WHERE id = ?`).get(batchId) as
      BatchRow | undefined;
    if (!batch) throw new AppError('NOT_FOUND', `No import with id ${batchId}.`);
    if (batch.undone_at)
      throw new AppError('CONFLICT', `This import was already undone on ${batch.undone_at}.`);
    const effects = statement(
      db,
      `SELECT member_id, action, previous FROM import_effects WHERE batch_id = ?`,
    ).all(batchId) as { member_id: string; action: 'created' | 'updated'; previous: string | null }[];
    for (const effect of effects) {
      if (effect.action === 'created') writeRow(ctx, 'members', effect.member_id, { deleted: 1 });
      else writeRow(ctx, 'members', effect.member_id, JSON.parse(effect.previous ?? '{}') as RowValues);
    }
    const undoneAt = ctx.now().toISOString();
    statement(db, `UPDATE import_batches SET undone_at = ? WHERE id = ?`).run(undoneAt, batchId);
    return toBatch({ ...batch, undone_at: undoneAt });
  })();
}

/** The column fields chosen for files whose headers have this key, to offer them again. */
export function rememberedFields(db: Db, mappingKey: string): (ImportField | null)[] | null {
  const row = statement(db, `SELECT fields FROM import_mappings WHERE mapping_key = ?`).get(mappingKey) as
    { fields: string } | undefined;
  return row ? (JSON.parse(row.fields) as (ImportField | null)[]) : null;
}

export function rememberFields(db: Db, mappingKey: string, fields: (ImportField | null)[], now: Date): void {
  statement(
    db,
    `INSERT INTO import_mappings (mapping_key, fields, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (mapping_key) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at`,
  ).run(mappingKey, JSON.stringify(fields), now.toISOString());
}
