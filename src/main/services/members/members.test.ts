import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { AppError } from '../../../shared/errors';
import type { MemberFields } from '../../../shared/domain';
import { legacyMemberId } from '../../sync/chapter-key';

let chapter: TestChapter;
afterEach(() => chapter?.close());

function create(fields: MemberFields) {
  return chapter.handlers['members.create'](fields);
}
function search(query: string, extra: Record<string, unknown> = {}) {
  return chapter.handlers['members.list']({
    query,
    sort: 'name',
    direction: 'asc',
    offset: 0,
    limit: 100,
    ...extra,
  } as never);
}
function changeCount(): number {
  return (chapter.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
}

describe('members', () => {
  it('finds Hélène by typing helene, HELENE or the start of her surname', () => {
    chapter = openTestChapter();
    create({ firstName: 'Hélène', lastName: 'Dupré', email: 'helene@example.org' });
    create({ firstName: 'Marc', lastName: 'Petit' });
    for (const query of ['helene', 'HELENE', 'dupr', 'Hélène Dupré']) {
      expect(search(query).rows.map((m) => m.firstName)).toEqual(['Hélène']);
    }
    expect(search('helene').total).toBe(1);
  });

  it('finds a member by full email, phone and member number, and names in other scripts', () => {
    chapter = openTestChapter();
    create({ firstName: 'Jane', lastName: 'Doe', email: 'Jane.Doe@Example.org', memberNumber: 'A-1042' });
    create({ firstName: 'Алексей', lastName: 'Смирнов', phone: '06 12 34 56 78' });
    create({ firstName: 'محمد', lastName: 'العلي' });
    expect(search('jane.doe@example.org').rows.map((m) => m.lastName)).toEqual(['Doe']);
    expect(search('JANE.DOE@EXAMPLE.ORG').rows.map((m) => m.lastName)).toEqual(['Doe']);
    // Not an address on file: the words still find her as she is being typed.
    expect(search('jane.doe@example.or').rows.map((m) => m.lastName)).toEqual(['Doe']);
    expect(search('1042').rows.map((m) => m.lastName)).toEqual(['Doe']);
    expect(search('алекс').rows.map((m) => m.lastName)).toEqual(['Смирнов']);
    expect(search('33612345678').rows.map((m) => m.lastName)).toEqual(['Смирнов']);
    // However the number is written, and the chapter's country (FR) stands for a missing +33.
    for (const phone of ['0612345678', '06.12.34.56.78', '+33 6 12 34 56 78', '06 12 34 56 78']) {
      expect(search(phone).rows.map((m) => m.lastName)).toEqual(['Смирнов']);
    }
    expect(search('06 12 34 56 79').rows).toEqual([]);
    expect(search('محمد').rows.map((m) => m.lastName)).toEqual(['العلي']);
    expect(search('nobody').rows).toEqual([]);
  });

  it('treats search syntax as plain text', () => {
    chapter = openTestChapter();
    create({ firstName: 'Ann', lastName: 'Or' });
    expect(search('"ann" OR * NEAR(').rows.map((m) => m.firstName)).toEqual([]);
    expect(search('ann or').rows.map((m) => m.firstName)).toEqual(['Ann']);
  });

  it('stores email lower-cased and phone in E.164 when the chapter country allows, as typed otherwise', () => {
    chapter = openTestChapter({ country: 'FR' });
    const a = create({ firstName: 'A', email: ' Ann@Example.ORG ', phone: '06 12 34 56 78' });
    expect(a.email).toBe('ann@example.org');
    expect(a.phone).toBe('06 12 34 56 78');
    expect(a.phoneE164).toBe('+33612345678');
    const b = create({ firstName: 'B', phone: 'ask at the office' });
    expect(b.phone).toBe('ask at the office');
    expect(b.phoneE164).toBeNull();
    const c = create({ firstName: 'C', phone: '0712 345678', country: 'KE' });
    expect(c.phoneE164).toBe('+254712345678');
  });

  it('refuses a second member with the same email and writes nothing', () => {
    chapter = openTestChapter();
    create({ firstName: 'A', email: 'same@example.org' });
    const before = changeCount();
    let error: unknown;
    try {
      create({ firstName: 'B', email: 'SAME@example.org' });
    } catch (e) {
      error = e;
    }
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).details?.fields?.[0]?.field).toBe('email');
    expect(changeCount()).toBe(before);
    expect(search('').total).toBe(1);
  });

  it('numbers members without a number, and keeps numbers given', () => {
    chapter = openTestChapter();
    expect(create({ firstName: 'A', memberNumber: '41' }).memberNumber).toBe('41');
    expect(create({ firstName: 'B' }).memberNumber).toBe('42');
  });

  it('soft-deletes: gone from the list, still readable, restorable with its data', () => {
    chapter = openTestChapter();
    const m = create({ firstName: 'Hélène', lastName: 'Dupré', email: 'h@example.org', city: 'Lyon' });
    chapter.handlers['members.delete']({ id: m.id });
    expect(search('').total).toBe(0);
    expect(chapter.handlers['members.cities'](undefined)).toEqual([]);
    expect(chapter.handlers['members.get']({ id: m.id }).deleted).toBe(true);
    expect(chapter.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 1 });
    const restored = chapter.handlers['members.restore']({ id: m.id });
    expect(restored.deleted).toBe(false);
    expect(restored.city).toBe('Lyon');
    expect(search('helene').total).toBe(1);
  });

  it('re-creating a deleted member by email reuses their row instead of failing', () => {
    chapter = openTestChapter();
    const m = create({ firstName: 'A', email: 'back@example.org' });
    chapter.handlers['members.delete']({ id: m.id });
    const again = create({ firstName: 'A2', email: 'back@example.org' });
    expect(again.id).toBe(m.id);
    expect(again.firstName).toBe('A2');
    expect(again.deleted).toBe(false);
  });

  it('refuses to edit an unknown or deleted member, and edits that leave no name nor email', () => {
    chapter = openTestChapter();
    const m = create({ firstName: 'A', email: 'a@example.org' });
    expect(() =>
      chapter.handlers['members.update']({ id: crypto.randomUUID(), patch: { city: 'X' } }),
    ).toThrow(/No such member/);
    expect(() =>
      chapter.handlers['members.update']({ id: m.id, patch: { firstName: '', email: '' } }),
    ).toThrow(/at least a name or an email/);
    chapter.handlers['members.delete']({ id: m.id });
    expect(() => chapter.handlers['members.update']({ id: m.id, patch: { city: 'X' } })).toThrow(/deleted/);
  });

  it('derives status from the type, a paid-through date from before dues and the grace period', () => {
    chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
    const types = chapter.handlers['membershipTypes.list'](undefined);
    const byKind = (kind: string) => types.find((t) => t.kind === kind)!.id;
    create({ lastName: 'Paid', typeId: byKind('individual'), paidThrough: '2026-12-31' });
    create({ lastName: 'Grace', typeId: byKind('individual'), paidThrough: '2026-03-01' });
    create({ lastName: 'Lapsed', typeId: byKind('individual'), paidThrough: '2025-12-31' });
    create({ lastName: 'Never', typeId: byKind('individual') });
    create({ lastName: 'Honour', typeId: byKind('honorary') });
    create({ lastName: 'Forever', typeId: byKind('lifetime') });
    const statusOf = Object.fromEntries(search('').rows.map((m) => [m.lastName, m.status]));
    expect(statusOf).toEqual({
      Paid: 'active',
      Grace: 'grace',
      Lapsed: 'lapsed',
      Never: 'never-paid',
      Honour: 'honorary',
      Forever: 'lifetime',
    });
    expect(search('', { status: 'grace' }).rows.map((m) => m.lastName)).toEqual(['Grace']);
    chapter.clock.now = new Date('2026-04-15T10:00:00Z');
    expect(search('', { status: 'grace' }).rows.map((m) => m.lastName)).toEqual([]);
  });

  it('filters by city and type, sorts both ways, and pages', () => {
    chapter = openTestChapter();
    const regular = chapter.handlers['membershipTypes.list'](undefined)[0]!.id;
    create({ lastName: 'Bernard', city: 'Lyon', typeId: regular });
    create({ lastName: 'André', city: 'Paris' });
    create({ lastName: 'Zola', city: 'Lyon' });
    create({ lastName: 'Émile', city: 'Lyon' });
    expect(search('', { city: 'Lyon' }).rows.map((m) => m.lastName)).toEqual(['Bernard', 'Émile', 'Zola']);
    expect(search('', { typeId: regular }).rows.map((m) => m.lastName)).toEqual(['Bernard']);
    expect(search('', { direction: 'desc' }).rows.map((m) => m.lastName)).toEqual([
      'Zola',
      'Émile',
      'Bernard',
      'André',
    ]);
    const page = search('', { offset: 1, limit: 2 });
    expect(page.rows.map((m) => m.lastName)).toEqual(['Bernard', 'Émile']);
    expect(page.total).toBe(4);
    expect(chapter.handlers['members.cities'](undefined)).toEqual(['Lyon', 'Paris']);
  });

  it('pages a search by name or status with the count of every match, deleted members left out', () => {
    chapter = openTestChapter({ at: '2026-03-15T10:00:00Z' });
    const types = chapter.handlers['membershipTypes.list'](undefined);
    const individual = types.find((t) => t.kind === 'individual')!.id;
    const honorary = types.find((t) => t.kind === 'honorary')!.id;
    create({ firstName: 'Marie', lastName: 'Zeller', typeId: individual, paidThrough: '2026-12-31' });
    create({ firstName: 'Marc', lastName: 'Abel', typeId: honorary });
    create({ firstName: 'Martin', lastName: 'Martin', typeId: individual, paidThrough: '2025-01-31' });
    const gone = create({ firstName: 'Marthe', lastName: 'Bloch' });
    create({ firstName: 'Paul', lastName: 'Roux' });
    chapter.handlers['members.delete']({ id: gone.id });

    const first = search('mar', { limit: 2 });
    expect(first.rows.map((m) => m.lastName)).toEqual(['Abel', 'Martin']);
    expect(first.total).toBe(3);
    const second = search('mar', { offset: 2, limit: 2 });
    expect(second.rows.map((m) => m.lastName)).toEqual(['Zeller']);
    expect(second.total).toBe(3);
    // Past the last match the page is empty and the count still says how many there are.
    expect(search('mar', { offset: 10, limit: 2 })).toEqual({ rows: [], total: 3 });
    // Sorted by status (its words' order), each row still with its own type and status.
    const byStatus = search('mar', { sort: 'status', direction: 'desc' }).rows;
    expect(byStatus.map((m) => [m.lastName, m.status])).toEqual([
      ['Martin', 'lapsed'],
      ['Abel', 'honorary'],
      ['Zeller', 'active'],
    ]);
    expect(search('mar', { status: 'lapsed' })).toMatchObject({ total: 1, rows: [{ lastName: 'Martin' }] });
    expect(search('bloch').total).toBe(0);
    expect(search('bloch', { deleted: true }).rows.map((m) => m.lastName)).toEqual(['Bloch']);
  });

  it('refuses an unknown membership type', () => {
    chapter = openTestChapter();
    expect(() => create({ lastName: 'X', typeId: crypto.randomUUID() })).toThrow(AppError);
  });
});

