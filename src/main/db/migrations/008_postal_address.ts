import type { Migration } from './types';

/**
 * Postal addresses for labels and letters: two free lines (street, building, P.O. box), postal
 * code and region. City and country were already there. Country decides how an address is laid
 * out on paper, so nothing here is country-specific.
 */
export const migration008: Migration = {
  version: 8,
  name: 'postal_address',
  sql: `
    ALTER TABLE members ADD COLUMN address_line1 TEXT;
    ALTER TABLE members ADD COLUMN address_line2 TEXT;
    ALTER TABLE members ADD COLUMN postal_code TEXT;
    ALTER TABLE members ADD COLUMN region TEXT;
  `,
};
