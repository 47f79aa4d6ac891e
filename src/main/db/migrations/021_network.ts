import type { Migration } from './types';

/**
 * This laptop's connection and what sync costs on it. `network_settings`: whether its connection
 * is metered (a phone's data plan), the monthly budget automatic sync keeps within, and the push
 * size that waits for an unmetered connection (sync/metered.ts). `sync_traffic`: bytes sent and
 * received per calendar month (this laptop's local time, as a data plan bills) and per way they
 * travelled; `sync_traffic_last`: the last exchange's figures. All local: another laptop's
 * connection is not this one's, so none of it syncs.
 */
export const migration021: Migration = {
  version: 21,
  name: 'network',
  sql: `
    CREATE TABLE network_settings (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      metered INTEGER NOT NULL DEFAULT 0 CHECK (metered IN (0, 1)),
      -- NULL: no budget, automatic sync on a metered connection then only pulls and small pushes.
      monthly_budget_bytes INTEGER CHECK (monthly_budget_bytes IS NULL OR monthly_budget_bytes > 0),
      large_push_bytes INTEGER NOT NULL CHECK (large_push_bytes > 0)
    ) STRICT;

    CREATE TABLE sync_traffic (
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
      channel TEXT NOT NULL CHECK (channel IN ('server', 'file', 'peer', 'update')),
      sent INTEGER NOT NULL DEFAULT 0 CHECK (sent >= 0),
      received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
      PRIMARY KEY (month, channel)
    ) STRICT;

    CREATE TABLE sync_traffic_last (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      channel TEXT NOT NULL CHECK (channel IN ('server', 'file', 'peer', 'update')),
      sent INTEGER NOT NULL CHECK (sent >= 0),
      received INTEGER NOT NULL CHECK (received >= 0),
      at TEXT NOT NULL
    ) STRICT;
  `,
};