describe('member identity', () => {
  it('gives the same id to the same email on two laptops with the chapter key, and another without it', () => {
    chapter = openTestChapter();
    const other = openTestChapter({ setup: false });
    try {
      const chapterId = chapter.handlers['chapter.get'](undefined)!.id;
      other.db
        .prepare(
          `INSERT INTO chapter (id, name, country, currency, created_at, updated_at) VALUES (?, 'Lyon', 'FR', 'EUR', 'x', 'x')`,
        )
        .run(chapterId);
      other.db
        .prepare(
          `INSERT INTO device (singleton, node_id, officer_name, created_at) VALUES (1, 'b', 'Ben', 'x')`,
        )
        .run();
      // Without the chapter's key, the same email gives another id: an id cannot be tested.
      const stranger = other.handlers['members.create']({ firstName: 'A', email: 'shared@example.org' });
      other.db.prepare(`DELETE FROM members`).run();
      // The key travels with enrolment.
      const { key } = chapter.db.prepare(`SELECT member_key AS key FROM chapter_key`).get() as {
        key: string;
      };
      other.db.prepare(`UPDATE chapter_key SET member_key = ?`).run(key);
      const a = create({ firstName: 'A', email: 'shared@example.org' });
      const b = other.handlers['members.create']({ firstName: 'A', email: 'Shared@Example.org' });
      expect(b.id).toBe(a.id);
      expect(stranger.id).not.toBe(a.id);
      // Not the UUID v5 of the chapter id and the email that ids were before chapter keys.
      expect(a.id).not.toBe(legacyMemberId(chapterId, 'shared@example.org'));
      expect(create({ firstName: 'No email' }).id).not.toBe(
        other.handlers['members.create']({ firstName: 'No email' }).id,
      );
    } finally {
      other.close();
    }
  });
});
