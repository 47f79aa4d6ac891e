import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type { ImportBatchView, ImportUndoView } from '../../../shared/imports';
import { writeRow, type RowValues, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { fieldValueId } from '../../../shared/custom-fields';
import { getCustomField } from '../custom-fields/fields';
import { derivedColumns, type MemberDbRow } from '../members/row';
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

function memberName(db: Db, id: string): string {
  const row = statement(db, `SELECT first_name, last_name, email FROM members WHERE id = ?`).get(id) as
    { first_name: string | null; last_name: string | null; email: string | null } | undefined;
  return [row?.first_name, row?.last_name].filter(Boolean).join(' ') || row?.email || '';
}

export function listImports(db: Db): ImportBatch[] {
  return (
    statement(db, `SELECT * FROM import_batches ORDER BY created_at DESC, rowid DESC`).all() as BatchRow[]
  ).map(toBatch);
}

/** Derived from other columns: recomputed from what Undo puts back, never restored on their own. */
const DERIVED = new Set(['sort_name', 'phone_e164']);

const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);

/**
 * Puts back what an import changed on one member, field by field, only where the field still holds
 * what the import wrote: a later edit, here or synced from another laptop, is kept. Returns the
 * fields left alone. Effects recorded before version 10 hold no written values and restore as before.
 */
function undoUpdate(
  ctx: WriteContext,
  chapter: { country: string; locale: string },
  memberId: string,
  previous: RowValues,
  written: RowValues | null,
): string[] {
  const current = statement(ctx.db, `SELECT * FROM members WHERE id = ?`).get(memberId) as
    (RowValues & MemberDbRow) | undefined;
  if (!current) return [];
  const restore: RowValues = {};
  const kept: string[] = [];
  for (const [column, before] of Object.entries(previous)) {
    if (DERIVED.has(column)) continue;
    if (written === null || same(current[column], written[column])) restore[column] = before;
    else if (!same(current[column], before)) kept.push(column);
  }
  if (Object.keys(restore).length === 0) return kept;
  const next = { ...current, ...restore } as MemberDbRow;
  const values: RowValues = { ...restore, ...derivedColumns(next, chapter) };
  const changed = Object.entries(values).filter(([column, value]) => !same(current[column], value));
  if (changed.length > 0) writeRow(ctx, 'members', memberId, Object.fromEntries(changed));
  return kept;
}

/** An effect's values: the member's own columns, and the custom fields' (`custom:<field id>`). */
function splitCustom(values: RowValues): { member: RowValues; custom: RowValues } {
  const member: RowValues = {};
  const custom: RowValues = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith('custom:')) custom[key.slice('custom:'.length)] = value;
    else member[key] = value;
  }
  return { member, custom };
}

/**
 * Puts back the member's values of custom fields the import wrote, where they still hold what it
 * wrote; returns the labels of those edited since, which are kept.
 */
function undoCustomValues(
  ctx: WriteContext,
  memberId: string,
  previous: RowValues,
  written: RowValues,
): string[] {
  const kept: string[] = [];
  for (const [fieldId, before] of Object.entries(previous)) {
    const id = fieldValueId(memberId, fieldId);
    const row = statement(ctx.db, `SELECT id, value FROM member_field_values WHERE id = ?`).get(id) as
      { id: string; value: string | null } | undefined;
    const now = row?.value ?? null;
    if (same(now, written[fieldId])) {
      if (row && !same(now, before)) writeRow(ctx, 'member_field_values', id, { value: before ?? null }, row);
    } else if (!same(now, before)) {
      kept.push(getCustomField(ctx.db, fieldId)?.label ?? fieldId);
    }
  }
  return kept;
}

/**
 * Puts back what was there before the import, as ordinary edits through the change log: members it
 * created are deleted (tombstones, as every delete), fields it changed get their old values unless
 * they were edited since, which are kept and listed. Works after a restart; an import is undone once.
 */
export function undoImport(ctx: WriteContext, batchId: string): ImportUndoView {
  const { db } = ctx;
  return db.transaction(() => {
    const batch = statement(db, `SELECT * FROM import_batches WHERE id = ?`).get(batchId) as
      BatchRow | undefined;
    if (!batch) {
      throw new AppError('NOT_FOUND', `No import with id ${batchId}.`, {
        problem: problem('IMPORT_NOT_FOUND'),
      });
    }
    if (batch.undone_at) {
      throw new AppError('CONFLICT', `This import was already undone on ${batch.undone_at}.`, {
        problem: problem('IMPORT_ALREADY_UNDONE', { when: batch.undone_at }),
      });
    }
    const effects = statement(
      db,
      `SELECT member_id, action, previous, written FROM import_effects WHERE batch_id = ?`,
    ).all(batchId) as {
      member_id: string;
      action: 'created' | 'updated';
      previous: string | null;
      written: string | null;
    }[];
    const chapter = requireChapter(db);
    const keptEdits: ImportUndoView['keptEdits'] = [];
    for (const effect of effects) {
      if (effect.action === 'created') {
        writeRow(ctx, 'members', effect.member_id, { deleted: 1 });
        continue;
      }
      const { member: previous, custom: customPrevious } = splitCustom(
        JSON.parse(effect.previous ?? '{}') as RowValues,
      );
      const written = effect.written === null ? null : splitCustom(JSON.parse(effect.written) as RowValues);
      const kept = [
        ...undoUpdate(ctx, chapter, effect.member_id, previous, written?.member ?? null),
        ...undoCustomValues(ctx, effect.member_id, customPrevious, written?.custom ?? {}),
      ];
      if (kept.length > 0)
        keptEdits.push({ memberId: effect.member_id, name: memberName(db, effect.member_id), fields: kept });
    }
    const undoneAt = ctx.now().toISOString();
    statement(db, `UPDATE import_batches SET undone_at = ? WHERE id = ?`).run(undoneAt, batchId);
    return { ...toBatch({ ...batch, undone_at: undoneAt }), keptEdits };
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
