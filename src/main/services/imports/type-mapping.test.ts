import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { createWriteContexts } from '../device/device';
import { allMembers } from '../members/export';
import { runImport, type ImportRequest } from './job';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const ctx = () => createWriteContexts(chapter.db, () => new Date(chapter.clock.now))();
const run = (request: Partial<ImportRequest> & { bytes: Uint8Array }) =>
  runImport(ctx(), { fileName: 'membres.csv', dryRun: false, ...request });
const types = () => chapter.handlers['membershipTypes.list'](undefined);
const typeId = (name: string) => types().find((t) => t.name === name)!.id;
const typeOf = () =>
  Object.fromEntries(
    allMembers(chapter.db, chapter.clock.now).map((m) => [
      m.firstName,
      types().find((t) => t.id === m.typeId)?.name ?? null,
    ]),
  );

/** A French secretary's spreadsheet, imported into a chapter whose types are named in English. */
const FRENCH_FILE = csv([
  'Prénom,Nom,Courriel,Catégorie',
  'Awa,Diallo,awa@example.org,Individuel',
  'Moussa,Ndiaye,moussa@example.org,Étudiant',
  'Fatou,Sow,fatou@example.org,Organization',
  'Ibrahima,Fall,ibrahima@example.org,étudiant',
  'Aïssa,Ba,aissa@example.org,Honoraire',
  'Omar,Kane,omar@example.org,Organization',
]);

