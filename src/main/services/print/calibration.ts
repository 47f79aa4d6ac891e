import type { PrinterCalibration } from '../../../shared/print/contract';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';

interface CalibrationRow {
  printer: string;
  x_mm: number;
  y_mm: number;
  updated_at: string;
}

const toCalibration = (row: CalibrationRow): PrinterCalibration => ({
  printer: row.printer,
  x: row.x_mm,
  y: row.y_mm,
  updatedAt: row.updated_at,
});

/** Every printer this laptop has an offset for, the latest first: the names the dialog offers. */
export function listCalibrations(db: Db): PrinterCalibration[] {
  const rows = statement(
    db,
    `SELECT printer, x_mm, y_mm, updated_at FROM printer_calibration ORDER BY updated_at DESC, printer`,
  ).all() as CalibrationRow[];
  return rows.map(toCalibration);
}

/** A printer's offset by its name, whatever its case; null when none was saved. */
export function getCalibration(db: Db, printer: string): PrinterCalibration | null {
  const row = statement(
    db,
    `SELECT printer, x_mm, y_mm, updated_at FROM printer_calibration WHERE printer = ?`,
  ).get(printer.trim()) as CalibrationRow | undefined;
  return row ? toCalibration(row) : null;
}

/**
 * Saves a printer's offset (bounds checked by the contract). The name keeps the spelling it was
 * first saved with; a later save in another case updates the same printer.
 */
export function saveCalibration(
  db: Db,
  now: Date,
  input: { printer: string; x: number; y: number },
): PrinterCalibration {
  statement(
    db,
    `INSERT INTO printer_calibration (printer, x_mm, y_mm, updated_at) VALUES (@printer, @x, @y, @at)
     ON CONFLICT (printer) DO UPDATE SET x_mm = excluded.x_mm, y_mm = excluded.y_mm, updated_at = excluded.updated_at`,
  ).run({ printer: input.printer.trim(), x: input.x, y: input.y, at: now.toISOString() });
  return getCalibration(db, input.printer)!;
}
