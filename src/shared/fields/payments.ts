import { z } from 'zod';
import { chapterSetupInput, currencyCode } from '../domain';
import { MAX_AMOUNT_MINOR } from '../dues/money';
import { PAYMENT_METHODS, paymentRecordInput } from '../payments';
import { emptyOr, flag, isoDate, normalised, rowRef, type SyncedField } from './field';

const form = paymentRecordInput.shape;

/** The officer's name as setup and enrolment take it. */
export const officer = chapterSetupInput.shape.officerName.nullable();

/** As `nextReceiptNumber` writes it: the laptop's prefix, a dash, the zero-padded sequence. */
const receiptNumber = z
  .string()
  .regex(/^[A-Z0-9]{1,8}-\d{6,15}$/, 'Must be a receipt number like K3M-000042');

/** Payments are created once and never edited (a void is its own row). */
export const PAYMENT_COLUMNS: readonly SyncedField[] = [
  { column: 'member_id', since: 2, value: rowRef.nullable() },
  { column: 'type_id', since: 2, value: rowRef.nullable() },
  // parseAmount's range: money received, never zero or negative.
  { column: 'amount_minor', since: 2, value: z.number().int().min(1).max(MAX_AMOUNT_MINOR).nullable() },
  { column: 'currency', since: 2, value: normalised(currencyCode).nullable() },
  { column: 'method', since: 2, value: z.enum(PAYMENT_METHODS).nullable() },
  { column: 'reference', since: 2, value: emptyOr(form.reference) },
  { column: 'paid_on', since: 2, value: isoDate.nullable() },
  { column: 'period_from', since: 2, value: isoDate.nullable() },
  { column: 'period_to', since: 2, value: isoDate.nullable() },
  { column: 'receipt_number', since: 2, value: receiptNumber.nullable() },
  { column: 'officer', since: 2, value: officer },
  { column: 'note', since: 2, value: emptyOr(form.note) },
  { column: 'batch_id', since: 2, value: rowRef.nullable() },
  { column: 'deleted', since: 2, value: flag },
];
