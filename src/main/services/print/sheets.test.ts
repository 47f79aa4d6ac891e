import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestChapter, tempDir, type TestChapter } from '../../../../tests/helpers/chapter';
import type { MemberFields } from '../../../shared/domain';
import { addressLabelsHtml } from '../../../shared/print/addressLabels';
import { cardsHtml } from '../../../shared/print/cards';
import { applicationFormHtml } from '../../../shared/print/form';
import type { PageOptions } from '../../../shared/print/html';
import { cellBox, LAYOUTS, NO_OFFSET, type Offset, type SheetLayout } from '../../../shared/print/sheets';
import { findChromium, openPdfRenderer, type PdfRenderer } from '../../print/pdf';
import { getCalibration, listCalibrations, saveCalibration } from './calibration';
import { addressLabelsData, applicationFormData, cardsData } from './data';

/** Real Chromium, real PDF, words read back with their boxes by poppler's `pdftotext -bbox`. */
let renderer: PdfRenderer;
const temp = tempDir('print-sheets-');
beforeAll(async () => {
  renderer = await openPdfRenderer(findChromium());
}, 60_000);
afterAll(async () => {
  await renderer.close();
  temp.cleanup();
});

const PT = 25.4 / 72;

interface Word {
  page: number;
  text: string;
  /** mm from the sheet's top-left corner. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

async function pdf(html: string): Promise<string> {
  const file = join(temp.dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, await renderer.render(html));
  return file;
}

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const found: Word[] = [];
  let page = 0;
  for (const match of html.matchAll(
    /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (match[0] === '<page ') {
      page++;
      continue;
    }
    const [x0, y0, x1, y1] = match.slice(1, 5).map((v) => Number(v) * PT) as [number, number, number, number];
    found.push({ page, text: match[5]!, x0, y0, x1, y1 });
  }
  return found;
}

function text(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The words printed inside a position's cell (with half a millimetre for the glyphs' boxes). */
function inCell(all: Word[], layout: SheetLayout, position: number, page = 1, offset: Offset = NO_OFFSET) {
  const box = cellBox(layout, position, offset);
  return all.filter(
    (w) =>
      w.page === page &&
      w.x0 >= box.x - 0.5 &&
      w.x1 <= box.x + box.width + 0.5 &&
      w.y0 >= box.y - 0.5 &&
      w.y1 <= box.y + box.height + 0.5,
  );
}

const A4: PageOptions = { lang: 'en', paper: 'a4', landscape: false };
const everyone = { query: '', sort: 'name' as const, direction: 'asc' as const, offset: 0, limit: 1 };
const L7160 = LAYOUTS.L7160;

function chapterWithAddresses(): TestChapter {
  const chapter = openTestChapter({ country: 'DE', at: '2026-03-15T10:00:00Z' });
  const add = (fields: MemberFields) => chapter.handlers['members.create'](fields);
  add({
    firstName: 'Max',
    lastName: 'Mustermann',
    memberNumber: '1001',
    addressLine1: 'Musterstr. 1',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
  });
  add({
    firstName: 'Jane',
    lastName: 'Doe',
    memberNumber: '1002',
    addressLine1: '1 Main St',
    addressLine2: 'Apt 4',
    postalCode: '62701',
    city: 'Springfield',
    region: 'IL',
    country: 'US',
  });
  add({
    firstName: 'Ali',
    lastName: 'Ålander',
    memberNumber: '1003',
    addressLine1: 'Zeppelinstraße 12',
    postalCode: '80538',
    city: 'München',
  });
  add({ firstName: 'Nobody', lastName: 'Homeless', memberNumber: '1004', city: 'Berlin' });
  add({
    firstName: 'فاطمة',
    lastName: 'الزهراء',
    memberNumber: '1005',
    addressLine1: '12 شارع محمد الخامس',
    postalCode: '20000',
    city: 'الدار البيضاء',
    country: 'MA',
  });
  add({
    firstName: '小明',
    lastName: '王',
    memberNumber: '1006',
    addressLine1: '长安街1号',
    postalCode: '100000',
    city: '北京',
    country: 'CN',
  });
  return chapter;
}

describe('address labels', () => {
  it('prints one label per member with an address, sorted by last name, from the first position asked for', async () => {
    const chapter = chapterWithAddresses();
    const data = addressLabelsData(chapter.db, chapter.clock.now, everyone, 'en');
    expect(data.skipped).toBe(1);
    // Å sorts with A in English: Ålander, Doe, Mustermann, then the other scripts.
    expect(data.labels.map((l) => l.lines[0]).slice(0, 3)).toEqual([
      'Ali Ålander',
      'Jane Doe',
      'Max Mustermann',
    ]);
    // Each country's own form: the German postcode before the city, the US state and ZIP after it,
    // the country named (in capitals, in the sheet's language) when it is not the chapter's.
    expect(data.labels[1]!.lines).toEqual([
      'Jane Doe',
      '1 Main St',
      'Apt 4',
      'Springfield, IL 62701',
      'UNITED STATES',
    ]);
    expect(data.labels[2]!.lines).toEqual(['Max Mustermann', 'Musterstr. 1', '10115 Berlin']);

    const file = await pdf(addressLabelsHtml(data, A4, { layout: L7160, start: 5, offset: NO_OFFSET }));
    expect(pageCount(file)).toBe(1);
    const all = words(file);
    // Positions 1 to 4 stay blank for a part-used sheet; the labels follow from 5, across then down.
    for (const position of [1, 2, 3, 4])
      expect(inCell(all, L7160, position), `position ${position}`).toEqual([]);
    const cell = (position: number) =>
      inCell(all, L7160, position)
        .map((w) => w.text)
        .join(' ');
    expect(cell(5)).toBe('Ali Ålander Zeppelinstraße 12 80538 München');
    expect(cell(6)).toBe('Jane Doe 1 Main St Apt 4 Springfield, IL 62701 UNITED STATES');
    expect(cell(7)).toBe('Max Mustermann Musterstr. 1 10115 Berlin');
    // Arabic and Chinese come out as text, each in its own label (pdftotext's boxes hold Arabic
    // words in visual order, so the Arabic is read from its text).
    expect(inCell(all, L7160, 8).map((w) => w.text)).toContain('MOROCCO');
    expect(text(file)).toContain('فاطمة الزهراء');
    expect(cell(9)).toContain('王');
    expect(cell(9)).toContain('北京');
    expect(text(file)).not.toContain('Homeless');
    chapter.close();
  }, 60_000);

  it('keeps a long address inside its own label: smaller, then cut at the edge, never on the next label', async () => {
    const long = {
      lines: [
        'Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Senior',
        'Sehr lange Straße mit einem unglaublich langen Namen 123',
        'Hinterhaus, 3. Obergeschoss links, bei Familie Müller-Lüdenscheidt',
        'c/o Internationale Gesellschaft für Straßennamen e.V.',
        '10115 Berlin',
        'BUNDESREPUBLIK DEUTSCHLAND',
        'Zusatzzeile sieben',
        'Zusatzzeile acht',
        'Zusatzzeile neun',
      ],
    };
    const short = { lines: ['Ada Lovelace', 'Neighbour Road 2', 'London', 'N1 1AA'] };
    for (const layout of [L7160, LAYOUTS['5160']]) {
      const file = await pdf(
        addressLabelsHtml(
          { chapterName: 'Berlin', labels: [long, short, long], skipped: 0 },
          { ...A4, paper: layout.paper },
          { layout, start: 1, offset: NO_OFFSET },
        ),
      );
      const all = words(file);
      // Every word printed lies inside one of the three cells; the neighbours print whole.
      const placed = [1, 2, 3].flatMap((p) => inCell(all, layout, p));
      expect(placed, layout.id).toHaveLength(all.length);
      expect(
        inCell(all, layout, 2)
          .map((w) => w.text)
          .join(' '),
        layout.id,
      ).toBe('Ada Lovelace Neighbour Road 2 London N1 1AA');
      expect(
        inCell(all, layout, 1)
          .map((w) => w.text)
          .join(' '),
        layout.id,
      ).toContain('Hubert');
    }
  }, 60_000);

  it('fills a new sheet, each a page, when the labels run past the last position', async () => {
    const labels = Array.from({ length: 25 }, (_, i) => ({
      lines: [`Person ${i + 1}`, `Street ${i + 1}`, '10115 Berlin'],
    }));
    const file = await pdf(
      addressLabelsHtml({ chapterName: 'Berlin', labels, skipped: 0 }, A4, {
        layout: L7160,
        start: 19,
        offset: NO_OFFSET,
      }),
    );
    expect(pageCount(file)).toBe(3);
    const all = words(file);
    expect(
      inCell(all, L7160, 19, 1)
        .map((w) => w.text)
        .slice(0, 2),
    ).toEqual(['Person', '1']);
    expect(
      inCell(all, L7160, 1, 2)
        .map((w) => w.text)
        .slice(0, 2),
    ).toEqual(['Person', '4']);
    expect(
      inCell(all, L7160, 1, 3)
        .map((w) => w.text)
        .slice(0, 2),
    ).toEqual(['Person', '25']);
  }, 60_000);

  it('moves everything by the offset saved for the printer, whatever the case of its name', async () => {
    const chapter = chapterWithAddresses();
    expect(getCalibration(chapter.db, 'Office HP')).toBeNull();
    saveCalibration(chapter.db, chapter.clock.now, { printer: 'Office HP', x: 1, y: 1 });
    const saved = saveCalibration(chapter.db, chapter.clock.now, { printer: 'office hp', x: 4, y: -3 });
    expect(saved).toMatchObject({ printer: 'Office HP', x: 4, y: -3 });
    expect(listCalibrations(chapter.db)).toHaveLength(1);
    const offset = getCalibration(chapter.db, 'OFFICE HP')!;

    const data = addressLabelsData(chapter.db, chapter.clock.now, everyone, 'en');
    const first = async (placement: Offset) =>
      words(await pdf(addressLabelsHtml(data, A4, { layout: L7160, start: 1, offset: placement }))).find(
        (w) => w.text === 'Ali',
      )!;
    const plain = await first(NO_OFFSET);
    const moved = await first({ x: offset.x, y: offset.y });
    expect(moved.x0 - plain.x0).toBeCloseTo(4, 0);
    expect(moved.y0 - plain.y0).toBeCloseTo(-3, 0);
    chapter.close();
  }, 60_000);

  it('checks the offset’s bounds and the printer’s name at the contract', async () => {
    const chapter = chapterWithAddresses();
    const { dispatch } = await import('../../api/dispatch');
    const far = await dispatch(chapter.handlers, 'print.saveCalibration', { printer: 'HP', x: 10.5, y: 0 });
    expect(far).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'x' }] } },
    });
    const unnamed = await dispatch(chapter.handlers, 'print.saveCalibration', {
      printer: '  ',
      x: 0,
      y: -10,
    });
    expect(unnamed).toMatchObject({ ok: false, error: { details: { fields: [{ field: 'printer' }] } } });
    const edge = await dispatch(chapter.handlers, 'print.saveCalibration', { printer: 'HP', x: -10, y: 10 });
    expect(edge).toMatchObject({ ok: true, value: { printer: 'HP', x: -10, y: 10 } });
    chapter.close();
  });
});

