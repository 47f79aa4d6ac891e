import {
  DEFAULT_LARGE_PUSH_BYTES,
  networkSettingsInput,
  type MeteredWait,
  type NetworkSettings,
} from '../../shared/network';
import { ROW_CREATED } from '../db/changes';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { monthTraffic } from './traffic';

const DEFAULTS: NetworkSettings = {
  metered: false,
  monthlyBudgetBytes: null,
  largePushBytes: DEFAULT_LARGE_PUSH_BYTES,
};

/** This laptop's connection settings (a laptop never set: not metered). Local, never synced. */
export function getNetworkSettings(db: Db): NetworkSettings {
  const row = statement(
    db,
    `SELECT metered, monthly_budget_bytes, large_push_bytes FROM network_settings WHERE singleton = 1`,
  ).get() as { metered: number; monthly_budget_bytes: number | null; large_push_bytes: number } | undefined;
  if (!row) return DEFAULTS;
  return {
    metered: row.metered === 1,
    monthlyBudgetBytes: row.monthly_budget_bytes,
    largePushBytes: row.large_push_bytes,
  };
}

/** Whether this laptop's connection costs by the byte: what app updates and sync both ask. */
export function isMetered(db: Db): boolean {
  return getNetworkSettings(db).metered;
}

export function setNetworkSettings(db: Db, input: NetworkSettings): NetworkSettings {
  const settings = networkSettingsInput.parse(input);
  statement(
    db,
    `INSERT INTO network_settings (singleton, metered, monthly_budget_bytes, large_push_bytes)
     VALUES (1, @metered, @monthlyBudgetBytes, @largePushBytes)
     ON CONFLICT (singleton) DO UPDATE SET metered = excluded.metered,
       monthly_budget_bytes = excluded.monthly_budget_bytes, large_push_bytes = excluded.large_push_bytes`,
  ).run({ ...settings, metered: settings.metered ? 1 : 0 });
  return settings;
}

/**
 * The size of the waiting push before gzip: each field change as JSON carries it (its value, its
 * row's id, stamp and node, and the keys), a row's creation counting once per field as on the
 * wire. gzip sends several times less; as an upper bound it never lets a large push through as small.
 */
export function pendingPushBytes(db: Db): number {
  const row = statement(
    db,
    `SELECT coalesce(sum(coalesce(length(value), 4)
       + (CASE WHEN col = ? AND json_valid(value) THEN (SELECT count(*) FROM json_each(changes.value)) ELSE 1 END)
       * (length(tbl) + length(row_id) + length(col) + length(hlc) + length(node_id)
          + coalesce(length(officer), 0) + 70)), 0) AS bytes
     FROM changes WHERE pushed = 0`,
  ).get(ROW_CREATED) as { bytes: number };
  return row.bytes;
}

/**
 * What crosses the metered connection and so counts against its budget: the server and app
 * updates. A sync file goes by stick or by a messaging app the user chose to send it with, and a
 * nearby laptop over the local network; both are shown in "Data used" but spend no budget.
 */
const METERED_CHANNELS = ['server', 'update'] as const;

/**
 * What automatic sync may do now. Unmetered, or asked for ("Sync now"): everything. Metered: nothing
 * once this month's bytes reach the budget, and no push while the waiting one is larger than the
 * threshold (changes from elsewhere are still pulled, so the laptop stays current).
 */
export function meteredDecision(
  db: Db,
  now: Date,
  asked: boolean,
): { push: boolean; pull: boolean; wait: MeteredWait } {
  const settings = getNetworkSettings(db);
  if (asked || !settings.metered) return { push: true, pull: true, wait: null };
  if (settings.monthlyBudgetBytes !== null) {
    const month = monthTraffic(db, now, METERED_CHANNELS);
    if (month.sent + month.received >= settings.monthlyBudgetBytes) {
      return { push: false, pull: false, wait: 'budget' };
    }
  }
  if (pendingPushBytes(db) > settings.largePushBytes) return { push: false, pull: true, wait: 'large-push' };
  return { push: true, pull: true, wait: null };
}
