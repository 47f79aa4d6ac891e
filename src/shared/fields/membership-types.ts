import { z } from 'zod';
import { currencyCode } from '../domain';
import { MAX_AMOUNT_MINOR } from '../dues/money';
import { membershipKind } from '../dues/status';
import { membershipTypeFields } from '../payments';
import { flag, normalised, type SyncedField } from './field';

const form = membershipTypeFields.shape;

export const MEMBERSHIP_TYPE_COLUMNS: readonly SyncedField[] = [
  { column: 'name', since: 1, value: form.name.nullable() },
  // Today's kinds and the two that versions before dues wrote (regular, reduced), which every
  // laptop still reads.
  {
    column: 'kind',
    since: 1,
    value: z
      .string()
      .refine((kind) => membershipKind(kind) !== null, 'Not a membership kind')
      .nullable(),
  },
  // The form takes the fee as text; stored, it is minor units, no more than any amount is.
  { column: 'fee_minor', since: 1, value: z.number().int().min(0).max(MAX_AMOUNT_MINOR) },
  { column: 'currency', since: 1, value: normalised(currencyCode).nullable() },
  { column: 'period_months', since: 1, value: form.periodMonths },
  { column: 'deleted', since: 1, value: flag },
  { column: 'grace_days', since: 2, value: form.graceDays },
  // Retired: no longer given to new members; those who have it keep it. Brought back with 0.
  { column: 'retired', since: 6, value: flag },
];
