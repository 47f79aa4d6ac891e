import type { ServerMigration } from './types';

/**
 * Chapters, enrolled devices, one-time enrolment codes, the per-chapter change log and the
 * last-writer-wins state derived from it. Every row of synced data is keyed by chapter_id, so a
 * row id pushed by one chapter can never reach another's data. Columns holding HLC stamps and
 * identifiers use the "C" collation so PostgreSQL orders them byte-wise, exactly as the
 * clients compare strings.
 */
export const migration001: ServerMigration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE chapters (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz NOT NULL,
      -- The highest server_seq handed out in this chapter. Every push locks this row, so seqs
      -- become visible in order and a pull cursor can never skip a late commit.
      last_seq bigint NOT NULL DEFAULT 0
    );

    CREATE TABLE devices (
      id uuid PRIMARY KEY,
      chapter_id uuid NOT NULL REFERENCES chapters (id),
      name text NOT NULL,
      node_id text COLLATE "C" NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz,
      last_push_at timestamptz,
      last_pull_at timestamptz,
      last_client_seq bigint,
      revoked_at timestamptz
    );
    CREATE INDEX devices_chapter ON devices (chapter_id);

    CREATE TABLE enrolment_codes (
      code_hash text PRIMARY KEY,
      chapter_id uuid NOT NULL REFERENCES chapters (id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      device_id uuid REFERENCES devices (id) DEFERRABLE INITIALLY DEFERRED
    );

    CREATE TABLE changes (
      chapter_id uuid NOT NULL REFERENCES chapters (id),
      seq bigint NOT NULL,
      tbl text COLLATE "C" NOT NULL,
      row_id text COLLATE "C" NOT NULL,
      col text COLLATE "C" NOT NULL,
      value text,
      hlc text COLLATE "C" NOT NULL,
      node_id text COLLATE "C" NOT NULL,
      device_id uuid NOT NULL REFERENCES devices (id),
      received_at timestamptz NOT NULL,
      PRIMARY KEY (chapter_id, seq),
      CONSTRAINT changes_identity UNIQUE (chapter_id, node_id, hlc, tbl, row_id, col)
    );

    CREATE TABLE field_state (
      chapter_id uuid NOT NULL REFERENCES chapters (id),
      tbl text COLLATE "C" NOT NULL,
      row_id text COLLATE "C" NOT NULL,
      col text COLLATE "C" NOT NULL,
      value text,
      hlc text COLLATE "C" NOT NULL,
      PRIMARY KEY (chapter_id, tbl, row_id, col)
    );
  `,
};
