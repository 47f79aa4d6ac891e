import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { CUSTOM_LABEL_MAX } from '../../../shared/custom-fields';
import { memberListInput } from '../../../shared/domain';
import { valueIssue } from '../../../shared/fields/check';
import { writeRow } from '../../db/changes';
import { createWriteContexts } from '../device/device';
import { undoImport } from './batches';
import { runImport, type ImportRequest } from './job';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const csv = (text: string) => new TextEncoder().encode(text);
const ctx = () => createWriteContexts(chapter.db, () => new Date(chapter.clock.now))();
const run = (request: Partial<ImportRequest> & { bytes: Uint8Array }) =>
  runImport(ctx(), { fileName: 'members.csv', dryRun: false, ...request });

/** The file of issue #14, item 12: three columns ChapterDesk has no field for. */
const FILE = csv(
  [
    'Name,Email,Phone,Role,National ID,T-shirt',
    'Ama Mensah,ama@example.org,0612345678,Treasurer,GH-123,M',
    'Kofi Boateng,kofi@example.org,,Member,GH-456,XXL',
    'Efua Owusu,efua@example.org,,,GH-789,s',
  ].join('\n'),
);

const valuesOf = (email: string) => {
  const member = chapter.handlers['members.list'](memberListInput.parse({ query: email })).rows[0]!;
  return Object.fromEntries(
    chapter.handlers['members.fieldValues']({ id: member.id }).map((v) => [v.field.label, v.value]),
  );
};

