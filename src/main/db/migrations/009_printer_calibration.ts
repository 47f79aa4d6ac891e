import type { Migration } from './types';

/**
 * How far each printer's labels and cards must be moved to land on the sheet (mm, x right, y
 * down), by the printer's name as the secretary types it. Local, never synced: a printer feeds the
 * way it does on this laptop, and the same name on another laptop may be another machine. Names
 * compare without case, so "Office HP" and "office hp" are one printer. The bounds are the
 * contract's, so that widening them needs no migration.
 */
export const migration009: Migration = {
  version: 9,
  name: 'printer_calibration',
  sql: `
    CREATE TABLE printer_calibration (
      printer TEXT PRIMARY KEY COLLATE NOCASE,
      x_mm REAL NOT NULL,
      y_mm REAL NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
