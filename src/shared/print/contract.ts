import { z } from 'zod';
import { MEMBER_LIST_FILTERS } from '../domain';
import { ROSTER_COLUMNS } from './documents';
import { PRINT_LANGUAGES } from './labels';
import { MAX_OFFSET_MM } from './sheets';

const lang = z.enum(PRINT_LANGUAGES).optional();

/** The roster prints what the members screen shows: its filters and its chosen columns. */
export const printRosterInput = z.strictObject({
  ...MEMBER_LIST_FILTERS,
  columns: z.array(z.enum(ROSTER_COLUMNS)).min(1).max(ROSTER_COLUMNS.length).optional(),
  lang,
});
export const printSignInInput = z.strictObject({
  eventId: z.uuid(),
  blankRows: z.number().int().min(0).max(500).default(10),
  lang,
});
export const printReceiptInput = z.strictObject({ paymentId: z.uuid(), lang });
export const printDuesInput = z.strictObject({ lang });
export const printCertificatesInput = z.strictObject({ eventId: z.uuid(), lang });
/** Labels and cards print what the members screen filters, as the roster does. */
export const printLabelsInput = z.strictObject({ ...MEMBER_LIST_FILTERS, lang });
export const printCardsInput = z.strictObject({ ...MEMBER_LIST_FILTERS, lang });
/** Everything stored about one person, on paper: the data holds no words, so no language. */
export const printPersonDataInput = z.strictObject({ memberId: z.uuid() });

const offsetMm = z
  .number()
  .min(-MAX_OFFSET_MM, `Give millimetres from -${MAX_OFFSET_MM} to ${MAX_OFFSET_MM}`)
  .max(MAX_OFFSET_MM, `Give millimetres from -${MAX_OFFSET_MM} to ${MAX_OFFSET_MM}`);

/** How far a printer's labels and cards are moved to land on the sheet: x right, y down, mm. */
export const printCalibrationInput = z.strictObject({
  printer: z.string().trim().min(1, 'Name the printer').max(200),
  x: offsetMm,
  y: offsetMm,
});

export interface PrinterCalibration {
  printer: string;
  x: number;
  y: number;
  updatedAt: string;
}
