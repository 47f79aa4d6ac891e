import { readFileSync, writeFileSync } from 'node:fs';
import { databaseFile, type Db } from '../../db/open';
import { statement } from '../../db/statements';
import { getDevice } from '../device/device';
import { receiptPrefix } from '../payments/receipts';

/**
 * Member numbers are given with no network. The laptop that set up the chapter gives plain numbers,
 * the next after the highest in use, as secretaries expect; every other laptop gives its own prefix
 * (the one on its receipts) and its own sequence, K3M-17, so two laptops offline never give one
 * number to two people. Numbers a file brings or a secretary types are kept as they are; a clash
 * those still make is listed (`numberClashes`), never merged.
 */

/**
 * Whether this laptop set up the chapter: the chapter row's earliest change is its own. Laptops
 * that each set one up offline agree once they have synced: the earlier setup keeps plain numbers,
 * the other moves to its prefix. A laptop that joined with an empty file received the chapter.
 */
export function setUpHere(db: Db, nodeId: string): boolean {
  const first = statement(
    db,
    `SELECT node_id FROM changes
     WHERE tbl = 'chapter' AND row_id = (SELECT id FROM chapter WHERE deleted = 0 LIMIT 1) AND pushed != 2
     ORDER BY hlc LIMIT 1`,
  ).get() as { node_id: string } | undefined;
  return !first || first.node_id === nodeId;
}

/** The highest plain number in the file, deleted members' too: a restored member keeps theirs. */
const PLAIN_TOP = `SELECT max(CAST(member_number AS INTEGER)) AS top FROM members WHERE member_number GLOB '[0-9]*'`;
// `deleted IN (0, 1)` lets the range use the (deleted, member_number) index.
const PREFIXED_TOP = `SELECT max(CAST(substr(member_number, length(@prefix) + 2) AS INTEGER)) AS top
  FROM members WHERE deleted IN (0, 1) AND member_number > @prefix || '-' AND member_number < @prefix || '.'`;

function topInDatabase(db: Db, prefix: string | null): number {
  const row = (prefix ? statement(db, PREFIXED_TOP).get({ prefix }) : statement(db, PLAIN_TOP).get()) as {
    top: number | null;
  };
  return row.top ?? 0;
}

/**
 * The sequence is also kept in a file beside the database (`chapter.sqlite-member-numbers`, one
 * entry per series), which putting back an older copy of the database does not touch: numbers
 * given after that copy was made are not given again. Null for a database in memory; an import's
 * preview, which runs on an in-memory copy of the file, reads the file's.
 */
function highWaterFile(db: Db): string | null {
  const file = databaseFile(db);
  return file ? `${file}-member-numbers` : null;
}

type HighWater = Record<string, number>;

function readHighWater(db: Db): HighWater {
  const file = highWaterFile(db);
  if (!file) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as HighWater) : {};
  } catch (error) {
    // No file yet is the usual case; a damaged one counts as none, since the numbers in the
    // database still bound the sequence.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return {};
    throw error;
  }
}

const PLAIN = 'plain';

/**
 * Free numbers of this laptop's series, for members created without one: the next after the
 * highest in the file and beside it, then counting on, so an import numbers its rows without
 * asking the database each time. A laptop that did not set up the chapter draws its prefix here
 * if it has none yet.
 */
export function memberNumbers(db: Db, nodeId: string): () => string {
  const prefix = setUpHere(db, nodeId) ? null : receiptPrefix(db, nodeId);
  const kept = Number(readHighWater(db)[prefix ?? PLAIN]) || 0;
  let next = Math.max(topInDatabase(db, prefix), kept) + 1;
  return prefix ? () => `${prefix}-${next++}` : () => String(next++);
}

/** The series a number this laptop gave belongs to (its key beside the database) and its place. */
function seriesOf(number: string): { key: string; n: number } | null {
  const prefixed = /^([A-Z0-9]{3})-(\d+)$/.exec(number);
  if (prefixed) return { key: prefixed[1]!, n: Number(prefixed[2]) };
  return /^\d+$/.test(number) ? { key: PLAIN, n: Number(number) } : null;
}

/**
 * Records a number this laptop gave beside the database. Call inside the transaction that writes
 * it: a rollback then skips a number, never reuses one.
 */
export function keepMemberNumber(db: Db, number: string): void {
  const file = highWaterFile(db);
  const series = seriesOf(number);
  if (!file || !series) return;
  const kept = readHighWater(db);
  if (series.n <= (Number(kept[series.key]) || 0)) return;
  writeFileSync(file, JSON.stringify({ ...kept, [series.key]: series.n }), { mode: 0o600 });
}

/**
 * Records the highest number of this laptop's series in the database beside it, after an import:
 * past the rollback of a preview, which must not move the sequence on.
 */
export function keepMemberNumbers(db: Db, nodeId: string): void {
  const plain = setUpHere(db, nodeId);
  const prefix = plain ? null : (getDevice(db)?.receiptPrefix ?? null);
  // A laptop with no prefix yet has given no number of its own.
  if (!plain && !prefix) return;
  const top = topInDatabase(db, prefix);
  if (top > 0) keepMemberNumber(db, prefix ? `${prefix}-${top}` : String(top));
}
