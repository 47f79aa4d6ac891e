import { DERIVED_FIELDS } from '../../shared/fields';
import { derivedColumns } from '../services/members/row';
/**
 * Convergence under random offline work: several laptops and one server, random inserts, edits,
 * deletes and restores (including the same field edited on two laptops and the same new member on
 * two laptops), payments recorded and voided (including the same payment voided on two laptops),
 * random partitions, duplicated and re-delivered pushes and pulls, shuffled pages.
 * After healing, every laptop must hold exactly the server's data, and every member's
 * paid-through date (derived locally, never synced) must follow from the synced payments and voids.
 * Alongside, events are created and people registered, checked in (members, guests, walk-ins),
 * undone and cancelled on random laptops (a random stream of their own, so the other operations
 * of a seed are drawn as before): every laptop must then hold at most one attendance row per
 * member and event, and show the same places, waiting lists, counts and quorum as the others.
 * Emails are edited too, so members come to share one across laptops: after every sync round each
 * laptop lists exactly the shared emails as clashes and can edit every live member's other fields,
 * and secretaries merge clashes they see.
 *
 * SYNC_FUZZ_CASES sets the number of cases on PGlite (default 500) and SYNC_FUZZ_CASES_PG on
 * PostgreSQL (default 200: the same code paths, at the cost of a slower database); SYNC_FUZZ_SEED
 * replays one case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, memberSnapshot, openLaptop, type Laptop } from '../../../tests/helpers/laptop';
import { fieldLog, type LoggedField } from '../../../tests/helpers/log';
import { STORE_KINDS, startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { mulberry32 } from '../../../bench/lib/stats';
import type { SyncTransport } from './transport';
import { localChecksum } from './checksum';

const CASES = {
  pglite: Number(process.env['SYNC_FUZZ_CASES'] ?? 500),
  postgres: Number(process.env['SYNC_FUZZ_CASES_PG'] ?? 200),
};
const ONLY_SEED = process.env['SYNC_FUZZ_SEED'];
const LAPTOPS = 3;
const OPS = 30;

const EMAILS = ['ana@example.org', 'ben@example.org', 'chloé@example.org', 'dev@example.org'];
const CITIES = ['Lyon', 'Nairobi', 'São Paulo', 'Москва', null];
const NAMES = ['Hélène', 'Kwame', 'Søren', 'محمد', '王伟', 'Ngozi'];
const SURNAMES = ['Dupré', 'Mensah', 'Ørsted', 'الحسن', '李', ''];
const PHONES = ['06 12 34 56 78', '0712 345678', '+221 77 123 45 67', ''];
const COUNTRIES = ['FR', 'KE', 'SN', ''];

/** Every derived column equals its function of its sources, on this laptop. */
function derivedMismatches(laptop: Laptop): string[] {
  const chapter = laptop.db.prepare('SELECT country, locale FROM chapter WHERE deleted = 0').get() as
    { country: string | null; locale: string | null } | undefined;
  const rows = laptop.db
    .prepare('SELECT id, first_name, last_name, email, phone, country, sort_name, phone_e164 FROM members')
    .all() as (Parameters<typeof derivedColumns>[0] & {
    id: string;
    sort_name: string;
    phone_e164: string | null;
  })[];
  return rows
    .filter((r) => {
      const expected = derivedColumns(r, { country: chapter?.country ?? '', locale: chapter?.locale ?? '' });
      return expected.sort_name !== r.sort_name || expected.phone_e164 !== r.phone_e164;
    })
    .map((r) => `${r.id}: ${r.sort_name} / ${r.phone_e164}`);
}

/**
 * Checked on a laptop after every sync round: members who came to share an email (one laptop changed
 * an email another laptop gave a new member) are exactly those the clash list shows, and each live
 * member can still be edited in a field other than the email.
 */
