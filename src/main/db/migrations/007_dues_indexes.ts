import type { Migration } from './types';

/**
 * Indexes measured with bench/dues (100,000 members, 500,000 payments): a status-filtered page
 * sorted by name walks the name index, which now holds the type and the paid-through date, and
 * stops after the page; a status count is a range on (deleted, dues_through, type_id); the Dues
 * screen's collections are read from the payments index alone.
 */
export const migration007: Migration = {
  version: 7,
  name: 'dues_indexes',
  sql: `
    DROP INDEX members_sort_name;
    CREATE INDEX members_name_status ON members (deleted, sort_name, id, type_id, dues_through);
    DROP INDEX members_type;
    CREATE INDEX members_type_dues ON members (deleted, type_id, dues_through);
    DROP INDEX members_dues;
    CREATE INDEX members_dues ON members (deleted, dues_through, type_id);
    DROP INDEX payments_paid_on;
    CREATE INDEX payments_paid_on ON payments (paid_on, method, currency, amount_minor, deleted, id);
  `,
};
