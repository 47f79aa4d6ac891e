import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { createWriteContexts } from '../device/device';
import { allMembers, membersToCsv } from '../members/export';
import { listImports, undoImport } from './batches';
import { runImport, type ImportRequest } from './job';
import { expectSearchIndexInStep } from '../../../../tests/helpers/search-index';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`);
const csv = (text: string) => new TextEncoder().encode(text);
const ctx = () => createWriteContexts(chapter.db, () => new Date(chapter.clock.now))();
const run = (request: Partial<ImportRequest> & { bytes: Uint8Array }) =>
  runImport(ctx(), { fileName: 'members.csv', dryRun: false, ...request });
const count = (sql: string) => (chapter.db.prepare(sql).get() as { n: number }).n;
const members = () => allMembers(chapter.db, chapter.clock.now);

describe('importing members', () => {
  it('imports what it can from a file with every kind of bad row, naming the row and field of each problem', async () => {
    chapter = openTestChapter();
    const { outcome } = await run({ bytes: fixture('bad-rows.csv'), fileName: 'bad-rows.csv' });
    expect(outcome.counts.rejected).toBeGreaterThan(0);
    expect(outcome.counts.created).toBeGreaterThan(0);
    // The rows said to be rejected are exactly the rejected rows, and each other problem names
    // its field and its rows, in order.
    const rejected = outcome.problems.filter((p) => p.severity === 'rejected');
    expect(rejected.reduce((n, p) => n + p.count, 0)).toBe(outcome.counts.rejected);
    expect(rejected.flatMap((p) => p.rows.map((r) => r.row)).sort((a, b) => a - b)).toEqual(
      outcome.rejected.map((r) => r.rowNumber),
    );
    const values = outcome.problems.filter((p) => p.severity === 'error');
    expect(values.length).toBeGreaterThan(0);
    for (const group of values) {
      expect(group.field).not.toBeNull();
      const rows = group.rows.map((r) => r.row);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
      expect(group.message).toMatch(group.count === 1 ? new RegExp(`^Row ${rows[0]}\\b`) : /^\d+ rows, /);
    }
    expect(outcome.problems.find((p) => p.field === 'email' && p.code === 'invalid_email')?.rows).toEqual([
      { row: 4, value: 'paul@' },
    ]);
    expect(members().every((m) => m.email === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(m.email))).toBe(true);
    expect(count('SELECT count(*) AS n FROM members WHERE deleted = 0')).toBe(outcome.counts.created);
  });

  it('previews exactly what a commit does, and writes nothing', async () => {
    chapter = openTestChapter();
    chapter.handlers['members.create']({
      firstName: 'Hélène',
      lastName: 'Dupré',
      email: 'helene.dupre@example.fr',
    });
    const before = {
      members: count('SELECT count(*) AS n FROM members'),
      changes: count('SELECT count(*) AS n FROM changes'),
      batches: count('SELECT count(*) AS n FROM import_batches'),
    };
    const preview = await run({ bytes: fixture('bad-rows.csv'), dryRun: true });
    expect(preview.outcome.batchId).toBeNull();
    expect({
      members: count('SELECT count(*) AS n FROM members'),
      changes: count('SELECT count(*) AS n FROM changes'),
      batches: count('SELECT count(*) AS n FROM import_batches'),
    }).toEqual(before);
    const committed = await run({ bytes: fixture('bad-rows.csv') });
    expect(committed.outcome.counts).toEqual(preview.outcome.counts);
  });

  it.each([
    ['en', ','],
    ['fr', ';'],
    ['fr', '\t'],
  ] as const)(
    'reads its own export back as nothing new and nothing updated (%s, %j)',
    async (language, delimiter) => {
      chapter = openTestChapter();
      chapter.handlers['members.create']({
        firstName: 'Hélène',
        lastName: 'Dupré',
        email: 'h@example.org',
        phone: '06 12 34 56 78',
        addressLine1: '12, rue de la République',
        addressLine2: 'Bâtiment B',
        postalCode: '69002',
        city: 'Lyon',
        region: 'Rhône',
      });
      chapter.handlers['members.create']({ firstName: '王', lastName: '伟', phone: '+86 138 0013 8000' });
      chapter.handlers['members.create']({
        firstName: '=cmd',
        lastName: '-Minus',
        notes: '@risk',
        joinedOn: '2024-03-31',
      });
      const exported = csv(membersToCsv(members(), { language, delimiter }));
      const { outcome } = await run({ bytes: exported, fileName: 'export.csv' });
      expect(outcome.updated, JSON.stringify(outcome.updated)).toEqual([]);
      expect(outcome.counts).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, rejected: 0 });
    },
  );

  it('keeps the later row of the same person twice, and says which row was merged into which', async () => {
    chapter = openTestChapter();
    const file = [
      'First name,Last name,Email,Phone,City',
      'Amina,Njoroge,amina@example.org,+254 711 111111,Nairobi',
      'Baraka,Otieno,baraka@example.org,,Kisumu',
      'Amina,Njoroge,AMINA@example.org,+254 722 222222,',
    ].join('\n');
    const { outcome } = await run({ bytes: csv(file) });
    expect(outcome.counts).toMatchObject({ rows: 3, created: 2, merged: 1 });
    expect(outcome.merged).toEqual([{ rowNumber: 4, into: 2, name: 'Amina Njoroge' }]);
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'merge_conflict',
        field: 'phone',
        params: { by: 'email' },
        rows: [{ row: 4, value: '+254722222222', earlierRow: 2, replaced: '+254711111111' }],
        message: expect.stringContaining('from row 2') as unknown,
      }),
    ]);
    const amina = members().find((m) => m.email === 'amina@example.org');
    // The later row's phone; its empty city does not blank the earlier one.
    expect(amina).toMatchObject({ phoneE164: '+254722222222', city: 'Nairobi' });
  });

  it('reads postal addresses from the usual French headers, and names the row and field of one too long', async () => {
    chapter = openTestChapter();
    const file = [
      "Nom;Prénom;Adresse;Complément d'adresse;Code postal;Ville;Région;Pays",
      'Diallo;Awa;"3, allée des Tilleuls";Appartement 12;33000;Bordeaux;Nouvelle-Aquitaine;FR',
      `Ndiaye;Moussa;Route de Ouakam;;${'9'.repeat(25)};Dakar;;SN`,
    ].join('\r\n');
    const { outcome } = await run({ bytes: csv(file) });
    expect(outcome.counts).toMatchObject({ created: 2, rejected: 0 });
    expect(outcome.problems.map((p) => [p.rows.map((r) => r.row), p.field, p.params])).toEqual([
      [[3], 'postalCode', { max: 20 }],
    ]);
    const [awa, moussa] = members();
    expect(awa).toMatchObject({
      lastName: 'Diallo',
      addressLine1: '3, allée des Tilleuls',
      addressLine2: 'Appartement 12',
      postalCode: '33000',
      city: 'Bordeaux',
      region: 'Nouvelle-Aquitaine',
      country: 'FR',
    });
    expect(moussa).toMatchObject({ addressLine1: 'Route de Ouakam', postalCode: null, city: 'Dakar' });
  });

  it('updates a matching member with the file’s non-empty values and never blanks a field', async () => {
    chapter = openTestChapter();
    const m = chapter.handlers['members.create']({
      firstName: 'Ana',
      email: 'ana@example.org',
      city: 'Porto',
      notes: 'keep me',
    });
    const file = 'Email;City;Phone;Notes\r\nANA@example.org;;06 11 22 33 44;\r\n';
    const { outcome } = await run({ bytes: csv(file) });
    expect(outcome.counts).toMatchObject({ created: 0, updated: 1 });
    expect(outcome.updated[0]!.fields).toEqual(['phone']);
    expect(chapter.handlers['members.get']({ id: m.id })).toMatchObject({
      city: 'Porto',
      notes: 'keep me',
      phoneE164: '+33611223344',
    });
  });

  it('numbers new members in file order and logs each as one creation that history shows field by field', async () => {
    chapter = openTestChapter();
    const file =
      'Email,First name,City\nzoe@example.org,Zoé,Dakar\nana@example.org,Ana,Lisboa\nmia@example.org,Mia,Kraków\n';
    const { outcome } = await run({ bytes: csv(file) });
    expect(outcome.counts.created).toBe(3);
    const byEmail = new Map(members().map((m) => [m.email, m]));
    expect(['zoe', 'ana', 'mia'].map((n) => byEmail.get(`${n}@example.org`)!.memberNumber)).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(outcome.created.map((r) => [r.rowNumber, r.memberId])).toEqual([
      [2, byEmail.get('zoe@example.org')!.id],
      [3, byEmail.get('ana@example.org')!.id],
      [4, byEmail.get('mia@example.org')!.id],
    ]);
    const zoe = byEmail.get('zoe@example.org')!;
    expect(count(`SELECT count(*) AS n FROM changes WHERE row_id = '${zoe.id}'`)).toBe(1);
    const history = chapter.handlers['members.history']({ id: zoe.id });
    expect(history.find((h) => h.column === 'city')).toMatchObject({
      value: 'Dakar',
      by: { officer: 'Amina', thisLaptop: true },
    });
  });

  it('makes imported members findable by search, and members added afterwards too', async () => {
    chapter = openTestChapter();
    chapter.handlers['members.create']({ firstName: 'Hélène', lastName: 'Dupré' });
    const search = (query: string) =>
      chapter.handlers['members.list']({
        query,
        sort: 'name',
        direction: 'asc',
        offset: 0,
        limit: 10,
      }).rows.map((m) => m.email ?? m.lastName);
    const file =
      'Email,First name,Last name,Phone\nzoe@example.org,Zoé,Ndiaye,06 12 34 56 78\nana@example.org,Ana,Łukasik,\n';

    await run({ bytes: csv(file), dryRun: true });
    expect(search('ndiaye')).toEqual([]);
    await run({ bytes: csv(file) });
    expect(search('ndiaye')).toEqual(['zoe@example.org']);
    expect(search('łukasik')).toEqual(['ana@example.org']);
    // Stored as +33612345678, found as the secretary writes it.
    expect(search('06 12 34 56 78')).toEqual(['zoe@example.org']);
    expect(search('dupre')).toEqual(['Dupré']);

    chapter.handlers['members.create']({ firstName: 'Mia', lastName: 'Kowalska' });
    expect(search('kowalska')).toEqual(['Kowalska']);

    // A deleted member coming back, and two people sharing one address, in the same import.
    const [zoe] = chapter.handlers['members.list']({
      query: 'ndiaye',
      sort: 'name',
      direction: 'asc',
      offset: 0,
      limit: 1,
    }).rows;
    chapter.handlers['members.delete']({ id: zoe!.id });
    expect(search('ndiaye')).toEqual([]);
    const second =
      'Email,First name,Last name\nzoe@example.org,Zoé,Ndiaye\nfamily@example.org,Omar,Haddad\nfamily@example.org,Leila,Benali\n';
    await run({ bytes: csv(second), keepPossibleDuplicates: true });
    expect(search('ndiaye')).toEqual(['zoe@example.org']);
    expect(search('haddad')).toEqual(['family@example.org']);
    expect(search('benali')).toEqual(['family@example.org']);
    expectSearchIndexInStep(chapter.db);
  });

  it('gives members without a number numbers that no other row of the file brings', async () => {
    chapter = openTestChapter();
    chapter.handlers['members.create']({ firstName: 'Hélène', memberNumber: '1' });
    const file = 'Email,First name,No.\nzoe@example.org,Zoé,\nana@example.org,Ana,2\nmia@example.org,Mia,\n';
    await run({ bytes: csv(file) });
    const numbers = new Map(members().map((m) => [m.firstName, m.memberNumber]));
    expect(Object.fromEntries(numbers)).toEqual({ Hélène: '1', Zoé: '3', Ana: '2', Mia: '4' });
  });

  it('says how each date column was read: inferred from its dates, the country’s default, or chosen', async () => {
    chapter = openTestChapter();
    const file =
      'Email,Joined,Paid through\na@example.org,12/31/2023,03/04/2025\nb@example.org,01/15/2024,05/06/2025\n';
    const preview = await run({ bytes: csv(file), dryRun: true });
    expect(preview.dateOrders).toEqual({
      joinedOn: { order: 'mdy', source: 'inferred' },
      paidThrough: { order: 'dmy', source: 'default' },
    });
    const chosen = await run({ bytes: csv(file), dryRun: true, dateOrders: { paidThrough: 'mdy' } });
    expect(chosen.dateOrders.paidThrough).toEqual({ order: 'mdy', source: 'chosen' });
  });

  it('undoes an import exactly, through the change log, also after a restart, and only once', async () => {
    chapter = openTestChapter();
    const ana = chapter.handlers['members.create']({
      firstName: 'Ana',
      email: 'ana@example.org',
      city: 'Porto',
    });
    const file = 'Email,First name,City\nana@example.org,Ana,Lisboa\nnew@example.org,New,Braga\n';
    const { outcome } = await run({ bytes: csv(file) });
    expect(outcome.counts).toMatchObject({ created: 1, updated: 1 });
    const changesBefore = count('SELECT count(*) AS n FROM changes');

    const path = chapter.path;
    chapter.db.close();
    chapter = { ...openTestChapter({ path, setup: false }), close: chapter.close };
    const [batch] = listImports(chapter.db);
    expect(batch).toMatchObject({ fileName: 'members.csv', created: 1, updated: 1, undoneAt: null });
    undoImport(ctx(), batch!.id);
    expect(members().map((m) => [m.email, m.city])).toEqual([['ana@example.org', 'Porto']]);
    expect(chapter.handlers['members.get']({ id: ana.id }).city).toBe('Porto');
    expect(count('SELECT count(*) AS n FROM changes')).toBeGreaterThan(changesBefore);
    expect(listImports(chapter.db)[0]!.undoneAt).not.toBeNull();
    expect(() => undoImport(ctx(), batch!.id)).toThrow(/already undone/);
  });

  it('undo keeps a field edited after the import and says so, and puts back the rest', async () => {
    chapter = openTestChapter();
    const ana = chapter.handlers['members.create']({
      firstName: 'Ana',
      lastName: 'Silva',
      email: 'ana@example.org',
      city: 'Porto',
      organisation: 'Cooperativa',
      phone: '+351 912 345 678',
    });
    const file =
      'Email,First name,Last name,City,Organisation,Phone\nana@example.org,Ana,Silva,Lisboa,Escola,+351 913 000 000\n';
    const { outcome } = await run({ bytes: csv(file) });
    expect(outcome.counts).toMatchObject({ updated: 1 });
    // After the import someone corrects the city and the organisation; the phone stays as imported.
    chapter.handlers['members.update']({ id: ana.id, patch: { city: 'Faro', organisation: 'Associação' } });

    const undone = undoImport(ctx(), outcome.batchId!);
    expect(undone.keptEdits).toEqual([
      { memberId: ana.id, name: 'Ana Silva', fields: ['city', 'organisation'] },
    ]);
    expect(chapter.handlers['members.get']({ id: ana.id })).toMatchObject({
      city: 'Faro',
      organisation: 'Associação',
      // Put back, with what is derived from it.
      phone: '+351 912 345 678',
      phoneE164: '+351912345678',
    });
  });

  it('holds back a possible duplicate until the secretary decides, then keeps both or merges', async () => {
    chapter = openTestChapter();
    const existing = chapter.handlers['members.create']({
      firstName: 'Hélène',
      lastName: 'Dupré',
      phone: '0612345678',
    });
    const file = 'First name,Last name,Phone,City\nHelene,DUPRE,06 12 34 56 78,Lyon\n';
    const held = await run({ bytes: csv(file) });
    expect(held.outcome.counts).toMatchObject({ created: 0, possibleDuplicates: 1 });
    expect(held.outcome.possibleDuplicates[0]!.duplicates[0]).toMatchObject({
      kind: 'member',
      memberId: existing.id,
    });

    const merged = await run({
      bytes: csv(file),
      decisions: [{ rowNumber: 2, action: 'merge', memberId: existing.id }],
    });
    expect(merged.outcome.counts).toMatchObject({ created: 0, updated: 1 });
    expect(chapter.handlers['members.get']({ id: existing.id }).city).toBe('Lyon');

    const kept = await run({ bytes: csv(file), decisions: [{ rowNumber: 2, action: 'keep' }] });
    expect(kept.outcome.counts.created).toBe(1);
    expect(members()).toHaveLength(2);
  });

  it('remembers the mapping chosen for files with the same headers', async () => {
    chapter = openTestChapter();
    const file = 'Nom,Col2\nDupré,Lyon\n';
    await run({ bytes: csv(file), fields: ['lastName', 'city'] });
    const again = await run({ bytes: csv('nom,COL2\nMartin,Paris\n') });
    expect(again.mapping.columns.map((c) => c.field)).toEqual(['lastName', 'city']);
    expect(members().find((m) => m.lastName === 'Martin')?.city).toBe('Paris');
  });

  it('stops when cancelled and changes nothing', async () => {
    chapter = openTestChapter();
    const rows = Array.from({ length: 3000 }, (_, i) => `Member ${i},m${i}@example.org`).join('\n');
    const controller = new AbortController();
    let seen = 0;
    const running = runImport(
      ctx(),
      { fileName: 'big.csv', bytes: csv(`Name,Email\n${rows}\n`), dryRun: false },
      () => {
        if (++seen === 1) controller.abort();
      },
      controller.signal,
    );
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(count('SELECT count(*) AS n FROM members')).toBe(0);
    expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0);
  });
});