function identityProblems(laptop: Laptop): string[] {
  if (!laptop.handlers['chapter.get'](undefined)) return [];
  const shared = laptop.db
    .prepare(
      `SELECT email, group_concat(id) AS ids FROM (SELECT email, id FROM members WHERE deleted = 0 AND email IS NOT NULL ORDER BY id)
       GROUP BY email HAVING count(*) > 1 ORDER BY email`,
    )
    .all() as { email: string; ids: string }[];
  const listed = laptop.handlers['members.emailClashes'](undefined).clashes.map((c) => ({
    email: c.email,
    ids: c.members
      .map((m) => m.id)
      .sort()
      .join(','),
  }));
  const problems =
    JSON.stringify(listed) === JSON.stringify(shared) ? [] : [`clashes ${JSON.stringify(listed)}`];
  const live = laptop.db.prepare(`SELECT id FROM members WHERE deleted = 0`).all() as { id: string }[];
  // Each edit is rolled back, so checking changes nothing the laptops then sync.
  const rollback = new Error('rollback');
  for (const m of live) {
    try {
      laptop.db.transaction(() => {
        laptop.handlers['members.update']({ id: m.id, patch: { notes: 'checked after a sync round' } });
        throw rollback;
      })();
    } catch (error) {
      if (error !== rollback)
        problems.push(`${m.id} not editable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

/** The secretary merges the first clash the list shows: the later member into the earlier. */
function mergeFirstClash(laptop: Laptop): void {
  const [clash] = laptop.handlers['members.emailClashes'](undefined).clashes;
  if (clash)
    laptop.handlers['members.merge']({ keepId: clash.members[0]!.id, otherId: clash.members[1]!.id });
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** A day between 2024 and 2027 (so statuses vary around today), plus `days`. */
function randomDay(random: Random, after?: string): string {
  const start = after ? Date.parse(`${after}T00:00:00Z`) : Date.UTC(2024, 0, 1);
  const days = after ? Math.floor(random() * 730) : Math.floor(random() * 4 * 365);
  return new Date(start + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

interface DuesRow {
  id: string;
  paid_through: string | null;
  dues_through: string | null;
}

/**
 * What a laptop derives from the synced rows: each member's `dues_through`, next to what it must be
 * (the later of the member's `paid_through` and the latest period of its payments that are neither
 * deleted nor voided by a live void), plus the payments and voids themselves.
 */
function duesState(laptop: Laptop) {
  const members = laptop.db
    .prepare('SELECT id, paid_through, dues_through FROM members ORDER BY id')
    .all() as DuesRow[];
  const payments = laptop.db
    .prepare(
      `SELECT id, member_id, period_to, receipt_number, amount_minor, deleted FROM payments ORDER BY id`,
    )
    .all() as { id: string; member_id: string | null; period_to: string | null; deleted: number }[];
  const voids = laptop.db
    .prepare('SELECT id, payment_id, reason, deleted FROM payment_voids ORDER BY id')
    .all() as { id: string; payment_id: string | null; reason: string | null; deleted: number }[];
  const voided = new Set(voids.filter((v) => v.deleted === 0).map((v) => v.payment_id));
  const latest = new Map<string, string>();
  for (const p of payments) {
    if (p.deleted !== 0 || voided.has(p.id) || !p.member_id || !p.period_to) continue;
    if (p.period_to > (latest.get(p.member_id) ?? '')) latest.set(p.member_id, p.period_to);
  }
  const expected = members.map((m) => {
    const fromPayments = latest.get(m.id) ?? null;
    const through =
      fromPayments === null || (m.paid_through !== null && m.paid_through >= fromPayments)
        ? m.paid_through
        : fromPayments;
    return { ...m, dues_through: through };
  });
  return { members, expected, payments, voids };
}

const GUESTS = [
  { guestName: 'Gloria Guest', guestEmail: 'gloria@example.org' },
  { guestName: 'Hamid Guest' },
];

/**
 * One random event operation on one laptop: create an event (a meeting with a few places or an
 * AGM with a quorum), register a member or a guest, check a member, a guest or a registration in,
 * undo a check-in, cancel a registration. Refusals (already registered, not checked in, a
 * deleted member) are what a door officer would see, and the case carries on.
 */
function eventOperation(laptop: Laptop, random: Random, label: string): void {
  const { handlers, db } = laptop;
  if (!handlers['chapter.get'](undefined)) return;
  const events = db
    .prepare('SELECT id FROM events WHERE deleted = 0 AND cancelled = 0 ORDER BY id')
    .all() as { id: string }[];
  const roll = random();
  if (roll < 0.04 || events.length === 0) {
    const agm = random() < 0.3;
    handlers['events.create']({
      title: `Event ${label}`,
      kind: agm ? 'agm' : 'meeting',
      startsAt: '2026-06-01T18:00',
      endsAt: '2026-06-01T21:00',
      capacity: agm ? null : pick(random, [1, 2, null]),
      quorum: agm ? pick(random, ['1', '2', '50%']) : null,
    });
    return;
  }
  // Mostly the same event (the first by id, on every laptop that has it), so doors meet.
  const eventId = (random() < 0.7 ? events[0]! : pick(random, events)).id;
  // A few people, so that two doors often meet the same one.
  const members = db.prepare('SELECT id FROM members WHERE deleted = 0 ORDER BY id LIMIT 3').all() as {
    id: string;
  }[];
  const registrations = db
    .prepare('SELECT id FROM registrations WHERE event_id = ? AND deleted = 0 ORDER BY id')
    .all(eventId) as { id: string }[];
  const person = () =>
    members.length && random() < 0.8 ? { memberId: pick(random, members).id } : pick(random, GUESTS);
  try {
    if (roll < 0.4) {
      handlers['events.register']({ eventId, ...person() });
    } else if (roll < 0.7 || registrations.length === 0) {
      handlers['events.checkIn'](
        registrations.length && random() < 0.3
          ? { eventId, registrationId: pick(random, registrations).id }
          : { eventId, ...person() },
      );
    } else if (roll < 0.88) {
      const present = db
        .prepare(
          'SELECT registration_id AS id FROM attendance WHERE event_id = ? AND present = 1 ORDER BY id',
        )
        .all(eventId) as { id: string }[];
      const target = present.length ? pick(random, present) : pick(random, registrations);
      handlers['events.undoCheckIn']({ eventId, attendeeId: target.id });
    } else {
      handlers['events.cancelRegistration']({ eventId, registrationId: pick(random, registrations).id });
    }
  } catch {
    // Refused at the door; the next person steps up.
  }
}

/**
 * What a laptop shows of its events: members with more than one attendance row for one event
 * (there must be none), and each event's counts, quorum and list of people with their places.
 */
function eventsState(laptop: Laptop) {
  const doubles = laptop.db
    .prepare(
      `SELECT event_id, member_id, count(*) AS rows FROM attendance WHERE member_id IS NOT NULL
       GROUP BY event_id, member_id HAVING count(*) > 1`,
    )
    .all();
  const ids = laptop.db.prepare('SELECT id FROM events ORDER BY id').all() as { id: string }[];
  const events = ids.map(({ id }) => {
    const event = laptop.handlers['events.get']({ id });
    return {
      id,
      counts: event.counts,
      quorum: event.quorumState,
      attendees: event.attendees.map((a) => [a.id, a.memberId, a.state, a.waitingPosition, a.checkedInAt]),
    };
  });
  return { doubles, events };
}

/** A link that re-sends, re-delivers, shuffles and reverses pages, as flaky networks and retrying proxies do. */
function unreliable(random: Random, offline: () => boolean) {
  return (t: SyncTransport): SyncTransport => ({
    enroll: (request) => t.enroll(request),
    chapterKey: (key) => t.chapterKey(key),
    async push(request) {
      if (offline()) throw Object.assign(new Error('offline'), { name: 'Offline' });
      const reply = await t.push(request);
      if (random() < 0.2) await t.push(request);
      return reply;
    },
    async pull(after, limit) {
      if (offline()) throw Object.assign(new Error('offline'), { name: 'Offline' });
      const from = random() < 0.2 ? Math.max(0, after - Math.floor(random() * 20)) : after;
      const page = await t.pull(from, random() < 0.3 ? Math.max(1, Math.floor(limit / 50)) : limit);
      const changes = [...page.changes];
      // Shuffled, or newest first (a payment then comes before its member, a void before its payment).
      const order = random();
      if (order < 0.2) changes.reverse();
      else if (order < 0.6) changes.sort(() => random() - 0.5);
      return { ...page, changes };
    },
  });
}

/** Fields whose last-writer-wins value differs between a laptop and the server, for the failure message. */
async function fieldDifferences(
  server: TestSyncServer,
  chapterId: string,
  laptop: Laptop,
): Promise<string[]> {
  const remote = new Map<string, string>();
  await server.store.scanFieldState(chapterId, (page) => {
    for (const f of page) {
      if (!DERIVED_FIELDS.has(`${f.tbl}.${f.col}`))
        remote.set(`${f.tbl}/${f.rowId}/${f.col}`, `${f.value} @ ${f.hlc}`);
    }
  });
  const local = new Map<string, string>();
  const rows = new Map<string, LoggedField>();
  for (const f of fieldLog(laptop.db)) {
    // Derived columns never travel: the server may hold an older laptop's copy, or none.
    if (DERIVED_FIELDS.has(`${f.tbl}.${f.col}`)) continue;
    const key = `${f.tbl}/${f.row_id}/${f.col}`;
    if (f.pushed !== 2 && !(f.hlc < (rows.get(key)?.hlc ?? ''))) rows.set(key, f);
  }
  for (const [key, r] of rows) local.set(key, `${r.value} @ ${r.hlc}`);
  const keys = new Set([...remote.keys(), ...local.keys()]);
  return [...keys]
    .filter((k) => remote.get(k) !== local.get(k))
    .slice(0, 5)
    .map((k) => `${k}: laptop ${local.get(k) ?? '-'} / server ${remote.get(k) ?? '-'}`);
}

async function runCase(server: TestSyncServer, seed: number): Promise<void> {
  const random = mulberry32(seed);
  const eventRandom = mulberry32(seed ^ 0x5eed);
  const chapterId = (await server.admin.addChapter(`fuzz ${seed}`)).id;
  const offline = new Array<boolean>(LAPTOPS).fill(false);
  const laptops: Laptop[] = [];
  const identityFailures: string[] = [];
  // A sync round may fail (a cut link); the invariants hold on what it left either way.
  const syncRound = async (laptop: Laptop) => {
    try {
      await laptop.sync.runOnce();
    } finally {
      identityFailures.push(...identityProblems(laptop).map((p) => `${laptop.name}: ${p}`));
    }
  };
  try {
    for (let i = 0; i < LAPTOPS; i++) {
      const laptop = openLaptop(`L${i}`, { memory: true, setupChapter: i === 0 || random() < 0.3 });
      laptops.push(laptop);
      await enrol(laptop, server, chapterId);
      laptop.wrapTransport(unreliable(random, () => offline[i]!));
    }
    for (let op = 0; op < OPS; op++) {
      if (eventRandom() < 0.6) {
        const door = Math.floor(eventRandom() * LAPTOPS);
        eventOperation(laptops[door]!, eventRandom, `${op} by L${door}`);
      }
      const i = Math.floor(random() * LAPTOPS);
      const laptop = laptops[i]!;
      const members = laptop.db.prepare('SELECT id FROM members ORDER BY id').all() as { id: string }[];
      const target = members.length ? pick(random, members).id : null;
      const payments = laptop.db.prepare('SELECT id FROM payments ORDER BY id').all() as { id: string }[];
      const roll = random();
      try {
        if (roll < 0.1) {
          offline[i] = !offline[i];
        } else if (roll < 0.3) {
          await syncRound(laptop);
          // A clash the sync brought is often merged at once.
          if (random() < 0.5) mergeFirstClash(laptop);
        } else if (!laptop.handlers['chapter.get'](undefined)) {
          continue;
        } else if (roll < 0.45 || !target) {
          laptop.handlers['members.create']({
            firstName: pick(random, NAMES),
            email: random() < 0.6 ? pick(random, EMAILS) : '',
            city: pick(random, CITIES) ?? '',
          });
        } else if (roll < 0.62) {
          // Names, phone and country feed derived columns; two laptops may edit different ones.
          const patches = [
            () => ({ city: pick(random, CITIES) ?? '' }),
            () => ({ notes: `note ${op} by L${i}` }),
            () => ({ firstName: pick(random, NAMES) }),
            () => ({ lastName: pick(random, SURNAMES) }),
            () => ({ phone: pick(random, PHONES) }),
            () => ({ country: pick(random, COUNTRIES) }),
          ];
          // An email another live member has here is refused; after sync two members may share one.
          const patch = random() < 0.35 ? { email: pick(random, EMAILS) } : pick(random, patches)();
          laptop.handlers['members.update']({ id: target, patch });
        } else if (roll < 0.68) {
          mergeFirstClash(laptop);
        } else if (roll < 0.72) {
          laptop.handlers['members.delete']({ id: target });
        } else if (roll < 0.76) {
          laptop.handlers['members.restore']({ id: target });
        } else if (roll < 0.9 || payments.length === 0) {
          // Half with the period typed in, half with the one the service proposes from local state.
          const periodFrom = random() < 0.5 ? randomDay(random) : undefined;
          laptop.handlers['payments.record']({
            memberId: target,
            amount: pick(random, ['10', '25', '40']),
            method: pick(random, ['cash', 'mobile-money', 'bank-transfer'] as const),
            periodFrom,
            periodTo: periodFrom ? randomDay(random, periodFrom) : undefined,
          });
        } else {
          laptop.handlers['payments.void']({ id: pick(random, payments).id, reason: `void ${op} by L${i}` });
        }
      } catch {
        // A refused edit (a deleted member, an email in use) or a sync through a cut link: the
        // secretary sees an error and carries on, and so does the case.
      }
    }
    offline.fill(false);
    for (let round = 0; round < 4; round++) {
      for (const laptop of laptops) {
        await syncRound(laptop);
        // While healing, a secretary merges a clash the first rounds brought; later rounds spread it.
        if (round === 0 && random() < 0.5) mergeFirstClash(laptop);
      }
    }

    expect(identityFailures, 'members sharing an email').toEqual([]);
    const reference = memberSnapshot(laptops[0]!.db);
    const state = laptops[0]!.db.prepare('SELECT server_url, token FROM sync_state').get() as {
      server_url: string;
      token: string;
    };
    const reply = await fetch(`${state.server_url}/v1/sync/checksum`, {
      headers: { authorization: `Bearer ${state.token}` },
    });
    const serverChecksum = ((await reply.json()) as { checksum: string }).checksum;
    const referenceDues = duesState(laptops[0]!);
    const referenceEvents = eventsState(laptops[0]!);
    for (const laptop of laptops) {
      expect(laptop.sync.status().pending, `${laptop.name} outbox`).toBe(0);
      expect(memberSnapshot(laptop.db), `${laptop.name} members`).toEqual(reference);
      expect(derivedMismatches(laptop), `${laptop.name} derived columns`).toEqual([]);
      const dues = duesState(laptop);
      expect(dues.members, `${laptop.name} dues_through`).toEqual(dues.expected);
      expect(dues, `${laptop.name} dues`).toEqual(referenceDues);
      const events = eventsState(laptop);
      expect(events.doubles, `${laptop.name} members with two attendance rows`).toEqual([]);
      expect(events, `${laptop.name} events`).toEqual(referenceEvents);
      if (localChecksum(laptop.db).checksum !== serverChecksum) {
        expect(await fieldDifferences(server, chapterId, laptop), `${laptop.name} fields`).toEqual([]);
      }
    }
  } finally {
    laptops.forEach((l) => l.close());
  }
}

describe.each(STORE_KINDS)('convergence (%s)', (kind) => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startSyncServer(kind);
  });
  afterAll(async () => {
    await server.close();
  });

  const seeds = ONLY_SEED ? [Number(ONLY_SEED)] : Array.from({ length: CASES[kind] }, (_, i) => 1000 + i);
  it(`${seeds.length} random cases converge`, { timeout: 20 * 60_000 }, async () => {
    for (const seed of seeds) {
      try {
        await runCase(server, seed);
      } catch (error) {
        const detail =
          error instanceof Error
            ? `${error.message}\nactual: ${JSON.stringify((error as { actual?: unknown }).actual ?? '')}\nexpected: ${JSON.stringify((error as { expected?: unknown }).expected ?? '')}`
            : String(error);
        throw new Error(
          `Case with seed ${seed} did not converge; replay it with SYNC_FUZZ_SEED=${seed}: ${detail}`,
        );
      }
    }
  });
});
