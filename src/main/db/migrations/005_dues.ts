import type { Migration } from './types';

/** Which payments count for a member: not voided (a void is its own row) and not deleted. */
const PAYMENTS_THROUGH = `(SELECT max(p.period_to) FROM payments p
    WHERE p.member_id = members.id AND p.deleted = 0
      AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id AND v.deleted = 0))`;

/**
 * Dues. Payments and their voids are records that only grow: a payment row is created once and
 * never edited, a void is its own row (its id derived from the payment's, so two officers voiding
 * the same payment converge on one row). A member's paid-through date is derived data, kept
 * locally by triggers on every write path (the app, sync, imports): `payments_through` is the
 * latest period a valid payment covers; `dues_through` the later of that and the date a
 * spreadsheet brought from before ChapterDesk (`paid_through`). Neither travels.
 *
 * membership_types is rebuilt without the CHECK on kind: kinds now come from the field registry
 * (individual, student, family, organisation, honorary, lifetime; the old regular/reduced are read
 * as individual/student), and a kind a newer version adds must still be storable when it syncs.
 */
export const migration005: Migration = {
  version: 5,
  name: 'dues',
  sql: `
    CREATE TABLE membership_types_new (
      id TEXT PRIMARY KEY,
      name TEXT,
      kind TEXT,
      fee_minor INTEGER NOT NULL DEFAULT 0,
      currency TEXT,
      period_months INTEGER,
      grace_days INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO membership_types_new (id, name, kind, fee_minor, currency, period_months, created_at, updated_at, deleted)
      SELECT id, name, kind, fee_minor, currency, period_months, created_at, updated_at, deleted FROM membership_types;
    DROP TABLE membership_types;
    ALTER TABLE membership_types_new RENAME TO membership_types;

    ALTER TABLE chapter ADD COLUMN time_zone TEXT;

    -- A receipt number is this laptop's prefix and its own sequence: unique with no network.
    ALTER TABLE device ADD COLUMN receipt_prefix TEXT;
    ALTER TABLE device ADD COLUMN receipt_seq INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE payments (
      id TEXT PRIMARY KEY,
      member_id TEXT,
      type_id TEXT,
      amount_minor INTEGER,
      currency TEXT,
      method TEXT,
      reference TEXT,
      paid_on TEXT,
      period_from TEXT,
      period_to TEXT,
      receipt_number TEXT,
      officer TEXT,
      note TEXT,
      batch_id TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX payments_member ON payments (member_id, period_to);
    CREATE INDEX payments_paid_on ON payments (paid_on);
    CREATE INDEX payments_reference ON payments (reference) WHERE reference IS NOT NULL;
    CREATE INDEX payments_receipt ON payments (receipt_number);
    CREATE INDEX payments_batch ON payments (batch_id) WHERE batch_id IS NOT NULL;

    CREATE TABLE payment_voids (
      id TEXT PRIMARY KEY,
      payment_id TEXT,
      reason TEXT,
      voided_on TEXT,
      officer TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX payment_voids_payment ON payment_voids (payment_id);

    ALTER TABLE members ADD COLUMN payments_through TEXT;
    ALTER TABLE members ADD COLUMN dues_through TEXT GENERATED ALWAYS AS (
      CASE
        WHEN payments_through IS NULL THEN paid_through
        WHEN paid_through IS NULL OR payments_through > paid_through THEN payments_through
        ELSE paid_through
      END
    ) VIRTUAL;
    CREATE INDEX members_dues ON members (deleted, dues_through);

    CREATE TRIGGER payments_dues_insert AFTER INSERT ON payments BEGIN
      UPDATE members SET payments_through = ${PAYMENTS_THROUGH} WHERE id = new.member_id;
    END;
    CREATE TRIGGER payments_dues_update AFTER UPDATE OF member_id, period_to, deleted ON payments BEGIN
      UPDATE members SET payments_through = ${PAYMENTS_THROUGH} WHERE id IN (new.member_id, old.member_id);
    END;
    CREATE TRIGGER payment_voids_dues_insert AFTER INSERT ON payment_voids BEGIN
      UPDATE members SET payments_through = ${PAYMENTS_THROUGH}
        WHERE id = (SELECT member_id FROM payments WHERE id = new.payment_id);
    END;
    CREATE TRIGGER payment_voids_dues_update AFTER UPDATE OF payment_id, deleted ON payment_voids BEGIN
      UPDATE members SET payments_through = ${PAYMENTS_THROUGH}
        WHERE id IN (SELECT member_id FROM payments WHERE id IN (new.payment_id, old.payment_id));
    END;
    -- A payment that arrives by sync before its member (fields come one by one, in any order)
    -- counts once the member row exists.
    CREATE TRIGGER members_dues_insert AFTER INSERT ON members
      WHEN EXISTS (SELECT 1 FROM payments WHERE member_id = new.id) BEGIN
      UPDATE members SET payments_through = ${PAYMENTS_THROUGH} WHERE id = new.id;
    END;

    -- Statement files matched to payments on this laptop, so the secretary can undo one.
    CREATE TABLE statement_batches (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      provider TEXT NOT NULL,
      created_at TEXT NOT NULL,
      payments INTEGER NOT NULL,
      undone_at TEXT
    );
  `,
};
