import { paymentVoidInput } from '../payments';
import { flag, isoDate, rowRef, type SyncedField } from './field';
import { officer } from './payments';

/** A void's id derives from its payment's, so two officers voiding one payment make one row. */
export const PAYMENT_VOID_COLUMNS: readonly SyncedField[] = [
  { column: 'payment_id', since: 2, value: rowRef.nullable() },
  { column: 'reason', since: 2, value: paymentVoidInput.shape.reason.nullable() },
  { column: 'voided_on', since: 2, value: isoDate.nullable() },
  { column: 'officer', since: 2, value: officer },
  { column: 'deleted', since: 2, value: flag },
];
