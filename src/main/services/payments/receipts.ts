import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writePrivateFile } from '../../../node/private-files';
import { ROW_CREATED } from '../../db/changes';
import { statement } from '../../db/statements';
import type { Db } from '../../db/open';

// No I, O, 0 or 1: a receipt number is read aloud and copied by hand.
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

function drawPrefix(taken: ReadonlySet<string>): string {
  for (;;) {
    const prefix = `${LETTERS[randomInt(LETTERS.length)]}${DIGITS[randomInt(DIGITS.length)]}${LETTERS[randomInt(LETTERS.length)]}`;
    if (!taken.has(prefix)) return prefix;
  }
}

/**
 * Prefixes on member numbers (K3M-17): the same prefix also numbers the members of a laptop that
 * did not set up the chapter (services/members/numbers.ts). A file's numbers of that shape count
 * too, so that no laptop's numbers run into them.
 */
function memberNumberPrefixes(db: Db): string[] {
  const rows = statement(
    db,
    `SELECT DISTINCT substr(member_number, 1, 3) AS prefix FROM members
     WHERE member_number GLOB '[A-Z0-9][A-Z0-9][A-Z0-9]-[0-9]*'`,
  ).all() as { prefix: string }[];
  return rows.map((r) => r.prefix);
}

/**
 * Every prefix another laptop of the chapter has used on a receipt that reached this one, and
 * every prefix on a member number.
 */
function prefixesOfOthers(db: Db, nodeId: string): Set<string> {
  const rows = statement(
    db,
    `SELECT DISTINCT substr(p.receipt_number, 1, instr(p.receipt_number, '-') - 1) AS prefix
     FROM payments p
     WHERE p.receipt_number IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM changes c WHERE c.tbl = 'payments' AND c.row_id = p.id AND c.node_id = ?)`,
  ).all(nodeId) as { prefix: string }[];
  return new Set([...rows.map((r) => r.prefix), ...memberNumberPrefixes(db)]);
}

/** This laptop's receipt prefix, drawn on first use (and when a file from before dues has none). */
export function receiptPrefix(db: Db, nodeId: string): string {
  const row = statement(db, `SELECT receipt_prefix FROM device WHERE singleton = 1`).get() as
    { receipt_prefix: string | null } | undefined;
  if (row?.receipt_prefix) return row.receipt_prefix;
  const prefix = drawPrefix(prefixesOfOthers(db, nodeId));
  statement(db, `UPDATE device SET receipt_prefix = ? WHERE singleton = 1`).run(prefix);
  return prefix;
}

/**
 * Where the receipt sequence is also kept outside the database: a file beside it
 * (`chapter.sqlite-receipts`), which putting back an older copy of the database does not touch.
 * Null for a database in memory.
 */
function highWaterFile(db: Db): string | null {
  return db.memory || !db.name ? null : `${db.name}-receipts`;
}

function readHighWater(db: Db): Record<string, number> {
  const file = highWaterFile(db);
  if (!file) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch (error) {
    // No file yet (the first receipt on this laptop) is the usual case; a damaged one counts as
    // none, since the database and the numbers that came back by sync still bound the sequence.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return {};
    throw error;
  }
}

/**
 * The next receipt number: this laptop's prefix and its own sequence, so two laptops never need
 * to talk to number receipts. The sequence never goes back: it continues after the highest number
 * with this prefix in the file and after the one recorded beside the file, so a laptop put back
 * from an older copy does not issue numbers it already printed. Call inside the transaction that
 * records the payment; the number is recorded beside the file before the transaction commits (a
 * rollback then skips a number, never reuses one).
 */
export function nextReceiptNumber(db: Db, nodeId: string): string {
  const prefix = receiptPrefix(db, nodeId);
  const { seq } = statement(db, `SELECT receipt_seq AS seq FROM device WHERE singleton = 1`).get() as {
    seq: number;
  };
  // Numbers are zero-padded to six digits, so the greatest string is the highest number below a
  // million; past that the longer strings sort after '-999999' as well.
  const { highest } = statement(
    db,
    `SELECT max(CAST(substr(receipt_number, length(@prefix) + 2) AS INTEGER)) AS highest
     FROM payments WHERE receipt_number > @prefix || '-' AND receipt_number < @prefix || '.'`,
  ).get({ prefix }) as { highest: number | null };
  const outside = readHighWater(db);
  const next = Math.max(seq, highest ?? 0, Number(outside[prefix]) || 0) + 1;
  statement(db, `UPDATE device SET receipt_seq = ? WHERE singleton = 1`).run(next);
  const file = highWaterFile(db);
  if (file) writePrivateFile(file, JSON.stringify({ ...outside, [prefix]: next }));
  return `${prefix}-${String(next).padStart(6, '0')}`;
}

/**
 * After a pull: if another laptop's receipts or member numbers use this laptop's prefix (both drew
 * it offline), this one draws a new prefix for its next numbers. Numbers already issued stay as
 * printed; receipts stay distinguishable by the laptop that issued each, and members who ended up
 * with one number are listed as a clash to fix.
 */
export function checkLaptopPrefix(db: Db, nodeId: string): boolean {
  const row = statement(db, `SELECT receipt_prefix FROM device WHERE singleton = 1`).get() as
    { receipt_prefix: string | null } | undefined;
  if (!row?.receipt_prefix) return false;
  const params = { prefix: row.receipt_prefix, node: nodeId };
  const receiptClash = statement(
    db,
    `SELECT 1 FROM payments p
     WHERE p.receipt_number > @prefix || '-' AND p.receipt_number < @prefix || '.' AND NOT EXISTS (
       SELECT 1 FROM changes c WHERE c.tbl = 'payments' AND c.row_id = p.id AND c.node_id = @node)
     LIMIT 1`,
  ).get(params);
  // A member number with this prefix that this laptop never wrote (neither created the member
  // with it nor set it) came from another laptop.
  const memberClash =
    !receiptClash &&
    statement(
      db,
      `SELECT 1 FROM members m
       WHERE m.deleted IN (0, 1) AND m.member_number > @prefix || '-' AND m.member_number < @prefix || '.'
         AND NOT EXISTS (
           SELECT 1 FROM changes c WHERE c.tbl = 'members' AND c.row_id = m.id
             AND c.col IN ('member_number', '${ROW_CREATED}') AND c.node_id = @node)
       LIMIT 1`,
    ).get(params);
  if (!receiptClash && !memberClash) return false;
  const others = prefixesOfOthers(db, nodeId);
  const mine = statement(
    db,
    `SELECT DISTINCT substr(receipt_number, 1, instr(receipt_number, '-') - 1) AS prefix FROM payments`,
  ).all() as { prefix: string }[];
  const prefix = drawPrefix(new Set([...others, ...mine.map((r) => r.prefix)]));
  statement(db, `UPDATE device SET receipt_prefix = ?, receipt_seq = 0 WHERE singleton = 1`).run(prefix);
  return true;
}
