import type { Change, FieldState, PulledChange } from '../../shared/sync-protocol';
import { applyErasures, erasedChanges } from './erasures';
import type { SqlClient, SqlQueryable, SqlRow } from './sql';
import type {
  ChapterRecord,
  ChapterSummary,
  DeviceIdentity,
  DeviceRecord,
  EnrolmentOutcome,
  MemberFacts,
  SyncStore,
} from './types';

const SCAN_PAGE = 5000;

const CHAPTER_COLUMNS = 'id, name, created_at, last_seq';

const DEVICE_SELECT = `
  SELECT d.id, d.chapter_id, c.name AS chapter_name, d.name, d.node_id, d.created_at, d.last_seen_at,
         d.last_push_at, d.last_pull_at, d.last_client_seq, d.revoked_at
  FROM devices d JOIN chapters c ON c.id = d.chapter_id`;

/**
 * Appends the changes not already in the log, numbering them after the chapter's last seq in
 * batch order, and folds each field's newest inserted value into the LWW state where its hlc
 * beats the stored one. One statement, so one round trip per batch.
 */
const INSERT_CHANGES = `
  WITH incoming AS (
    SELECT * FROM json_to_recordset($2::json)
      AS x(ord integer, tbl text, row_id text, col text, value text, hlc text, node_id text, officer text)
  ),
  fresh AS (
    SELECT i.*, $3::bigint + row_number() OVER (ORDER BY i.ord) AS seq
    FROM incoming i
    WHERE NOT EXISTS (
      SELECT 1 FROM changes c
      WHERE c.chapter_id = $1 AND c.node_id = i.node_id AND c.hlc = i.hlc
        AND c.tbl = i.tbl AND c.row_id = i.row_id AND c.col = i.col
    )
  ),
  inserted AS (
    INSERT INTO changes (chapter_id, seq, tbl, row_id, col, value, hlc, node_id, officer, device_id, received_at)
    SELECT $1, seq, tbl, row_id, col, value, hlc, node_id, officer, $4, $5 FROM fresh
    RETURNING tbl, row_id, col, value, hlc
  ),
  latest AS (
    SELECT DISTINCT ON (tbl, row_id, col) tbl, row_id, col, value, hlc
    FROM inserted
    ORDER BY tbl, row_id, col, hlc DESC
  ),
  merged AS (
    INSERT INTO field_state (chapter_id, tbl, row_id, col, value, hlc)
    SELECT $1, tbl, row_id, col, value, hlc FROM latest
    ON CONFLICT (chapter_id, tbl, row_id, col) DO UPDATE
      SET value = excluded.value, hlc = excluded.hlc
      WHERE field_state.hlc < excluded.hlc
  )
  SELECT count(*) AS inserted FROM inserted`;

/**
 * Status inputs per member, with its type's kind and its chapter's grace period, as raw JSON text
 * (member-status.ts judges each value). Values stored before pushes were checked may be anything:
 * only the chapter's own settings row counts, and only date-shaped period ends, so one bad value
 * never hides the good ones.
 */
