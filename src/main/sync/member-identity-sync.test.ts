/**
 * Member identity over real sync: ids keyed with the chapter's secret key, the key handed out at
 * enrolment (and to laptops enrolled before keys), ids from before keys moved by merging, and
 * members who end up sharing an email (one laptop changed an email another laptop gave a new
 * member) listed and merged on every laptop.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openLaptop, serverChecksum, syncAll, type Laptop } from '../../../tests/helpers/laptop';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { writeRow } from '../db/changes';
import { getChapterKey, newChapterKey } from '../services/chapter/key';
import { createWriteContexts } from '../services/device/device';
import { memberIdFor } from '../services/members/identity';
import { legacyMemberId } from './chapter-key';
import { localChecksum } from './checksum';

describe.each(STORE_KINDS)('member identity over sync (%s)', (kind) => {
  let server: TestSyncServer;
  let laptops: Laptop[] = [];
  beforeAll(async () => {
    server = await startSyncServer(kind);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    laptops.forEach((l) => l.close());
    laptops = [];
  });

  function laptop(name: string, options: Parameters<typeof openLaptop>[1] = {}): Laptop {
    const l = openLaptop(name, options);
    laptops.push(l);
    return l;
  }
  async function newChapter(): Promise<string> {
    return (await server.admin.addChapter(`Identity ${Math.random()}`)).id;
  }
  async function expectConverged(...ls: Laptop[]): Promise<void> {
    const remote = await serverChecksum(ls[0]!);
    for (const l of ls) {
      expect(l.sync.status().pending, `${l.name} outbox`).toBe(0);
      expect(localChecksum(l.db).checksum, `${l.name} checksum`).toBe(remote);
    }
  }
  const live = (l: Laptop) =>
    l.handlers['members.list']({ query: '', sort: 'name', direction: 'asc', offset: 0, limit: 500 }).rows.map(
      (m) => ({ id: m.id, firstName: m.firstName, email: m.email, phone: m.phone, city: m.city }),
    );
  const chapterIdOf = (l: Laptop) => l.handlers['chapter.get'](undefined)!.id;

  it('makes one member of one email created offline on two laptops, with an id only the key can derive', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    await syncAll(a, b);
    const key = getChapterKey(a.db);
    expect(key.confirmed).toBe(true);
    expect(getChapterKey(b.db)).toEqual(key);

    const onA = a.handlers['members.create']({ firstName: 'Zawadi', email: 'Zawadi@Example.org' });
    const onB = b.handlers['members.create']({
      lastName: 'Otieno',
      email: 'zawadi@example.org',
      city: 'Kisumu',
    });
    expect(onA.id).toBe(onB.id);
    expect(onA.id).toBe(memberIdFor(key.key, 'zawadi@example.org'));
    // Not the v5 id anyone could compute from the chapter id, nor one from another key.
    expect(onA.id).not.toBe(legacyMemberId(chapterIdOf(a), 'zawadi@example.org'));
    expect(onA.id).not.toBe(memberIdFor(newChapterKey(), 'zawadi@example.org'));
    expect(onA.id[14]).toBe('8');

    await syncAll(a, b);
    expect(live(a)).toEqual([
      { id: onA.id, firstName: 'Zawadi', email: 'zawadi@example.org', phone: null, city: 'Kisumu' },
    ]);
    expect(live(b)).toEqual(live(a));
    await expectConverged(a, b);
  });

  it('converges two laptops that each set the chapter up offline with their own keys', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben', { setupChapter: true });
    expect(getChapterKey(a.db).key).not.toBe(getChapterKey(b.db).key);
    a.handlers['members.create']({ firstName: 'Zawadi', email: 'zawadi@example.org' });
    b.handlers['members.create']({
      firstName: 'Zawadi',
      email: 'zawadi@example.org',
      phone: '+254712345678',
    });
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    await syncAll(a, b);
    // The first to enrol gave the chapter its key; the second took it and re-derived its ids.
    expect(getChapterKey(b.db)).toEqual(getChapterKey(a.db));
    expect(live(a)).toHaveLength(1);
    expect(live(a)[0]).toMatchObject({ email: 'zawadi@example.org', phone: '+254712345678' });
    expect(live(a)[0]!.id).toBe(memberIdFor(getChapterKey(a.db).key, 'zawadi@example.org'));
    expect(live(b)).toEqual(live(a));
    await expectConverged(a, b);
  });

  it('moves members from before keys to keyed ids on every laptop, with their payments, and hands the key to a laptop enrolled before keys', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    await syncAll(a, b);
    // Ben's file was migrated from before keys: a key of its own, not confirmed with the server.
    b.db.prepare(`UPDATE chapter_key SET member_key = ?, confirmed = 0`).run(newChapterKey());
    // A member as the version before keys created it: a v5 id of the chapter id and the email.
    const old = legacyMemberId(chapterIdOf(a), 'baraka@example.org');
    writeRow(createWriteContexts(b.db, () => new Date())(), 'members', old, {
      first_name: 'Baraka',
      email: 'baraka@example.org',
      deleted: 0,
    });
    b.handlers['payments.record']({ memberId: old, amount: '40', method: 'cash' });
    await syncAll(a, b);
    await syncAll(a, b);

    const key = getChapterKey(a.db).key;
    expect(getChapterKey(b.db)).toEqual({ key, confirmed: true });
    const moved = memberIdFor(key, 'baraka@example.org');
    for (const l of [a, b]) {
      expect(live(l), l.name).toEqual([
        { id: moved, firstName: 'Baraka', email: 'baraka@example.org', phone: null, city: null },
      ]);
      expect(l.db.prepare(`SELECT deleted, merged_into FROM members WHERE id = ?`).get(old)).toEqual({
        deleted: 1,
        merged_into: moved,
      });
      expect(l.db.prepare(`SELECT member_id FROM payments`).all()).toEqual([{ member_id: moved }]);
    }
    await expectConverged(a, b);
  });

  it('lists two members who came to share an email on every laptop, keeps both editable, and merges them everywhere', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    const zawadi = a.handlers['members.create']({ firstName: 'Zawadi', email: 'zawadi@old.example.org' });
    await syncAll(a, b);

    // Offline: Amina changes Zawadi's email; Ben creates a member with that email.
    a.handlers['members.update']({ id: zawadi.id, patch: { email: 'zawadi@example.org' } });
    const created = b.handlers['members.create']({
      firstName: 'Zawadi',
      lastName: 'Mwangi',
      email: 'zawadi@example.org',
      phone: '+254712345678',
    });
    b.handlers['payments.record']({ memberId: created.id, amount: '40', method: 'cash' });
    await syncAll(a, b);

    for (const l of [a, b]) {
      const clashes = l.handlers['members.emailClashes'](undefined);
      expect(clashes.total, l.name).toBe(1);
      expect(clashes.clashes[0]!.members.map((m) => m.id).sort()).toEqual([zawadi.id, created.id].sort());
      // Fields other than the email stay editable on both rows.
      l.handlers['members.update']({ id: zawadi.id, patch: { city: `City of ${l.name}` } });
      l.handlers['members.update']({ id: created.id, patch: { notes: `Seen by ${l.name}` } });
    }
    // A new email that another member has is still refused.
    a.handlers['members.create']({ firstName: 'Baraka', email: 'baraka@example.org' });
    expect(() =>
      a.handlers['members.update']({ id: zawadi.id, patch: { email: 'baraka@example.org' } }),
    ).toThrow(/already uses this email/);
    await syncAll(a, b);

    const preview = a.handlers['members.mergePreview']({ keepId: zawadi.id, otherId: created.id });
    expect(preview.filled).toEqual(
      expect.arrayContaining([
        { field: 'lastName', keep: null, other: 'Mwangi' },
        { field: 'phone', keep: null, other: '+254712345678' },
      ]),
    );
    expect(preview.moved.payments).toBe(1);
    a.handlers['members.merge']({ keepId: zawadi.id, otherId: created.id });
    await syncAll(a, b);

    for (const l of [a, b]) {
      expect(l.handlers['members.emailClashes'](undefined).total, l.name).toBe(0);
      expect(live(l).filter((m) => m.firstName === 'Zawadi')).toEqual([
        {
          id: zawadi.id,
          firstName: 'Zawadi',
          email: 'zawadi@example.org',
          phone: '+254712345678',
          city: 'City of Ben',
        },
      ]);
      expect(l.db.prepare(`SELECT member_id FROM payments`).all()).toEqual([{ member_id: zawadi.id }]);
      // The merged-away member's values are in the history of the member who stayed.
      const history = l.handlers['members.history']({ id: zawadi.id });
      expect(history.some((h) => h.column === 'notes' && h.value === `Seen by ${l.name}`)).toBe(true);
    }
    await expectConverged(a, b);
  });

  it('keeps one of two members that two secretaries merged into each other offline', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    const first = a.handlers['members.create']({ firstName: 'Zawadi', email: 'zawadi@example.org' });
    const second = a.handlers['members.create']({ firstName: 'Zawadi M.', email: 'zm@example.org' });
    a.handlers['payments.record']({ memberId: second.id, amount: '40', method: 'cash' });
    a.db.prepare(`UPDATE members SET email = 'zawadi@example.org' WHERE id = ?`).run(second.id);
    await syncAll(a, b);
    a.handlers['members.merge']({ keepId: first.id, otherId: second.id });
    b.handlers['members.merge']({ keepId: second.id, otherId: first.id });
    await syncAll(a, b);
    await syncAll(a, b);
    const kept = [first.id, second.id].sort()[0]!;
    for (const l of [a, b]) {
      expect(
        live(l).map((m) => m.id),
        l.name,
      ).toEqual([kept]);
      expect(l.db.prepare(`SELECT member_id FROM payments`).all()).toEqual([{ member_id: kept }]);
    }
    await expectConverged(a, b);
  });
  it('keeps one registration and one check-in of a member re-derived with the chapter key, however many doors saw them', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    const event = a.handlers['events.create']({
      title: 'Monthly meeting',
      kind: 'meeting',
      startsAt: '2031-03-01T18:00',
      endsAt: '2031-03-01T21:00',
      capacity: null,
      quorum: null,
    });
    await syncAll(a, b);
    // Ben's file was migrated from before keys: a key of its own, not confirmed with the server.
    b.db.prepare(`UPDATE chapter_key SET member_key = ?, confirmed = 0`).run(newChapterKey());
    // Offline, both register the same new person; Ben's door checks them in.
    const onA = a.handlers['members.create']({ firstName: 'Zawadi', email: 'zawadi@example.org' });
    a.handlers['events.register']({ eventId: event.id, memberId: onA.id });
    const onB = b.handlers['members.create']({ firstName: 'Zawadi', email: 'zawadi@example.org' });
    expect(onB.id).not.toBe(onA.id);
    b.handlers['events.register']({ eventId: event.id, memberId: onB.id });
    b.handlers['events.checkIn']({ eventId: event.id, memberId: onB.id });
    await syncAll(b, a);
    await syncAll(a, b);
    // Ben's door checks them in again: the registration it finds is the one the id derives.
    b.handlers['events.checkIn']({ eventId: event.id, memberId: onA.id });
    await syncAll(b, a);
    for (const l of [a, b]) {
      expect(
        live(l).map((m) => m.id),
        l.name,
      ).toEqual([onA.id]);
      const count = (table: string) =>
        l.db
          .prepare(`SELECT count(*) AS n FROM ${table} WHERE event_id = ? AND deleted = 0 AND member_id = ?`)
          .get(event.id, onA.id) as { n: number };
      expect(count('registrations'), `${l.name} registrations`).toEqual({ n: 1 });
      expect(count('attendance'), `${l.name} check-ins`).toEqual({ n: 1 });
    }
    await expectConverged(a, b);
  });
  it('carries onto the member kept an edit another laptop made to the merged-away member before it pulled the merge', async () => {
    const chapterId = await newChapter();
    const a = laptop('Amina', { setupChapter: true });
    const b = laptop('Ben');
    await enrol(a, server, chapterId);
    await enrol(b, server, chapterId);
    const keep = a.handlers['members.create']({ firstName: 'Zawadi', email: 'zawadi@example.org' });
    const other = a.handlers['members.create']({ firstName: 'Zawadi M.', email: 'zm@example.org' });
    await syncAll(a, b);
    // Offline: Amina merges; afterwards Ben, who has not heard of it, edits the member merged away.
    a.handlers['members.merge']({ keepId: keep.id, otherId: other.id });
    b.handlers['members.update']({ id: other.id, patch: { city: 'Kisumu', phone: '+254712345678' } });
    await syncAll(a, b);
    for (const l of [a, b]) {
      expect(live(l), l.name).toEqual([
        {
          id: keep.id,
          firstName: 'Zawadi',
          email: 'zawadi@example.org',
          phone: '+254712345678',
          city: 'Kisumu',
        },
      ]);
    }
    await expectConverged(a, b);
  });
});
