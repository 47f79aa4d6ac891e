import type { Migration } from './types';

/**
 * Events, registrations and attendance. A member's registration and attendance have ids derived
 * from the event and the member (and an attendance from its registration), so two laptops at two
 * doors converge on one row per person. Whether a registration holds a place or waits is derived
 * from the order of registration, never stored, so two laptops registering offline agree on who
 * is on the waiting list once they have synced.
 */
export const migration006: Migration = {
  version: 6,
  name: 'events',
  sql: `
    CREATE TABLE events (
      id TEXT PRIMARY KEY,
      title TEXT,
      kind TEXT,
      starts_at TEXT,
      ends_at TEXT,
      venue TEXT,
      online_link TEXT,
      capacity INTEGER,
      quorum TEXT,
      description TEXT,
      cancelled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX events_start ON events (deleted, starts_at);

    CREATE TABLE registrations (
      id TEXT PRIMARY KEY,
      event_id TEXT,
      member_id TEXT,
      guest_name TEXT,
      guest_email TEXT,
      guest_phone TEXT,
      registered_at TEXT,
      walk_in INTEGER NOT NULL DEFAULT 0,
      cancelled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX registrations_event ON registrations (event_id, registered_at);
    CREATE INDEX registrations_member ON registrations (member_id);

    CREATE TABLE attendance (
      id TEXT PRIMARY KEY,
      event_id TEXT,
      registration_id TEXT,
      member_id TEXT,
      checked_in_at TEXT,
      present INTEGER NOT NULL DEFAULT 0,
      completed INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX attendance_event ON attendance (event_id, checked_in_at);
    CREATE INDEX attendance_member ON attendance (member_id);
  `,
};
