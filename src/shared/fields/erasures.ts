import { z } from 'zod';
import { ERASABLE_TABLES } from '../erasure';
import { instant, type SyncedField } from './field';

/**
 * A person erased for good: the row's id is the erased row's id (see shared/erasure.ts). Rows are
 * created once and never edited or deleted, and hold no personal data.
 */
export const ERASURE_COLUMNS: readonly SyncedField[] = [
  { column: 'tbl', since: 5, value: z.enum(ERASABLE_TABLES, { error: 'Must be an erasable table' }) },
  { column: 'erased_at', since: 5, value: instant },
];