describe('membership cards', () => {
  it('prints the chapter, name, number, type and valid-until on each card, in any language and script', async () => {
    const chapter = chapterWithAddresses();
    const types = chapter.handlers['membershipTypes.list'](undefined);
    const individual = types.find((t) => t.kind === 'individual')!;
    const lifetime = types.find((t) => t.kind === 'lifetime')!;
    const max = chapter.handlers['members.list']({ ...everyone, query: 'Mustermann' }).rows[0]!;
    chapter.handlers['members.update']({
      id: max.id,
      patch: { typeId: individual.id, paidThrough: '2026-12-31' },
    });
    const wang = chapter.handlers['members.list']({ ...everyone, query: '1006' }).rows[0]!;
    chapter.handlers['members.update']({ id: wang.id, patch: { typeId: lifetime.id } });

    const data = cardsData(chapter.db, chapter.clock.now, everyone, 'en');
    const card = data.cards.find((c) => c.memberNumber === '1001')!;
    expect(card).toMatchObject({
      name: 'Max Mustermann',
      type: individual.name,
      status: 'active',
      validUntil: '2026-12-31',
    });
    const layout = LAYOUTS.C32011;
    const file = await pdf(cardsHtml(data, A4, { layout, start: 1, offset: NO_OFFSET }));
    const all = words(file);
    const position = data.cards.indexOf(card) + 1;
    const printed = inCell(all, layout, position)
      .map((w) => w.text)
      .join(' ');
    expect(printed).toContain('Lyon');
    expect(printed).toContain('Max Mustermann');
    expect(printed).toContain('Member no. 1001');
    expect(printed).toContain(`Membership ${individual.name}`);
    expect(printed).toContain('Valid until Dec 31, 2026');
    const lifetimeCard = inCell(all, layout, data.cards.findIndex((c) => c.memberNumber === '1006') + 1)
      .map((w) => w.text)
      .join(' ');
    expect(lifetimeCard).toContain('Valid until Lifetime');
    expect(lifetimeCard).toContain('王');

    const ar = text(
      await pdf(
        cardsHtml(
          cardsData(chapter.db, chapter.clock.now, everyone, 'ar'),
          { ...A4, lang: 'ar' },
          { layout: LAYOUTS['5371'], start: 1, offset: NO_OFFSET },
        ),
      ),
    );
    expect(ar).toContain('بطاقة عضوية');
    expect(ar).toContain('الزهراء');
    chapter.close();
  }, 60_000);

  it('wraps a long name onto a second line on its card, whole, on an English or an Arabic sheet', async () => {
    const long = 'Bartholomew-Maximilian Wolfeschlegelsteinhausen Vandenberghe';
    const data = {
      chapterName: 'Lyon',
      cards: [
        {
          name: long,
          memberNumber: '7',
          type: 'Membre',
          status: 'active' as const,
          validUntil: '2026-12-31',
        },
      ],
    };
    for (const lang of ['en', 'ar'] as const) {
      const layout = LAYOUTS.C32011;
      const file = await pdf(cardsHtml(data, { ...A4, lang }, { layout, start: 1, offset: NO_OFFSET }));
      const all = words(file);
      const printed = inCell(all, layout, 1).map((w) => w.text);
      expect(printed, lang).toHaveLength(all.length);
      for (const part of ['Bartholomew-Maximilian', 'Wolfeschlegelsteinhausen', 'Vandenberghe']) {
        expect(printed, lang).toContain(part);
      }
    }
  }, 60_000);
});

describe('membership application form', () => {
  it('lists the types one can apply for with their fees, and asks for consent to email and SMS separately', async () => {
    const chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
    chapter.handlers['membershipTypes.create']({ name: 'Membre d’honneur', kind: 'honorary', fee: '0' });
    const data = applicationFormData(chapter.db);
    expect(data.types.map((t) => t.name)).not.toContain('Membre d’honneur');
    const printed = text(await pdf(applicationFormHtml(data, { ...A4, lang: 'fr' })));
    expect(printed).toContain('Demande d’adhésion');
    for (const type of data.types) expect(printed).toContain(type.name);
    expect(printed).toMatch(/€ · 12 mois/);
    expect(printed).toContain('J’accepte de recevoir les nouvelles de la section par e-mail.');
    expect(printed).toContain('J’accepte de recevoir des SMS de la section.');
    for (const field of ['Prénom', 'Nom', 'Téléphone', 'Code postal', 'Ville', 'Pays', 'Signature', 'Date']) {
      expect(printed).toContain(field);
    }
    expect(printed).not.toContain('honneur');
    chapter.close();
  }, 60_000);
});
