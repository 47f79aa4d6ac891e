import { describe, expect, it } from 'vitest';
import { syncedColumns, SYNC_SCHEMA_VERSION } from '../sync-protocol';
import { changeProblem, valueIssue } from './check';
import { DERIVED_FIELDS, schemaAdditions, syncedField } from './index';

const CHAPTER = '5f0c1a52-8d4e-4b8e-9a51-3c2f7e0d9b11';
const json = (value: unknown) => JSON.stringify(value);

describe('the field registry', () => {
  it('gives the wire the same columns per schema as before it existed', () => {
    // Schemas 1 to 4 as they shipped: changing any of these is a protocol change.
    expect(schemaAdditions()).toEqual([
      {
        schema: 1,
        tables: {
          chapter: ['name', 'country', 'currency', 'grace_days', 'locale', 'deleted'],
          membership_types: ['name', 'kind', 'fee_minor', 'currency', 'period_months', 'deleted'],
          members: [
            'member_number',
            'first_name',
            'last_name',
            'email',
            'phone',
            'phone_e164',
            'country',
            'city',
            'organisation',
            'type_id',
            'joined_on',
            'paid_through',
            'notes',
            'consent_email',
            'consent_sms',
            'sort_name',
            'deleted',
          ],
        },
      },
      {
        schema: 2,
        tables: {
          chapter: ['time_zone'],
          membership_types: ['grace_days'],
          payments: [
            'member_id',
            'type_id',
            'amount_minor',
            'currency',
            'method',
            'reference',
            'paid_on',
            'period_from',
            'period_to',
            'receipt_number',
            'officer',
            'note',
            'batch_id',
            'deleted',
          ],
          payment_voids: ['payment_id', 'reason', 'voided_on', 'officer', 'deleted'],
        },
      },
      {
        schema: 3,
        tables: {
          events: [
            'title',
            'kind',
            'starts_at',
            'ends_at',
            'venue',
            'online_link',
            'capacity',
            'quorum',
            'description',
            'cancelled',
            'deleted',
          ],
          registrations: [
            'event_id',
            'member_id',
            'guest_name',
            'guest_email',
            'guest_phone',
            'registered_at',
            'walk_in',
            'cancelled',
            'deleted',
          ],
          attendance: [
            'event_id',
            'registration_id',
            'member_id',
            'checked_in_at',
            'present',
            'completed',
            'deleted',
          ],
        },
      },
      { schema: 4, tables: { members: ['address_line1', 'address_line2', 'postal_code', 'region'] } },
      {
        schema: 5,
        tables: {
          chapter: ['retention_years', 'officers', 'csv_delimiter'],
          erasures: ['tbl', 'erased_at'],
          members: ['merged_into'],
        },
      },
      {
        schema: 6,
        tables: {
          membership_types: ['retired'],
          custom_fields: ['label', 'kind', 'choices', 'position', 'retired'],
          member_field_values: ['value'],
        },
      },
    ]);
    expect(SYNC_SCHEMA_VERSION).toBe(6);
    expect(syncedColumns(3).get('members')?.has('region')).toBe(false);
    expect(syncedColumns(4).get('members')?.has('region')).toBe(true);
  });

  it('says which columns are derived and from what', () => {
    expect([...DERIVED_FIELDS].sort()).toEqual(['members.phone_e164', 'members.sort_name']);
    expect(syncedField('members', 'sort_name')?.derived?.from).toEqual(['last_name', 'first_name', 'email']);
    expect(syncedField('members', 'phone_e164')?.derived?.from).toEqual(['phone', 'country']);
    expect(syncedField('members', '__proto__')).toBeUndefined();
    expect(syncedField('constructor', 'name')).toBeUndefined();
  });

  it.each([
    ['members', 'first_name', 'Hélène', null],
    ['members', 'first_name', null, null],
    ['members', 'first_name', 'A'.repeat(200), null],
    ['members', 'first_name', 'A'.repeat(201), 'At most 200 characters'],
    ['members', 'first_name', 'A'.repeat(65_000), 'At most 200 characters'],
    ['members', 'first_name', { first: 'Ada' }, /expected string/],
    ['members', 'notes', 'n'.repeat(5000), null],
    ['members', 'email', 'ada@example.org', null],
    ['members', 'email', 'not an email', 'Not a valid email address'],
    ['members', 'phone_e164', '+33612345678', null],
    ['members', 'phone_e164', '0612345678', 'Must be a phone number in E.164 form'],
    ['members', 'country', 'FR', null],
    ['members', 'country', 'fr', 'Must be stored as "FR"'],
    ['members', 'type_id', '0d6f3f43-5c36-4c52-8a8e-1f1f7e54c0aa', null],
    ['members', 'type_id', 'regular', 'Must be a row id (UUID)'],
    ['members', 'joined_on', '2024-02-29', null],
    ['members', 'joined_on', '2024-02-30', 'Must be a date like 2024-03-31'],
    ['members', 'paid_through', '31/12/2024', 'Must be a date like 2024-03-31'],
    ['members', 'deleted', 1, null],
    ['members', 'deleted', 'maybe', 'Must be 0 or 1'],
    ['members', 'deleted', true, 'Must be 0 or 1'],
    ['members', 'deleted', null, 'Must be 0 or 1'],
    ['members', 'sort_name', '', null],
    ['chapter', 'grace_days', 30, null],
    ['chapter', 'grace_days', 1e300, /<=3650/],
    ['chapter', 'grace_days', 2.5, /expected int/],
    ['chapter', 'currency', 'XOF', null],
    ['chapter', 'currency', 'EURO', 'Use a three-letter currency code such as EUR or KES'],
    ['chapter', 'locale', 'fr', null],
    ['chapter', 'locale', 'xx', /expected one of/],
    ['chapter', 'time_zone', 'Africa/Dakar', null],
    ['chapter', 'time_zone', 'Mars/Olympus', 'Not a time zone name such as Africa/Dakar'],
    ['chapter', 'deleted', 1, 'The chapter is never deleted'],
    ['membership_types', 'kind', 'regular', null],
    ['membership_types', 'kind', 'student', null],
    ['membership_types', 'kind', 'vip', 'Not a membership kind'],
    ['membership_types', 'fee_minor', -5, /Too small/],
    ['payments', 'amount_minor', 0, /Too small/],
    ['payments', 'currency', 'eur', 'Must be stored as "EUR"'],
    ['payments', 'method', 'mobile-money', null],
    ['payments', 'method', 'barter', /expected one of/],
    ['payments', 'receipt_number', 'K3M-000042', null],
    ['payments', 'receipt_number', '<b>42</b>', 'Must be a receipt number like K3M-000042'],
    ['payments', 'reference', 'r'.repeat(101), /<=100/],
    ['events', 'starts_at', '2026-03-14T17:00:00.000Z', null],
    ['events', 'starts_at', '2026-03-14T18:00', /UTC time/],
    ['events', 'capacity', 0, /Too small/],
    ['events', 'quorum', '10%', null],
    ['events', 'quorum', '150%', 'A percentage is at most 100%'],
    ['events', 'online_link', 'javascript:alert(1)', 'Give a link starting with https://'],
    ['registrations', 'guest_name', 'G'.repeat(201), /<=200/],
    ['attendance', 'present', 2, 'Must be 0 or 1'],
    ['membership_types', 'retired', 1, null],
    ['membership_types', 'retired', true, 'Must be 0 or 1'],
    ['custom_fields', 'label', 'National ID', null],
    ['custom_fields', 'label', ' Role', 'Must be stored as "Role"'],
    ['custom_fields', 'label', 'L'.repeat(81), 'At most 80 characters'],
    ['custom_fields', 'kind', 'choice', null],
    ['custom_fields', 'kind', 'colour', 'Not a kind of custom field'],
    ['custom_fields', 'choices', '["S","M","L"]', null],
    ['custom_fields', 'choices', '["S","s"]', /distinct choices/],
    ['custom_fields', 'choices', '[]', /distinct choices/],
    ['custom_fields', 'position', -1, /Too small/],
    ['custom_fields', 'retired', 1, null],
    ['member_field_values', 'value', 'Treasurer', null],
    ['member_field_values', 'value', '', /Too small/],
    ['member_field_values', 'value', 'v'.repeat(501), 'At most 500 characters'],
    ['member_field_values', 'value', 12, /expected string/],
  ] as const)('%s.%s = %j: %s', (table, column, value, expected) => {
    const issue = valueIssue(table, column, json(value));
    if (expected === null) expect(issue).toBeNull();
    else expect(issue).toMatch(expected);
  });

  it('reads a missing value as null and refuses what is not JSON', () => {
    expect(valueIssue('members', 'city', null)).toBeNull();
    expect(valueIssue('members', 'consent_sms', null)).toBe('Must be 0 or 1');
    expect(valueIssue('members', 'city', '{broken')).toBe('Not JSON text');
  });

  it('lets a device touch only its own chapter row', () => {
    const change = { tbl: 'chapter', col: 'name', value: json('Lyon') };
    expect(changeProblem({ ...change, rowId: CHAPTER }, CHAPTER)).toBeNull();
    expect(changeProblem({ ...change, rowId: 'another' }, CHAPTER)).toEqual({
      code: 'OTHER_CHAPTER',
      params: { table: 'chapter', rowId: 'another' },
    });
    // Other tables are kept per chapter by the server: their row ids are free.
    expect(
      changeProblem({ tbl: 'members', rowId: 'another', col: 'city', value: json('Lyon') }, CHAPTER),
    ).toBe(null);
  });

  it('takes a member value of a custom field only under an id naming a member and a field', () => {
    const value = { tbl: 'member_field_values', col: 'value', value: json('Treasurer') };
    const member = '0d6f3f43-5c36-4c52-8a8e-1f1f7e54c0aa';
    expect(changeProblem({ ...value, rowId: `${member}:${CHAPTER}` }, CHAPTER)).toBeNull();
    for (const rowId of [
      member,
      `${member}:role`,
      `${member}:${CHAPTER}:x`,
      `${member.toUpperCase()}:${CHAPTER}`,
    ]) {
      expect(changeProblem({ ...value, rowId }, CHAPTER)).toEqual({
        code: 'VALUE_INVALID',
        params: { table: 'member_field_values', column: 'id', reason: 'Must be a member id and a field id' },
      });
    }
  });
});