const MEMBER_FACTS = `
  WITH member_fields AS (
    SELECT chapter_id, row_id,
           max(value) FILTER (WHERE col = 'deleted') AS deleted,
           max(value) FILTER (WHERE col = 'paid_through') AS paid_through,
           max(value) FILTER (WHERE col = 'type_id') AS type_id
    FROM field_state WHERE tbl = 'members'
    GROUP BY chapter_id, row_id
  ),
  types AS (
    SELECT chapter_id, to_json(row_id)::text AS type_ref,
           max(value) FILTER (WHERE col = 'kind') AS kind,
           max(value) FILTER (WHERE col = 'grace_days') AS grace_days
    FROM field_state WHERE tbl = 'membership_types'
    GROUP BY chapter_id, row_id
  ),
  chapter_settings AS (
    SELECT chapter_id,
           (array_agg(value ORDER BY hlc DESC) FILTER (WHERE col = 'grace_days'))[1] AS grace_days,
           (array_agg(value ORDER BY hlc DESC) FILTER (WHERE col = 'time_zone'))[1] AS time_zone
    FROM field_state WHERE tbl = 'chapter' AND row_id = chapter_id::text
    GROUP BY chapter_id
  ),
  payments AS (
    SELECT chapter_id, row_id,
           max(value) FILTER (WHERE col = 'member_id') AS member_ref,
           max(value) FILTER (WHERE col = 'period_to') AS period_to,
           max(value) FILTER (WHERE col = 'deleted') AS deleted
    FROM field_state WHERE tbl = 'payments'
    GROUP BY chapter_id, row_id
  ),
  voids AS (
    SELECT chapter_id, row_id,
           max(value) FILTER (WHERE col = 'payment_id') AS payment_ref,
           max(value) FILTER (WHERE col = 'deleted') AS deleted
    FROM field_state WHERE tbl = 'payment_voids'
    GROUP BY chapter_id, row_id
  ),
  paid AS (
    SELECT p.chapter_id, p.member_ref, max(p.period_to) AS payments_through
    FROM payments p
    WHERE p.period_to ~ '^"[0-9]{4}-[0-9]{2}-[0-9]{2}"$' AND coalesce(p.deleted, '0') IN ('0', 'false')
      AND NOT EXISTS (
        SELECT 1 FROM voids v
        WHERE v.chapter_id = p.chapter_id AND v.payment_ref = to_json(p.row_id)::text
          AND coalesce(v.deleted, '0') IN ('0', 'false'))
    GROUP BY p.chapter_id, p.member_ref
  )
  SELECT m.chapter_id, m.row_id, m.deleted, m.paid_through, pd.payments_through,
         k.kind, k.grace_days AS type_grace_days, g.grace_days, g.time_zone
  FROM member_fields m
  LEFT JOIN types k ON k.chapter_id = m.chapter_id AND k.type_ref = m.type_id
  LEFT JOIN chapter_settings g ON g.chapter_id = m.chapter_id
  LEFT JOIN paid pd ON pd.chapter_id = m.chapter_id AND pd.member_ref = to_json(m.row_id)::text
  ORDER BY m.chapter_id, m.row_id`;

type Row = SqlRow;

function text(value: unknown): string {
  return String(value);
}

function optionalText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function date(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

function optionalDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : date(value);
}

function optionalNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toChapter(row: Row): ChapterRecord {
  return {
    id: text(row.id),
    name: text(row.name),
    createdAt: date(row.created_at),
    lastSeq: Number(row.last_seq),
  };
}

function toDevice(row: Row): DeviceRecord {
  return {
    id: text(row.id),
    chapterId: text(row.chapter_id),
    chapterName: text(row.chapter_name),
    name: text(row.name),
    nodeId: text(row.node_id),
    createdAt: date(row.created_at),
    lastSeenAt: optionalDate(row.last_seen_at),
    lastPushAt: optionalDate(row.last_push_at),
    lastPullAt: optionalDate(row.last_pull_at),
    lastClientSeq: optionalNumber(row.last_client_seq),
    revokedAt: optionalDate(row.revoked_at),
  };
}

function toPulled(row: Row): PulledChange {
  return {
    seq: Number(row.seq),
    tbl: text(row.tbl),
    rowId: text(row.row_id),
    col: text(row.col),
    value: optionalText(row.value),
    hlc: text(row.hlc),
    nodeId: text(row.node_id),
    // Left out rather than sent as null: a pulled page is mostly changes from laptops that name one.
    ...(row.officer == null ? {} : { officer: text(row.officer) }),
  };
}

function toField(row: Row): FieldState {
  return {
    tbl: text(row.tbl),
    rowId: text(row.row_id),
    col: text(row.col),
    value: optionalText(row.value),
    hlc: text(row.hlc),
  };
}

