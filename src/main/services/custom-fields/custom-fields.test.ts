import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { memberListInput } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { exportMembersInput } from '../../../shared/imports';
import type { PersonData } from '../../../shared/person-data';
import { printRosterInput } from '../../../shared/print/contract';
import { personDataParts } from '../../../shared/print/personData';
import { expectSearchIndexInStep } from '../../../../tests/helpers/search-index';

let chapter: TestChapter;
afterEach(() => chapter?.close());

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function setUp() {
  chapter = openTestChapter();
  const h = chapter.handlers;
  const role = h['customFields.create']({ label: 'Role', kind: 'text' });
  const shirts = h['customFields.create']({
    label: 'T-shirt size',
    kind: 'choice',
    choices: ['S', 'M', 'L'],
  });
  const years = h['customFields.create']({ label: 'Years in IT', kind: 'number' });
  const since = h['customFields.create']({ label: 'ISOC member since', kind: 'date' });
  const volunteer = h['customFields.create']({ label: 'Volunteer', kind: 'yesno' });
  return { h, role, shirts, years, since, volunteer };
}

const values = (memberId: string) =>
  Object.fromEntries(
    chapter.handlers['members.fieldValues']({ id: memberId }).map((v) => [v.field.label, v.value]),
  );

describe('custom fields', () => {
  it('are defined in order, each kind once, and listed with their choices', () => {
    const { h } = setUp();
    expect(h['customFields.list'](undefined).map((f) => [f.label, f.kind, f.position, f.choices])).toEqual([
      ['Role', 'text', 0, []],
      ['T-shirt size', 'choice', 1, ['S', 'M', 'L']],
      ['Years in IT', 'number', 2, []],
      ['ISOC member since', 'date', 3, []],
      ['Volunteer', 'yesno', 4, []],
    ]);
  });

  it('keep a member’s values in their stored form, from the form or the command line', () => {
    const { h, role, shirts, years, since, volunteer } = setUp();
    const ama = h['members.create']({
      firstName: 'Ama',
      customFields: {
        [role.id]: ' Treasurer ',
        [shirts.id]: 'm',
        [years.id]: '12,5',
        [since.id]: '31/01/2020',
        [volunteer.id]: 'Oui',
      },
    });
    expect(values(ama.id)).toEqual({
      Role: 'Treasurer',
      'T-shirt size': 'M',
      'Years in IT': '12.5',
      'ISOC member since': '2020-01-31',
      Volunteer: 'yes',
    });
    // Only the fields given change; an empty one is cleared.
    h['members.update']({ id: ama.id, patch: {}, customFields: { [role.id]: 'Secretary', [years.id]: '' } });
    expect(values(ama.id)).toEqual({
      Role: 'Secretary',
      'T-shirt size': 'M',
      'ISOC member since': '2020-01-31',
      Volunteer: 'yes',
    });
  });

  it('refuse a value the field cannot read, naming every field at fault and saving nothing', () => {
    const { h, shirts, years, since, volunteer } = setUp();
    const error = refusal(() =>
      h['members.create']({
        firstName: 'Kofi',
        customFields: {
          [years.id]: 'twelve',
          [since.id]: '31/02/2020',
          [shirts.id]: 'XXL',
          [volunteer.id]: 'maybe',
        },
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields?.map((f) => [f.field, f.problem?.code])).toEqual([
      [`custom:${years.id}`, 'CUSTOM_NUMBER_INVALID'],
      [`custom:${since.id}`, 'CUSTOM_DATE_INVALID'],
      [`custom:${shirts.id}`, 'CUSTOM_CHOICE_UNKNOWN'],
      [`custom:${volunteer.id}`, 'CUSTOM_YESNO_INVALID'],
    ]);
    expect(error.details?.fields?.map((f) => [f.field, f.message])).toEqual([
      [`custom:${years.id}`, 'Years in IT: Write a number, such as 12 or 3.5'],
      [`custom:${since.id}`, 'ISOC member since: Write a date, such as 2024-03-31'],
      [`custom:${shirts.id}`, 'T-shirt size: Pick one of the field’s choices'],
      [`custom:${volunteer.id}`, 'Volunteer: Answer yes or no'],
    ]);
    expect(h['members.list'](memberListInput.parse({ query: 'Kofi' })).total).toBe(0);
  });

  it('refuse a field that does not exist, and a value for a retired field', () => {
    const { h, role } = setUp();
    const ama = h['members.create']({ firstName: 'Ama', customFields: { [role.id]: 'Treasurer' } });
    const unknown = randomUUID();
    expect(
      refusal(() => h['members.update']({ id: ama.id, patch: {}, customFields: { [unknown]: 'x' } })).details
        ?.fields,
    ).toEqual([
      {
        field: `custom:${unknown}`,
        message: 'There is no such field',
        problem: { code: 'CUSTOM_FIELD_UNKNOWN', params: {} },
      },
    ]);

    h['customFields.update']({ id: role.id, retired: true });
    const retired = refusal(() =>
      h['members.update']({ id: ama.id, patch: {}, customFields: { [role.id]: 'Chair' } }),
    );
    expect(retired.details?.fields?.[0]?.message).toMatch(/Role: This field is retired/);
    expect(retired.details?.problem).toEqual({ code: 'CUSTOM_FIELD_RETIRED', params: { label: 'Role' } });
    // The value stays, shown again when the field comes back.
    h['customFields.update']({ id: role.id, retired: false });
    expect(values(ama.id)).toEqual({ Role: 'Treasurer' });
  });

  it('keep labels apart among fields in use, and choices to choice fields', () => {
    const { h, role, years } = setUp();
    expect(refusal(() => h['customFields.create']({ label: 'rôle', kind: 'text' })).code).toBe('CONFLICT');
    expect(refusal(() => h['customFields.update']({ id: years.id, label: 'ROLE' })).code).toBe('CONFLICT');
    expect(refusal(() => h['customFields.update']({ id: years.id, choices: ['1', '2'] })).code).toBe(
      'VALIDATION',
    );
    // A retired field's label is free again; bringing the old one back then clashes.
    h['customFields.update']({ id: role.id, retired: true });
    const newRole = h['customFields.create']({ label: 'Role', kind: 'choice', choices: ['Chair', 'Member'] });
    expect(newRole.label).toBe('Role');
    expect(refusal(() => h['customFields.update']({ id: role.id, retired: false })).code).toBe('CONFLICT');
  });

  it('never change kind: the contract has no way to, and renaming keeps the values', () => {
    const { h, years } = setUp();
    const ama = h['members.create']({ firstName: 'Ama', customFields: { [years.id]: '3' } });
    const renamed = h['customFields.update']({ id: years.id, label: 'Years online', position: 9 });
    expect([renamed.label, renamed.kind, renamed.position]).toEqual(['Years online', 'number', 9]);
    expect(values(ama.id)).toEqual({ 'Years online': '3' });
  });
});

describe('custom values in the members list, exports and a person’s data', () => {
  it('are found by search, filtered by field and value, and exported as columns headed by label', async () => {
    const { h, role, shirts, volunteer } = setUp();
    const ama = h['members.create']({
      firstName: 'Ama',
      lastName: 'Mensah',
      customFields: { [role.id]: 'Treasurer', [shirts.id]: 'M', [volunteer.id]: 'yes' },
    });
    h['members.create']({ firstName: 'Kofi', lastName: 'Boateng', customFields: { [shirts.id]: 'L' } });
    h['members.create']({ firstName: 'Efua', lastName: 'Owusu' });
    const names = (input: Parameters<typeof memberListInput.parse>[0]) =>
      h['members.list'](memberListInput.parse(input)).rows.map((m) => m.firstName);

    expect(names({ query: 'treas' })).toEqual(['Ama']);
    expect(names({ query: 'ama treasurer' })).toEqual(['Ama']);
    expect(names({ fieldId: shirts.id })).toEqual(['Kofi', 'Ama']);
    expect(names({ fieldId: shirts.id, fieldValue: 'L' })).toEqual(['Kofi']);
    expect(names({ fieldId: role.id, fieldValue: 'SURER' })).toEqual(['Ama']);
    expect(names({ fieldId: volunteer.id, fieldValue: 'no' })).toEqual([]);
    // A retired field's values are no longer searched.
    h['customFields.update']({ id: role.id, retired: true });
    expect(names({ query: 'treas' })).toEqual([]);
    h['customFields.update']({ id: role.id, retired: false });

    const file = await h['members.export'](
      exportMembersInput.parse({ format: 'csv', delimiter: ',', language: 'fr', fieldId: shirts.id }),
    );
    const lines = Buffer.from(file.data, 'base64').toString('utf8').replace('\uFEFF', '').split('\r\n');
    const header = lines[0]!.split(',');
    const cell = (line: string, label: string) => line.split(',')[header.indexOf(label)];
    expect(header.slice(-5)).toEqual([
      'Role',
      'T-shirt size',
      'Years in IT',
      'ISOC member since',
      'Volunteer',
    ]);
    expect(lines).toHaveLength(3);
    expect([cell(lines[2]!, 'Role'), cell(lines[2]!, 'T-shirt size'), cell(lines[2]!, 'Volunteer')]).toEqual([
      'Treasurer',
      'M',
      'oui',
    ]);

    // A printed list says what it was filtered by, the field named as the chapter names it.
    const roster = h['print.roster'](
      printRosterInput.parse({ fieldId: shirts.id, fieldValue: 'L', lang: 'en' }),
    );
    expect([roster.filter, roster.rows.map((m) => m.name)]).toEqual(['T-shirt size: L', ['Boateng, Kofi']]);

    const person = h['members.exportPerson']({ id: ama.id });
    const data = JSON.parse(Buffer.from(person.data, 'base64').toString('utf8')) as PersonData;
    expect(data.customFields.map((v) => [v.field?.label, v.value])).toEqual([
      ['Role', 'Treasurer'],
      ['T-shirt size', 'M'],
      ['Volunteer', 'yes'],
    ]);
    // The printed page of their data shows them too.
    const printed = personDataParts(h['print.personData']({ memberId: ama.id }), {
      lang: 'fr',
      paper: 'a4',
      landscape: false,
    });
    expect(printed.body).toContain('<h2>Autres informations (3)</h2>');
    expect(printed.body).toContain('Treasurer');
    expect(data.history.filter((c) => c.table === 'member_field_values').map((c) => c.value)).toEqual([
      'Treasurer',
      'M',
      'yes',
    ]);
  });

  it('go with the member when they are erased, log and search index included', () => {
    const { h, role } = setUp();
    const ama = h['members.create']({ firstName: 'Ama', customFields: { [role.id]: 'Treasurer' } });
    h['members.erase']({ id: ama.id });
    const count = (sql: string) => (chapter.db.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT count(*) AS n FROM member_field_values`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM changes WHERE tbl = 'member_field_values'`)).toBe(0);
    expect(h['members.list'](memberListInput.parse({ query: 'treasurer' })).total).toBe(0);
    expectSearchIndexInStep(chapter.db);
  });
});

describe('merging two records of one member', () => {
  it('fills the kept member’s empty custom fields from the other, and lists those that differ', () => {
    const { h, role, shirts, years } = setUp();
    const keep = h['members.create']({ firstName: 'Ama', customFields: { [role.id]: 'Treasurer' } });
    const other = h['members.create']({
      firstName: 'Ama',
      customFields: { [role.id]: 'Chair', [shirts.id]: 'M', [years.id]: '4' },
    });
    const preview = h['members.mergePreview']({ keepId: keep.id, otherId: other.id });
    expect(preview.filled).toEqual([
      { field: 'T-shirt size', keep: null, other: 'M' },
      { field: 'Years in IT', keep: null, other: '4' },
    ]);
    expect(preview.differing).toEqual([
      { field: 'memberNumber', keep: '1', other: '2' },
      { field: 'Role', keep: 'Treasurer', other: 'Chair' },
    ]);
    h['members.merge']({ keepId: keep.id, otherId: other.id });
    expect(values(keep.id)).toEqual({ Role: 'Treasurer', 'T-shirt size': 'M', 'Years in IT': '4' });
  });
});

describe('a member’s history', () => {
  it('lists edits of the chapter’s own fields under their labels, among the others', () => {
    const { h, role } = setUp();
    const ama = h['members.create']({ firstName: 'Ama', customFields: { [role.id]: 'Treasurer' } });
    chapter.clock.now = new Date('2026-03-16T10:00:00Z');
    h['members.update']({ id: ama.id, patch: { city: 'Accra' }, customFields: { [role.id]: 'Chair' } });
    const history = h['members.history']({ id: ama.id }).filter((e) => ['city', 'Role'].includes(e.column));
    expect(history.map((e) => [e.column, e.value])).toEqual([
      ['Role', 'Treasurer'],
      ['city', 'Accra'],
      ['Role', 'Chair'],
    ]);
  });
});
