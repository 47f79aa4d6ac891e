import type { ServerMigration } from './types';

/**
 * Who made each change, as the laptop's officer gave their name: relayed to the other laptops so
 * their history and conflict cards name a person, not a node id. Null for changes from laptops
 * that send none.
 */
export const migration002: ServerMigration = {
  version: 2,
  name: 'change_officer',
  sql: `ALTER TABLE changes ADD COLUMN officer text;`,
};