describe('importing columns into the chapter’s own fields', () => {
  it('makes new fields from columns, fills them for every row, and a preview makes nothing', async () => {
    chapter = openTestChapter();
    const customColumns = [
      { index: 3, newField: { label: 'Role', kind: 'text' as const } },
      { index: 4, newField: { label: 'National ID', kind: 'text' as const } },
      { index: 5, newField: { label: 'T-shirt', kind: 'choice' as const } },
    ];
    const preview = await run({ bytes: FILE, customColumns, dryRun: true });
    expect(preview.outcome.counts.created).toBe(3);
    expect(chapter.handlers['customFields.list'](undefined)).toEqual([]);

    await run({ bytes: FILE, customColumns });
    const fields = chapter.handlers['customFields.list'](undefined);
    expect(fields.map((f) => [f.label, f.kind, f.choices])).toEqual([
      ['Role', 'text', []],
      ['National ID', 'text', []],
      // A choice field made from a column takes its values, each once whatever its case.
      ['T-shirt', 'choice', ['M', 'XXL', 's']],
    ]);
    expect(valuesOf('ama@example.org')).toEqual({
      Role: 'Treasurer',
      'National ID': 'GH-123',
      'T-shirt': 'M',
    });
    expect(valuesOf('efua@example.org')).toEqual({ 'National ID': 'GH-789', 'T-shirt': 's' });
  });

  it('lists the values a field cannot take by row, imports the rest, and never blanks a value', async () => {
    chapter = openTestChapter();
    const size = chapter.handlers['customFields.create']({
      label: 'Size',
      kind: 'choice',
      choices: ['S', 'M'],
    });
    const years = chapter.handlers['customFields.create']({ label: 'Years', kind: 'number' });
    const ama = chapter.handlers['members.create']({
      firstName: 'Ama',
      lastName: 'Mensah',
      email: 'ama@example.org',
      customFields: { [years.id]: '3' },
    });
    const file = csv(
      [
        'Name,Email,Size,Years',
        'Ama Mensah,ama@example.org,m,',
        'Kofi Boateng,kofi@example.org,XXL,ten',
        'Efua Owusu,efua@example.org,s,4',
      ].join('\n'),
    );
    const { outcome } = await run({
      bytes: file,
      customColumns: [
        { index: 2, fieldId: size.id },
        { index: 3, fieldId: years.id },
      ],
    });
    expect(
      outcome.problems.map((p) => [p.code, p.params.label, p.rows.map((r) => [r.row, r.value])]),
    ).toEqual([
      ['custom_choice_unknown', 'Size', [[3, 'XXL']]],
      ['custom_number_invalid', 'Years', [[3, 'ten']]],
    ]);
    expect(outcome.problems[1]!.message).toBe(
      'Row 3, “Years”: not a value “Years” takes, so it was not imported.',
    );
    // Ama's own fields were as the file has them: her new size makes her updated, her years stay.
    expect([outcome.counts.created, outcome.counts.updated, outcome.counts.unchanged]).toEqual([2, 1, 0]);
    expect(valuesOf('ama@example.org')).toEqual({ Size: 'M', Years: '3' });
    expect(valuesOf('kofi@example.org')).toEqual({});
    expect(valuesOf('efua@example.org')).toEqual({ Size: 'S', Years: '4' });

    // Undo puts Ama's values back as they were.
    undoImport(ctx(), outcome.batchId!);
    expect(
      chapter.handlers['members.fieldValues']({ id: ama.id }).map((v) => [v.field.label, v.value]),
    ).toEqual([['Years', '3']]);
  });

  it('undoes an import whose two columns went to one field back to the value from before it', async () => {
    chapter = openTestChapter();
    const role = chapter.handlers['customFields.create']({ label: 'Role', kind: 'text' });
    const ama = chapter.handlers['members.create']({
      firstName: 'Ama',
      email: 'ama@example.org',
      customFields: { [role.id]: 'Chair' },
    });
    // The wizard lets two columns go to one field.
    const file = csv(['Name,Email,Role,Office', 'Ama,ama@example.org,Treasurer,Secretary'].join('\n'));
    const { outcome } = await run({
      bytes: file,
      customColumns: [
        { index: 2, fieldId: role.id },
        { index: 3, fieldId: role.id },
      ],
    });
    expect(valuesOf('ama@example.org')).toEqual({ Role: 'Secretary' });
    undoImport(ctx(), outcome.batchId!);
    expect(
      chapter.handlers['members.fieldValues']({ id: ama.id }).map((v) => [v.field.label, v.value]),
    ).toEqual([['Role', 'Chair']]);
  });

  it('takes two columns headed by the label two fields share into each field in turn, as exported', async () => {
    chapter = openTestChapter();
    // Two laptops each made a field "Role" offline: an export has a column for each, in order.
    const first = chapter.handlers['customFields.create']({ label: 'Role', kind: 'text' });
    const second = chapter.handlers['customFields.create']({ label: 'Role (2)', kind: 'text' });
    writeRow(ctx(), 'custom_fields', second.id, { label: 'Role' });
    const file = csv(['Name,Email,Role,Role', 'Ama,ama@example.org,Treasurer,Webmaster'].join('\n'));
    await run({ bytes: file });
    const ama = chapter.handlers['members.list'](memberListInput.parse({ query: 'ama@example.org' }))
      .rows[0]!;
    expect(chapter.handlers['members.fieldValues']({ id: ama.id }).map((v) => [v.field.id, v.value])).toEqual(
      [
        [first.id, 'Treasurer'],
        [second.id, 'Webmaster'],
      ],
    );
  });

  it('makes a field any laptop and the server take from a long header and long values', async () => {
    chapter = openTestChapter();
    // A question as a form export heads its column, and answers that differ only past 100 characters.
    const question =
      'Which of the committees of the chapter would you like to volunteer for during the coming year';
    const long = 'Events, outreach and the annual general meeting, '.repeat(3);
    const file = csv(
      [`Name,Email,${question}`, `Ama,ama@example.org,${long}A`, `Kofi,kofi@example.org,${long}B`].join('\n'),
    );
    await run({ bytes: file, newFields: [{ header: question, kind: 'choice' }] });
    const [field] = chapter.handlers['customFields.list'](undefined);
    const sent = chapter.db.prepare(`SELECT col, value FROM changes WHERE tbl = 'custom_fields'`).all() as {
      col: string;
      value: string;
    }[];
    const created = JSON.parse(sent.find((c) => c.col === '*')!.value) as Record<string, unknown>;
    expect(valueIssue('custom_fields', 'label', JSON.stringify(created.label))).toBeNull();
    expect(valueIssue('custom_fields', 'choices', JSON.stringify(created.choices))).toBeNull();
    expect(field!.label.length).toBeLessThanOrEqual(CUSTOM_LABEL_MAX);
    expect(field!.choices).toHaveLength(1);
    // The same file again goes to the same field.
    await run({ bytes: file, newFields: [{ header: question, kind: 'choice' }] });
    expect(chapter.handlers['customFields.list'](undefined)).toHaveLength(1);
  });

  it('refuses a retired field or one that does not exist, and saves nothing', async () => {
    chapter = openTestChapter();
    const role = chapter.handlers['customFields.create']({ label: 'Role', kind: 'text' });
    chapter.handlers['customFields.update']({ id: role.id, retired: true });
    await expect(run({ bytes: FILE, customColumns: [{ index: 3, fieldId: role.id }] })).rejects.toMatchObject(
      {
        code: 'VALIDATION',
        details: { problem: { code: 'CUSTOM_FIELD_RETIRED', params: { label: 'Role' } } },
      },
    );
    await expect(
      run({ bytes: FILE, customColumns: [{ index: 3, fieldId: '0d6f3f43-5c36-4c52-8a8e-1f1f7e54c0aa' }] }),
    ).rejects.toMatchObject({ details: { problem: { code: 'CUSTOM_FIELD_UNKNOWN' } } });
    expect(chapter.handlers['members.list'](memberListInput.parse({})).total).toBe(0);
  });
});
