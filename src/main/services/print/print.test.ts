import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestChapter, tempDir, type TestChapter } from '../../../../tests/helpers/chapter';
import {
  certificatesHtml,
  duesListHtml,
  receiptHtml,
  rosterHtml,
  signInHtml,
} from '../../../shared/print/documents';
import type { PageOptions } from '../../../shared/print/html';
import { findChromium, openPdfRenderer, type PdfRenderer } from '../../print/pdf';
import { certificatesData, duesListData, receiptData, rosterData, signInData } from './data';

/** Real Chromium, real PDF, text read back with poppler's pdftotext, page by page. */
let renderer: PdfRenderer;
const temp = tempDir('print-');
beforeAll(async () => {
  renderer = await openPdfRenderer(findChromium());
}, 60_000);
afterAll(async () => {
  await renderer.close();
  temp.cleanup();
});

async function pages(html: string): Promise<string[]> {
  const file = join(temp.dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, await renderer.render(html));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], {
      encoding: 'utf8',
    }),
  );
}

const A4: PageOptions = { lang: 'en', paper: 'a4', landscape: false };
const LAST_NAMES = [
  'Zola',
  'Abebe',
  'Émile',
  'Ngugi',
  'Ōtsuka',
  'Diallo',
  'Bauer',
  'Cruz',
  'Yilmaz',
  'Okafor',
];

function chapterWithMembers(count: number): TestChapter {
  const chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
  const insert = chapter.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      chapter.handlers['members.create']({
        firstName: `Person${String(i).padStart(3, '0')}`,
        lastName: `${LAST_NAMES[i % LAST_NAMES.length]}${String.fromCharCode(97 + (i % 26))}`,
        memberNumber: String(1000 + i),
        city: i % 2 ? 'Lyon' : 'Dakar',
      });
    }
    chapter.handlers['members.create']({ firstName: 'فاطمة', lastName: 'الزهراء', memberNumber: '9001' });
    chapter.handlers['members.create']({ firstName: '小明', lastName: '王', memberNumber: '9002' });
    chapter.handlers['members.create']({ firstName: 'Пётр', lastName: 'Иванов', memberNumber: '9003' });
    chapter.handlers['members.create']({ firstName: 'अनीता', lastName: 'शर्मा', memberNumber: '9004' });
  });
  insert();
  return chapter;
}

const everyone = { query: '', sort: 'name' as const, direction: 'asc' as const, offset: 0, limit: 1 };

