import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { applicationFormData } from '../print/data';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const types = () => chapter.handlers['membershipTypes.list'](undefined);
const student = () => types().find((t) => t.kind === 'student')!;
const changesOf = (id: string) =>
  chapter.db
    .prepare(
      `SELECT col, value FROM changes WHERE tbl = 'membership_types' AND row_id = ? AND col = 'retired'`,
    )
    .all(id);

describe('retiring a membership type', () => {
  it('keeps it listed, marked, with its members, and brings it back', () => {
    chapter = openTestChapter();
    const type = student();
    const awa = chapter.handlers['members.create']({ firstName: 'Awa', typeId: type.id });
    expect(chapter.handlers['membershipTypes.retire']({ id: type.id, retired: true })).toMatchObject({
      id: type.id,
      name: 'Student',
      retired: true,
    });
    expect(types().map((t) => [t.name, t.retired])).toEqual([
      ['Individual', false],
      ['Student', true],
      ['Honorary', false],
      ['Lifetime', false],
    ]);
    expect(chapter.handlers['members.get']({ id: awa.id }).typeId).toBe(type.id);
    expect(applicationFormData(chapter.db).types.map((t) => t.name)).toEqual(['Individual', 'Lifetime']);

    expect(chapter.handlers['membershipTypes.retire']({ id: type.id, retired: false }).retired).toBe(false);
    // One edit each way, through the change log, so both sync.
    expect(changesOf(type.id)).toEqual([
      { col: 'retired', value: '1' },
      { col: 'retired', value: '0' },
    ]);
  });

  it('writes nothing when the type is already as asked, and refuses a type that does not exist', () => {
    chapter = openTestChapter();
    chapter.handlers['membershipTypes.retire']({ id: student().id, retired: false });
    expect(changesOf(student().id)).toEqual([]);
    expect(() =>
      chapter.handlers['membershipTypes.retire']({
        id: '00000000-0000-4000-8000-000000000000',
        retired: true,
      }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }) as Error);
  });

  it('is given to no member anew, while a member who has it keeps it through edits', () => {
    chapter = openTestChapter();
    const type = student();
    const awa = chapter.handlers['members.create']({ firstName: 'Awa', typeId: type.id });
    const omar = chapter.handlers['members.create']({ firstName: 'Omar' });
    chapter.handlers['membershipTypes.retire']({ id: type.id, retired: true });

    const refusal = expect.objectContaining({
      code: 'VALIDATION',
      details: expect.objectContaining({
        problem: { code: 'TYPE_RETIRED', params: { name: 'Student' } },
        fields: [expect.objectContaining({ field: 'typeId' })],
      }) as unknown,
    }) as Error;
    expect(() => chapter.handlers['members.create']({ firstName: 'Ines', typeId: type.id })).toThrow(refusal);
    expect(() => chapter.handlers['members.update']({ id: omar.id, patch: { typeId: type.id } })).toThrow(
      refusal,
    );
    expect(chapter.handlers['members.update']({ id: awa.id, patch: { city: 'Dakar' } })).toMatchObject({
      typeId: type.id,
      city: 'Dakar',
    });
  });
});
