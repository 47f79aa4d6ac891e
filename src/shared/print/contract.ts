import { z } from 'zod';
import { MEMBER_LIST_FILTERS } from '../domain';
import { ROSTER_COLUMNS } from './documents';
import { PRINT_LANGUAGES } from './labels';

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