describe('importing membership categories', () => {
  it('finds the chapter’s types by their name in another language, and groups the rows of a missing one', async () => {
    chapter = openTestChapter();
    const { outcome } = await run({ bytes: FRENCH_FILE });
    expect(typeOf()).toEqual({
      Awa: 'Individual',
      Moussa: 'Student',
      Fatou: null,
      Ibrahima: 'Student',
      Aïssa: 'Honorary',
      Omar: null,
    });
    expect(outcome.typeValues).toEqual([
      expect.objectContaining({ value: 'Étudiant', rows: 2, typeName: 'Student', source: 'name' }),
      expect.objectContaining({ value: 'Organization', rows: 2, typeId: null, source: null }),
      expect.objectContaining({ value: 'Individuel', rows: 1, typeName: 'Individual', source: 'name' }),
      expect.objectContaining({ value: 'Honoraire', rows: 1, typeName: 'Honorary', source: 'name' }),
    ]);
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unknown_type',
        field: 'membershipType',
        column: 'Catégorie',
        params: { type: 'Organization' },
        count: 2,
        rows: [
          { row: 4, value: 'Organization' },
          { row: 7, value: 'Organization' },
        ],
        message: expect.stringMatching(
          /^2 rows, Membership type \(column “Catégorie”\): No membership type called “Organization”.* Rows 4 and 7\.$/,
        ) as unknown,
      }),
    ]);
  });

  it('creates a missing type of the kind its name says, and gives it to its rows', async () => {
    chapter = openTestChapter();
    const preview = await run({ bytes: FRENCH_FILE, createTypes: ['Organization'], dryRun: true });
    expect(preview.outcome.problems).toEqual([]);
    expect(types().map((t) => t.name)).not.toContain('Organization');

    const { outcome } = await run({ bytes: FRENCH_FILE, createTypes: ['Organization'] });
    expect(outcome.problems).toEqual([]);
    expect(types().find((t) => t.name === 'Organization')).toMatchObject({
      kind: 'organisation',
      feeMinor: 0,
      periodMonths: 12,
      retired: false,
    });
    expect(typeOf()).toMatchObject({ Fatou: 'Organization', Omar: 'Organization' });
  });

  it('remembers what the secretary chose for a value once imported, not after a preview', async () => {
    chapter = openTestChapter();
    const file = csv(['Name,Email,Type', 'Awa Diallo,awa@example.org,Bienfaiteur']);
    const honorary = typeId('Honorary');
    await run({ bytes: file, typeChoices: [{ value: 'Bienfaiteur', typeId: honorary }], dryRun: true });
    const afterPreview = await run({ bytes: file, dryRun: true });
    expect(afterPreview.outcome.typeValues[0]).toMatchObject({ typeId: null, source: null });

    await run({ bytes: file, typeChoices: [{ value: 'Bienfaiteur', typeId: honorary }] });
    const later = csv(['Name,Email,Type', 'Omar Kane,omar@example.org,BIENFAITEURS']);
    const { outcome } = await run({ bytes: later });
    expect(outcome.typeValues[0]).toMatchObject({ typeId: honorary, source: 'remembered' });
    expect(outcome.problems).toEqual([]);
    expect(typeOf()).toMatchObject({ Omar: 'Honorary' });
  });

  it('never gives a retired type: a value naming one is imported without a type and said so', async () => {
    chapter = openTestChapter();
    const student = typeId('Student');
    chapter.handlers['membershipTypes.retire']({ id: student, retired: true });
    const { outcome } = await run({ bytes: FRENCH_FILE, createTypes: ['Organization'] });
    expect(typeOf()).toMatchObject({ Moussa: null, Ibrahima: null });
    expect(outcome.typeValues[0]).toMatchObject({ value: 'Étudiant', typeId: null, retiredTypeId: student });
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        code: 'retired_type',
        params: { type: 'Étudiant', name: 'Student' },
        rows: [
          { row: 3, value: 'Étudiant' },
          { row: 5, value: 'étudiant' },
        ],
      }),
    ]);
  });

  it('refuses a choice of a retired type, and an import that would create a type of a retired name', async () => {
    chapter = openTestChapter();
    const student = typeId('Student');
    chapter.handlers['membershipTypes.retire']({ id: student, retired: true });
    await expect(
      run({ bytes: FRENCH_FILE, typeChoices: [{ value: 'Étudiant', typeId: student }] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { problem: { code: 'TYPE_RETIRED', params: { name: 'Student' } } },
    });
    await expect(run({ bytes: FRENCH_FILE, createTypes: ['student'] })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(allMembers(chapter.db, chapter.clock.now)).toEqual([]);
  });

  it('keeps the type of a member the file updates when its category names no type', async () => {
    chapter = openTestChapter();
    const student = typeId('Student');
    chapter.handlers['members.create']({
      firstName: 'Awa',
      lastName: 'Diallo',
      email: 'awa@example.org',
      typeId: student,
    });
    chapter.handlers['membershipTypes.retire']({ id: student, retired: true });
    const { outcome } = await run({
      bytes: csv(['Name,Email,City,Type', 'Awa Diallo,awa@example.org,Dakar,Platine']),
    });
    expect(outcome.counts).toMatchObject({ updated: 1, created: 0 });
    expect(typeOf()).toEqual({ Awa: 'Student' });
  });

  it('creates a type for every value that names none when asked to (the command line’s --create-types)', async () => {
    chapter = openTestChapter();
    const file = csv([
      'Name,Email,Type',
      'A B,a@example.org,Gold',
      'C D,c@example.org,Famille',
      'E F,e@example.org,Gold',
    ]);
    const { outcome } = await run({ bytes: file, createMissingTypes: true });
    expect(outcome.typeValues.map((v) => [v.value, v.typeName, v.source])).toEqual([
      ['Gold', 'Gold', 'created'],
      ['Famille', 'Famille', 'created'],
    ]);
    expect(types().find((t) => t.name === 'Famille')?.kind).toBe('family');
  });

  it('says a file of column names alone has no rows, and imports nothing', async () => {
    chapter = openTestChapter();
    await expect(run({ bytes: csv(['Prénom,Nom,Courriel,Catégorie']) })).rejects.toMatchObject({
      code: 'NO_ROWS',
      message: 'The file has column names but no rows.',
    });
    expect(chapter.db.prepare('SELECT count(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
  });
});