/** A batch may carry the same change twice; only its first copy counts. */
function uniqueChanges(changes: readonly Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = JSON.stringify([c.nodeId, c.hlc, c.tbl, c.rowId, c.col]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The store over any SqlClient whose schema is already migrated. */
// Advisory locks of the two-key form, in a class of their own: one per claimed node id.
const NODE_ID_LOCK_CLASS = 0x4e_4f_44_45;

/**
 * Whether a new device may write as `nodeId`: no device that is not revoked has it, or the enrolling
 * laptop shows a token issued to that node id, being the laptop itself enrolling again (its earlier
 * devices are then revoked). Two devices with one node id would each take the other's changes for
 * their own and never pull them. Enrolments claiming one node id take turns, so two cannot both pass.
 */
async function claimNodeId(
  tx: SqlQueryable,
  nodeId: string,
  previousTokenHash: string | null,
  at: Date,
): Promise<boolean> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [NODE_ID_LOCK_CLASS, nodeId]);
  const [itself] = previousTokenHash
    ? await tx.query('SELECT 1 AS found FROM devices WHERE node_id = $1 AND token_hash = $2', [
        nodeId,
        previousTokenHash,
      ])
    : [];
  if (itself) {
    await tx.query('UPDATE devices SET revoked_at = $2 WHERE node_id = $1 AND revoked_at IS NULL', [
      nodeId,
      at,
    ]);
    return true;
  }
  const [holder] = await tx.query(
    'SELECT 1 AS found FROM devices WHERE node_id = $1 AND revoked_at IS NULL',
    [nodeId],
  );
  return !holder;
}