describe('printed documents', () => {
  it('prints a long roster with the header row on every page, no row cut, page n of N, names in order', async () => {
    const chapter = chapterWithMembers(150);
    const data = rosterData(chapter.db, chapter.clock.now, everyone, {
      columns: ['memberNumber', 'name', 'city', 'status'],
      lang: 'en',
      filterLabel: '',
    });
    const text = await pages(rosterHtml(data, A4));
    expect(text.length).toBeGreaterThan(2);
    text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toMatch(/No\.\s+Name\s+City\s+Status/);
      expect(page).toContain(`Page ${i + 1} of ${text.length}`);
      expect(page).toContain('Lyon');
    });
    // Every member on exactly one line of one page: no row split across pages.
    const all = text.join('\n');
    for (const m of data.rows.slice(0, 150)) {
      expect(
        all.split('\n').filter((line) => line.includes(m.name)),
        m.name,
      ).toHaveLength(1);
    }
    const order = data.rows.map((m) => m.name);
    const positions = order
      .filter((name) => /^[\p{Script=Latin}]/u.test(name))
      .map((name) => all.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(order.indexOf('Abebea, Person001')).toBeLessThan(order.indexOf('Bauerg, Person006'));
    expect(order.indexOf('Émilec, Person002')).toBeLessThan(order.indexOf('Ngugid, Person003'));
    // Arabic, Chinese, Cyrillic and Devanagari come out as text (pdftotext splits the lam-alef
    // ligature, so the Arabic words checked have none).
    for (const name of ['الزهراء', 'فاطمة', '王, 小明', 'Иванов, Пётр', 'अनीता']) expect(all).toContain(name);
    chapter.close();
  }, 120_000);

  it('prints right to left in Arabic, with the labels in Arabic', async () => {
    const chapter = chapterWithMembers(3);
    const data = rosterData(chapter.db, chapter.clock.now, everyone, {
      columns: ['memberNumber', 'name', 'status'],
      lang: 'ar',
      filterLabel: '',
    });
    const html = rosterHtml(data, { ...A4, lang: 'ar' });
    expect(html).toContain('dir="rtl"');
    const [page] = await pages(html);
    expect(page).toContain('قائمة');
    expect(page).toContain('الزهراء');
    // Right to left: the number column, first in the markup, is printed at the right.
    const header = page!.split('\n').find((line) => line.includes('الحالة'))!;
    expect(header.indexOf('الرقم')).toBeGreaterThan(header.indexOf('الحالة'));
    chapter.close();
  }, 60_000);

  it('prints a receipt with the amount in words in the receipt’s language, and marks a voided one', async () => {
    const chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
    const type = chapter.handlers['membershipTypes.create']({
      name: 'Membre',
      fee: '5000',
      currency: 'XOF',
      periodMonths: 12,
    });
    const member = chapter.handlers['members.create']({
      firstName: 'Awa',
      lastName: 'Diop',
      typeId: type.id,
    });
    const paid = chapter.handlers['payments.record']({
      memberId: member.id,
      amount: '5000',
      method: 'mobile-money',
      reference: 'OM-42',
    });
    const [fr] = await pages(
      receiptHtml(receiptData(chapter.db, paid.receiptNumber, 'fr'), {
        lang: 'fr',
        paper: 'a5',
        landscape: false,
      }),
    );
    expect(fr).toContain(paid.receiptNumber);
    expect(fr).toContain('cinq mille XOF');
    expect(fr).toMatch(/5\s000\sF\s?CFA/);
    expect(fr).toContain('OM-42');
    expect(fr).not.toContain('ANNULÉ');
    chapter.handlers['payments.void']({ id: paid.id, reason: 'Erreur' });
    const [voided] = await pages(receiptHtml(receiptData(chapter.db, paid.id, 'en'), A4));
    expect(voided).toContain('VOID');
    expect(voided).toContain('five thousand XOF');
    chapter.close();
  }, 60_000);

  it('prints a sign-in sheet with the registered by name and numbered blank rows, and certificates', async () => {
    const chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
    const { handlers } = chapter;
    const deps = {
      db: chapter.db,
      now: () => chapter.clock.now,
      writeContext: () => ({ db: chapter.db }) as never,
    };
    const event = handlers['events.create']({
      // A title that tries to end the document's style element stays text in the page header.
      title: 'AGM </style><h1>INJECTED</h1><style>',
      kind: 'agm',
      startsAt: '2026-03-20T10:00',
      endsAt: '2026-03-20T12:00',
    });
    for (const [first, last] of [
      ['Zainab', 'Bello'],
      ['Ade', 'Okoro'],
      ['Chen', 'Li'],
    ]) {
      const m = handlers['members.create']({ firstName: first, lastName: last });
      handlers['events.register']({ eventId: event.id, memberId: m.id });
    }
    // A guest is sorted by the last name read from what was typed.
    handlers['events.register']({ eventId: event.id, guestName: 'Musa Kamara' });
    const html = signInHtml(signInData(deps, event.id, 'en', 5), A4);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    const [sheet] = await pages(html);
    expect(sheet).toMatch(/#\s+Name\s+No\.\s+Status\s+Signature/);
    expect(sheet).not.toMatch(/^\s*INJECTED\s*$/m);
    expect(sheet).toContain('AGM </style><h1>INJECTED</h1><style>');
    // By last name, as the roster: Bello, Kamara, Li, Okoro.
    const names = ['Zainab Bello', 'Musa Kamara', 'Chen Li', 'Ade Okoro'].map((n) => sheet!.indexOf(n));
    expect(names.every((p) => p > 0)).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => a - b));
    expect(sheet).toMatch(/^\s*8\s*$/m);

    const training = handlers['events.create']({
      title: 'First aid',
      kind: 'training',
      startsAt: '2026-03-21T09:00',
      endsAt: '2026-03-21T17:00',
    });
    const learner = handlers['members.create']({ firstName: 'Ana', lastName: 'Lima' });
    const checked = handlers['events.checkIn']({ eventId: training.id, memberId: learner.id });
    handlers['events.setCompleted']({
      eventId: training.id,
      attendeeId: checked.attendee.id,
      completed: true,
    });
    handlers['events.checkIn']({ eventId: training.id, guestName: 'Did Not Finish' });
    const certs = await pages(
      certificatesHtml(certificatesData(deps, training.id, 'pt'), {
        lang: 'pt',
        paper: 'a4',
        landscape: true,
      }),
    );
    expect(certs).toHaveLength(1);
    expect(certs[0]).toContain('Ana Lima');
    expect(certs[0]).toContain('Certificado de formação');
    expect(certs.join('')).not.toContain('Did Not Finish');
    chapter.close();
  }, 60_000);

  it('prints phones as the screen shows them: national for the chapter’s country, else international', async () => {
    const chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
    chapter.handlers['members.create']({ lastName: 'Arnaud', phone: '+33612345678' });
    chapter.handlers['members.create']({ lastName: 'Kamau', phone: '0712 345678', country: 'KE' });
    chapter.handlers['members.create']({ lastName: 'Leroy', phone: 'ask at the bakery' });
    const data = rosterData(chapter.db, chapter.clock.now, everyone, {
      columns: ['name', 'phone'],
      lang: 'en',
      filterLabel: '',
    });
    const [page] = await pages(rosterHtml(data, A4));
    const lineOf = (name: string) => page!.split('\n').find((line) => line.includes(name)) ?? '';
    expect(lineOf('Arnaud')).toContain('06 12 34 56 78');
    expect(lineOf('Kamau')).toContain('+254 712 345678');
    expect(lineOf('Leroy')).toContain('ask at the bakery');
    chapter.close();
  }, 60_000);

  it('prints the dues list in three groups', async () => {
    const chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
    const add = (lastName: string, paidThrough: string) =>
      chapter.handlers['members.create']({ lastName, paidThrough });
    add('Soon', '2026-03-30');
    add('Grace', '2026-03-01');
    add('Gone', '2025-01-01');
    add('Fine', '2027-01-01');
    const [page] = await pages(duesListHtml(duesListData(chapter.db, chapter.clock.now, 'en'), A4));
    const at = (s: string) => page!.indexOf(s);
    expect(at('Expiring in the next 30 days (1)')).toBeLessThan(at('Soon'));
    expect(at('In grace (1)')).toBeLessThan(at('Grace\n') >= 0 ? at('Grace\n') : at(' Grace '));
    expect(at('Lapsed (1)')).toBeLessThan(at('Gone'));
    expect(page).not.toContain('Fine');
    chapter.close();
  }, 60_000);
});