export function createSqlStore(db: SqlClient): SyncStore {
  return {
    async createChapter({ id, name, at }) {
      const [row] = await db.query(
        `INSERT INTO chapters (id, name, created_at) VALUES ($1, $2, $3) RETURNING ${CHAPTER_COLUMNS}`,
        [id, name, at],
      );
      return toChapter(row!);
    },

    async findChapter(id) {
      const [row] = await db.query(`SELECT ${CHAPTER_COLUMNS} FROM chapters WHERE id = $1`, [id]);
      return row ? toChapter(row) : null;
    },

    async listChapters() {
      const rows = await db.query(`
        SELECT c.id, c.name, c.created_at, c.last_seq,
               count(d.id) FILTER (WHERE d.revoked_at IS NULL) AS active_devices,
               count(d.id) FILTER (WHERE d.revoked_at IS NOT NULL) AS revoked_devices,
               max(greatest(d.last_push_at, d.last_pull_at)) AS last_sync_at
        FROM chapters c LEFT JOIN devices d ON d.chapter_id = c.id
        GROUP BY c.id
        ORDER BY c.name, c.id`);
      return rows.map((row): ChapterSummary => ({
        ...toChapter(row),
        activeDevices: Number(row.active_devices),
        revokedDevices: Number(row.revoked_devices),
        lastSyncAt: optionalDate(row.last_sync_at),
      }));
    },

    async createEnrolmentCode({ codeHash, chapterId, at, expiresAt }) {
      await db.query(
        'INSERT INTO enrolment_codes (code_hash, chapter_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [codeHash, chapterId, at, expiresAt],
      );
    },

    enrolDevice({ codeHash, deviceId, tokenHash, nodeId, previousTokenHash, name, chapterKey, at }) {
      return db.transaction(async (tx): Promise<EnrolmentOutcome> => {
        // FOR UPDATE locks the code, so two devices racing for it cannot both win.
        const [code] = await tx.query(
          `SELECT chapter_id, used_at IS NOT NULL AS used, expires_at <= $2 AS expired
           FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE`,
          [codeHash, at],
        );
        if (!code) return { ok: false, reason: 'unknown' };
        if (code.used) return { ok: false, reason: 'used' };
        if (code.expired) return { ok: false, reason: 'expired' };
        if (!(await claimNodeId(tx, nodeId, previousTokenHash, at)))
          return { ok: false, reason: 'node-taken' };
        await tx.query('UPDATE enrolment_codes SET used_at = $2, device_id = $3 WHERE code_hash = $1', [
          codeHash,
          at,
          deviceId,
        ]);
        await tx.query(
          `INSERT INTO devices (id, chapter_id, name, node_id, token_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [deviceId, text(code.chapter_id), name, nodeId, tokenHash, at],
        );
        // The first key offered stays: later laptops receive it and derive ids as the first did.
        const [chapter] = await tx.query(
          `UPDATE chapters SET member_key = coalesce(member_key, $2) WHERE id = $1
           RETURNING id, name, member_key`,
          [text(code.chapter_id), chapterKey ?? null],
        );
        return {
          ok: true,
          chapter: {
            id: text(chapter!.id),
            name: text(chapter!.name),
            key: chapter!.member_key === null ? null : text(chapter!.member_key),
          },
        };
      });
    },

    async chapterKey(chapterId, offered) {
      const [row] = await db.query(
        `UPDATE chapters SET member_key = coalesce(member_key, $2) WHERE id = $1 RETURNING member_key`,
        [chapterId, offered],
      );
      return row?.member_key == null ? null : text(row.member_key);
    },

    async findDeviceByTokenHash(tokenHash) {
      const [row] = await db.query(
        'SELECT id, chapter_id, node_id, revoked_at FROM devices WHERE token_hash = $1',
        [tokenHash],
      );
      if (!row) return null;
      return {
        id: text(row.id),
        chapterId: text(row.chapter_id),
        nodeId: text(row.node_id),
        revokedAt: optionalDate(row.revoked_at),
      } satisfies DeviceIdentity;
    },

    async listDevices() {
      const rows = await db.query(`${DEVICE_SELECT} ORDER BY c.name, c.id, d.created_at, d.id`);
      return rows.map(toDevice);
    },

    async revokeDevice(id, at) {
      const updated = await db.query(
        'UPDATE devices SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING id',
        [id, at],
      );
      if (updated.length === 0) return null;
      const [row] = await db.query(`${DEVICE_SELECT} WHERE d.id = $1`, [id]);
      return toDevice(row!);
    },

    async recordDeviceActivity(id, activity, at) {
      await db.query(
        activity === 'pull'
          ? 'UPDATE devices SET last_pull_at = $2, last_seen_at = $2 WHERE id = $1'
          : 'UPDATE devices SET last_seen_at = $2 WHERE id = $1',
        [id, at],
      );
    },

    applyPush({ chapterId, deviceId, clientSeq, changes, at }) {
      return db.transaction(async (tx) => {
        // The per-chapter lock: concurrent pushes to one chapter number and commit in turn.
        const [chapter] = await tx.query('SELECT last_seq FROM chapters WHERE id = $1 FOR NO KEY UPDATE', [
          chapterId,
        ]);
        if (!chapter) throw new Error(`Chapter ${chapterId} does not exist`);
        const lastSeq = Number(chapter.last_seq);
        const erased = await erasedChanges(tx, chapterId, changes);
        const refused = new Set(erased);
        const unique = uniqueChanges(changes.filter((_, i) => !refused.has(i)));
        let accepted = 0;
        if (unique.length > 0) {
          const incoming = unique.map((c, ord) => ({
            ord,
            tbl: c.tbl,
            row_id: c.rowId,
            col: c.col,
            value: c.value,
            hlc: c.hlc,
            node_id: c.nodeId,
            officer: c.officer ?? null,
          }));
          const [row] = await tx.query(INSERT_CHANGES, [
            chapterId,
            JSON.stringify(incoming),
            lastSeq,
            deviceId,
            at,
          ]);
          accepted = Number(row!.inserted);
          await applyErasures(tx, chapterId, unique);
          if (accepted > 0) {
            await tx.query('UPDATE chapters SET last_seq = $2 WHERE id = $1', [
              chapterId,
              lastSeq + accepted,
            ]);
          }
        }
        await tx.query(
          'UPDATE devices SET last_push_at = $2, last_seen_at = $2, last_client_seq = $3 WHERE id = $1',
          [deviceId, at, clientSeq],
        );
        return { accepted, duplicates: changes.length - accepted - erased.length, erased };
      });
    },

    async pull(chapterId, after, limit, excludeNode) {
      // last_seq is read first: every change up to it is committed (it moves in the same
      // transaction), so scanning up to it can never step over a change that is not yet visible.
      const [chapter] = await db.query('SELECT last_seq FROM chapters WHERE id = $1', [chapterId]);
      const upTo = Number(chapter?.last_seq ?? 0);
      const rows = await db.query(
        `SELECT seq, tbl, row_id, col, value, hlc, node_id, officer FROM changes
         WHERE chapter_id = $1 AND seq > $2 AND seq <= $3 AND node_id <> $4 ORDER BY seq LIMIT $5`,
        [chapterId, after, upTo, excludeNode ?? '', limit + 1],
      );
      const changes = rows.slice(0, limit).map(toPulled);
      const more = rows.length > limit;
      const nodes = [...new Set(changes.map((c) => c.nodeId))];
      // The name a node's laptop enrolled with (its latest enrolment, after a revocation).
      const named =
        nodes.length === 0
          ? []
          : await db.query(
              `SELECT DISTINCT ON (node_id) node_id, name FROM devices
               WHERE chapter_id = $1 AND node_id IN (SELECT json_array_elements_text($2::json))
               ORDER BY node_id, created_at DESC`,
              [chapterId, JSON.stringify(nodes)],
            );
      const laptops = Object.fromEntries(named.map((row) => [text(row.node_id), text(row.name)]));
      return {
        changes,
        more,
        scannedTo: more ? changes[changes.length - 1]!.seq : Math.max(after, upTo),
        laptops,
      };
    },

    scanFieldState(chapterId, onPage) {
      return db.transaction(async (tx) => {
        // One snapshot for the seq and every page, so the checksum matches the seq it reports.
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const [chapter] = await tx.query('SELECT last_seq FROM chapters WHERE id = $1', [chapterId]);
        let last: FieldState | undefined;
        for (;;) {
          const rows = await tx.query(
            `SELECT tbl, row_id, col, value, hlc FROM field_state
             WHERE chapter_id = $1 AND (tbl, row_id, col) > ($2, $3, $4)
             ORDER BY tbl, row_id, col LIMIT $5`,
            [chapterId, last?.tbl ?? '', last?.rowId ?? '', last?.col ?? '', SCAN_PAGE],
          );
          const page = rows.map(toField);
          if (page.length > 0) onPage(page);
          if (page.length < SCAN_PAGE) break;
          last = page[page.length - 1];
        }
        return { seq: Number(chapter?.last_seq ?? 0) };
      });
    },

    async memberFacts() {
      const rows = await db.query(MEMBER_FACTS);
      return rows.map((row): MemberFacts => ({
        chapterId: text(row.chapter_id),
        memberId: text(row.row_id),
        deleted: optionalText(row.deleted),
        paidThrough: optionalText(row.paid_through),
        paymentsThrough: optionalText(row.payments_through),
        typeKind: optionalText(row.kind),
        typeGraceDays: optionalText(row.type_grace_days),
        graceDays: optionalText(row.grace_days),
        timeZone: optionalText(row.time_zone),
      }));
    },

    async ping() {
      await db.query('SELECT 1');
    },

    async schemaVersion() {
      const [row] = await db.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM schema_migrations',
      );
      return Number(row?.version ?? 0);
    },

    close: () => db.close(),
  };
}
