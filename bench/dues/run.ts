/**
 * Dues benchmark: a chapter of 100,000 members and 500,000 payments over five years (about 2%
 * voided), seeded into a real SQLite file. Prints, each as p50/p95 over repeated runs after a
 * warm-up, with its target and its ratio to a floor measured in the same run:
 *  1. the Dues screen's figures (`dues.summary`); floor: the period's payments counted and summed
 *     over their `paid_on` index, plus the members counted;
 *  2. the Members screen filtered by each status (`members.list`, sorted by name): the first page
 *     of 100 and a page deep in the list (offset 5,000, or the last page of a shorter list), and
 *     the same for the list the Dues screen's "expiring within 30 days" figure opens;
 *     floor: the same page of all members read over the `(deleted, sort_name)` index, with a count.
 * Members, payments and voids are written with prepared INSERTs (see `seed`); the seeding time is
 * printed too.
 *
 *   npm run bench:dues              100,000 members, 500,000 payments (targets judged)
 *   npm run bench:dues -- --smoke   10,000 members, 50,000 payments (CI; printed, not judged)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, type Handlers } from '../../src/main/api/handlers';
import { openDatabase, type Db } from '../../src/main/db/open';
import { withSearchIndexDeferred } from '../../src/main/db/search-index';
import { voidIdFor } from '../../src/main/services/payments/payments';
import { todayIn } from '../../src/shared/dues/dates';
import { MEMBER_STATUSES, type MemberStatus } from '../../src/shared/dues/status';
import { foldText } from '../../src/shared/text';
import { people } from '../lib/people';
import { fmt, mulberry32, percentile, timeMs } from '../lib/stats';

const smoke = process.argv.includes('--smoke');
const MEMBERS = smoke ? 10_000 : 100_000;
const PAYMENTS = smoke ? 50_000 : 500_000;
const VOIDED_SHARE = 0.02;
const DEEP_OFFSET = 5_000;
const WARM_UP = 5;
const SUMMARY_RUNS = smoke ? 10 : 30;
const PAGE_RUNS = smoke ? 20 : 50;
const SUMMARY_TARGET_MS = 200;
const PAGE_TARGET_MS = 50;

const TIME_ZONE = 'Europe/Paris';
/** The instant the whole run treats as now; every seeded date is relative to its day. */
const NOW = new Date();
const TODAY = todayIn(TIME_ZONE, NOW);
const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const TODAY_DAY = dayOf(TODAY);
/** Payments are spread over the last five years. */
const FIRST_DAY = TODAY_DAY - 5 * 365;

const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-bench-dues-'));
const dbPath = join(dir, 'chapter.sqlite');

const ratio = (value: number, floor: number) => (value / floor).toFixed(1);
/** The targets are for 100,000 members and 500,000 payments; smoke size only prints. */
const verdict = (ok: boolean, target: string) =>
  smoke ? `${target} at full size; not judged at smoke size` : `${target}: ${ok ? 'PASS' : 'MISS'}`;

interface SeedType {
  key: string;
  name: string;
  kind: 'individual' | 'student' | 'honorary' | 'lifetime';
  fee: string;
  /** The fee in minor units, per 12 months for the dated kinds. */
  feeMinor: number;
  currency: 'EUR' | 'XOF';
  periodMonths: number | null;
  graceDays: number | null;
  /** Share of members. */
  share: number;
}

/** A diaspora chapter: members pay in euros in France or in CFA francs at home. */
const TYPES: SeedType[] = [
  {
    key: 'eur',
    name: 'Individual',
    kind: 'individual',
    fee: '30',
    feeMinor: 3000,
    currency: 'EUR',
    periodMonths: 12,
    graceDays: null,
    share: 0.54,
  },
  {
    key: 'xof',
    name: 'Individual (XOF)',
    kind: 'individual',
    fee: '15000',
    feeMinor: 15_000,
    currency: 'XOF',
    periodMonths: 12,
    graceDays: null,
    share: 0.25,
  },
  {
    key: 'student',
    name: 'Student',
    kind: 'student',
    fee: '10',
    feeMinor: 1000,
    currency: 'EUR',
    periodMonths: 12,
    graceDays: 60,
    share: 0.14,
  },
  {
    key: 'honorary',
    name: 'Honorary',
    kind: 'honorary',
    fee: '0',
    feeMinor: 0,
    currency: 'EUR',
    periodMonths: null,
    graceDays: null,
    share: 0.035,
  },
  {
    key: 'lifetime',
    name: 'Lifetime',
    kind: 'lifetime',
    fee: '500',
    feeMinor: 50_000,
    currency: 'EUR',
    periodMonths: null,
    graceDays: null,
    share: 0.025,
  },
  // The remaining ~1% have no type (as an old spreadsheet left them): dated, a year at 30 EUR.
];
const UNTYPED: SeedType = {
  key: 'none',
  name: '',
  kind: 'individual',
  fee: '30',
  feeMinor: 3000,
  currency: 'EUR',
  periodMonths: 12,
  graceDays: null,
  share: 0,
};
const METHODS: [string, number][] = [
  ['cash', 0.4],
  ['mobile-money', 0.33],
  ['bank-transfer', 0.17],
  ['card', 0.06],
  ['other', 0.04],
];
/** How often dated members pay: most for a year, some in instalments (mobile money monthly). */
const CADENCES: [number, number][] = [
  [12, 0.55],
  [6, 0.2],
  [3, 0.15],
  [1, 0.1],
];

function weighted<T>(random: () => number, choices: [T, number][]): T {
  let r = random();
  for (const [value, weight] of choices) {
    if ((r -= weight) < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

interface Plan {
  id: string;
  type: SeedType;
  typeId: string | null;
  /** Dated members who pay: their last period's end, cadence and number of payments. */
  lastDay: number;
  months: number;
  count: number;
  maxCount: number;
}

interface Seeded {
  seconds: { setup: number; members: number; payments: number; voids: number };
  voided: number;
}

function seed(): Seeded {
  const random = mulberry32(2024);
  const startedSetup = performance.now();
  const db = openDatabase(dbPath);
  // Seeding only: a cache that holds the tables and their indexes while they are written. The
  // figures are measured on a fresh connection with the app's own settings.
  db.pragma('cache_size = -524288');
  const handlers = createHandlers(db, { now: () => NOW });
  handlers['chapter.setup']({
    name: 'Bench',
    country: 'FR',
    currency: 'EUR',
    officerName: 'Bench',
    locale: 'en',
    timeZone: TIME_ZONE,
    createDefaultTypes: false,
  });
  const typeIds = new Map<string, string>();
  for (const t of TYPES) {
    const created = handlers['membershipTypes.create']({
      name: t.name,
      kind: t.kind,
      fee: t.fee,
      currency: t.currency,
      periodMonths: t.periodMonths,
      graceDays: t.graceDays,
    });
    typeIds.set(t.key, created.id);
  }
  const setupSeconds = (performance.now() - startedSetup) / 1000;

  // Members: direct prepared INSERTs in one transaction, the search index filled at the end as
  // an import fills it (withSearchIndexDeferred).
  const startedMembers = performance.now();
  const stamp = NOW.toISOString();
  const insertMember = db.prepare(
    `INSERT INTO members (id, member_number, first_name, last_name, email, phone, phone_e164, country, city,
       type_id, joined_on, paid_through, sort_name, created_at, updated_at, deleted)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const plans: Plan[] = [];
  const typeChoices: [SeedType, number][] = [
    ...TYPES.map((t): [SeedType, number] => [t, t.share]),
    [UNTYPED, 1],
  ];
  db.transaction(() =>
    withSearchIndexDeferred(db, () => {
      for (const person of people(MEMBERS, 7)) {
        const id = randomUUID();
        const type = weighted(random, typeChoices);
        const typeId = typeIds.get(type.key) ?? null;
        const dated = type.periodMonths !== null;
        // About 12% of dated members bring a paid-through date from the spreadsheet kept before
        // ChapterDesk; it is older than their payments.
        const legacy = dated && random() < 0.12 ? isoOf(FIRST_DAY - 30 - Math.floor(random() * 700)) : null;
        const grace = type.graceDays ?? 30;
        let lastDay = 0;
        let months = 12;
        const roll = random();
        if (dated && roll >= 0.06) {
          // Where members stand today: most active, some in grace, about a third lapsed.
          months = weighted(random, CADENCES);
          const standing = random();
          if (standing < 0.62) lastDay = TODAY_DAY + Math.floor(random() * months * 30.4);
          else if (standing < 0.68) lastDay = TODAY_DAY - 1 - Math.floor(random() * grace);
          else
            lastDay = TODAY_DAY - grace - 1 - Math.floor(random() * (TODAY_DAY - grace - 1 - FIRST_DAY - 40));
        }
        const periodDays = months * 30.4;
        const maxCount = lastDay ? Math.max(1, Math.floor((lastDay - FIRST_DAY) / periodDays)) : 0;
        // Members joined at different times: the number of periods they paid grows with seniority.
        const count = maxCount ? Math.max(1, Math.round(maxCount * Math.sqrt(random()))) : 0;
        if (count || type.kind === 'lifetime')
          plans.push({ id, type, typeId, lastDay, months, count, maxCount });
        const phone = person.phone.replace(/\s/g, '');
        insertMember.run(
          id,
          person.memberNumber,
          person.firstName,
          person.lastName,
          person.email,
          person.phone,
          `+33${phone.slice(1)}`,
          person.city,
          typeId,
          person.joinedOn,
          legacy,
          foldText(`${person.lastName} ${person.firstName}`),
          stamp,
          stamp,
          random() < 0.01 ? 1 : 0,
        );
      }
    }),
  )();
  const membersSeconds = (performance.now() - startedMembers) / 1000;

  // Bring the number of payments to exactly PAYMENTS: lifetime members paid once; dated members
  // lose (or gain) their oldest periods at random until the total is right.
  const dated = plans.filter((p) => p.count > 0);
  let total = plans.reduce((n, p) => n + (p.count || 1), 0);
  while (total > PAYMENTS) {
    const plan = dated[Math.floor(random() * dated.length)]!;
    if (plan.count > 1) {
      plan.count--;
      total--;
    }
  }
  while (total < PAYMENTS) {
    const plan = dated[Math.floor(random() * dated.length)]!;
    if (plan.count < plan.maxCount) {
      plan.count++;
      total++;
    }
  }

  interface Row {
    id: string;
    memberId: string;
    typeId: string | null;
    amount: number;
    currency: string;
    method: string;
    paidOn: string;
    from: string | null;
    to: string | null;
  }
  const rows: Row[] = [];
  const paidOnAround = (day: number) =>
    isoOf(Math.min(TODAY_DAY, Math.max(FIRST_DAY, day - 20 + Math.floor(random() * 45))));
  for (const plan of plans) {
    const base = {
      memberId: plan.id,
      typeId: plan.typeId,
      currency: plan.type.currency,
    };
    if (plan.type.kind === 'lifetime') {
      const day = FIRST_DAY + Math.floor(random() * (TODAY_DAY - FIRST_DAY));
      rows.push({
        ...base,
        id: randomUUID(),
        amount: plan.type.feeMinor,
        method: weighted(random, METHODS),
        paidOn: isoOf(day),
        from: null,
        to: null,
      });
      continue;
    }
    // Consecutive periods ending on lastDay, each paid around the day it starts.
    let to = plan.lastDay;
    const periodDays = Math.round(plan.months * 30.4);
    for (let i = 0; i < plan.count; i++) {
      const from = to - periodDays + 1;
      rows.push({
        ...base,
        id: randomUUID(),
        amount: Math.round((plan.type.feeMinor * plan.months) / 12),
        method: weighted(random, METHODS),
        paidOn: paidOnAround(from),
        from: isoOf(from),
        to: isoOf(to),
      });
      to = from - 1;
    }
  }
  // Recorded as they came in: the table fills in the order of the days they were paid.
  rows.sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));

  // Payments: prepared INSERTs in one transaction. Through the real insert trigger, which
  // recomputes the member's payments_through on every payment, this took 3 times as long (206 s at
  // full size on a busy 2-core machine), so the trigger is dropped for the bulk insert, the dates
  // are set in one UPDATE with the trigger's rule (no voids exist yet) and the trigger is
  // re-created from its stored SQL, all in the one transaction. Voids go through their trigger.
  const startedPayments = performance.now();
  const insertTrigger = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'payments_dues_insert'`)
    .pluck()
    .get() as string;
  const insertPayment = db.prepare(
    `INSERT INTO payments (id, member_id, type_id, amount_minor, currency, method, reference, paid_on,
       period_from, period_to, receipt_number, officer, note, batch_id, created_at, updated_at, deleted)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Bench', NULL, NULL, ?, ?, 0)`,
  );
  db.transaction(() => {
    db.exec(`DROP TRIGGER payments_dues_insert`);
    rows.forEach((row, i) => {
      const created = `${row.paidOn}T10:00:00.000Z`;
      insertPayment.run(
        row.id,
        row.memberId,
        row.typeId,
        row.amount,
        row.currency,
        row.method,
        row.method === 'bank-transfer' || row.method === 'mobile-money' ? `TX${100_000_000 + i}` : null,
        row.paidOn,
        row.from,
        row.to,
        `K3M-${String(i + 1).padStart(6, '0')}`,
        created,
        created,
      );
    });
    db.prepare(`UPDATE device SET receipt_prefix = 'K3M', receipt_seq = ? WHERE singleton = 1`).run(
      rows.length,
    );
    db.exec(
      `UPDATE members SET payments_through = (
         SELECT max(p.period_to) FROM payments p WHERE p.member_id = members.id AND p.deleted = 0)
       WHERE id IN (SELECT member_id FROM payments)`,
    );
    db.exec(insertTrigger);
  })();
  const paymentsSeconds = (performance.now() - startedPayments) / 1000;

  // About 2% voided, each a payment_voids row; its trigger recomputes the member's date.
  const startedVoids = performance.now();
  const insertVoid = db.prepare(
    `INSERT INTO payment_voids (id, payment_id, reason, voided_on, officer, created_at, updated_at, deleted)
     VALUES (?, ?, 'Entered twice', ?, 'Bench', ?, ?, 0)`,
  );
  let voided = 0;
  db.transaction(() => {
    for (const row of rows) {
      if (random() >= VOIDED_SHARE) continue;
      const on = isoOf(Math.min(TODAY_DAY, dayOf(row.paidOn) + Math.floor(random() * 10)));
      insertVoid.run(voidIdFor(row.id), row.id, on, `${on}T11:00:00.000Z`, `${on}T11:00:00.000Z`);
      voided++;
    }
  })();
  const voidsSeconds = (performance.now() - startedVoids) / 1000;
  // The seeded dates must be the ones the triggers keep: the migration's rule, recomputed.
  const differing = db
    .prepare(
      `SELECT count(*) FROM members WHERE payments_through IS NOT (
         SELECT max(p.period_to) FROM payments p WHERE p.member_id = members.id AND p.deleted = 0
           AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id AND v.deleted = 0))`,
    )
    .pluck()
    .get() as number;
  if (differing) throw new Error(`${differing} members' payments_through differ from their payments`);
  // The app never runs ANALYZE, so neither does the bench: the planner sees what it sees there.
  db.close();
  return {
    seconds: { setup: setupSeconds, members: membersSeconds, payments: paymentsSeconds, voids: voidsSeconds },
    voided,
  };
}

interface Figure {
  p50: number;
  p95: number;
  floorP50: number;
  floorP95: number;
}

/** Warm-up, then ours and the floor alternately, so both see the same cache and machine. */
function measure(runs: number, ours: () => unknown, floor: () => unknown): Figure {
  for (let i = 0; i < WARM_UP; i++) {
    ours();
    floor();
  }
  const mine: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) {
    mine.push(timeMs(ours));
    floors.push(timeMs(floor));
  }
  return {
    p50: percentile(mine, 50),
    p95: percentile(mine, 95),
    floorP50: percentile(floors, 50),
    floorP95: percentile(floors, 95),
  };
}

function report(label: string, f: Figure, targetMs: number, floorLabel: string): boolean {
  const met = f.p95 <= targetMs;
  console.log(
    `${label}: p50 ${fmt(f.p50)}, p95 ${fmt(f.p95)} (${verdict(met, `target p95 <= ${targetMs} ms`)}); ` +
      `floor (${floorLabel}) p50 ${fmt(f.floorP50)}, p95 ${fmt(f.floorP95)}; ` +
      `ratio p50 ${ratio(f.p50, f.floorP50)}, p95 ${ratio(f.p95, f.floorP95)}`,
  );
  return met;
}

function summaryFigures(db: Db, handlers: Handlers): boolean {
  const summary = handlers['dues.summary'](undefined);
  const counts = MEMBER_STATUSES.map((s) => `${s} ${summary.counts[s].toLocaleString('en')}`).join(', ');
  console.log(
    `on ${summary.on}: ${summary.counts.total.toLocaleString('en')} members (${counts}); ` +
      `expiring within 30 days ${summary.expiring.toLocaleString('en')}`,
  );
  // The floor reads the same payments: from the first month the summary shows (the seed has
  // payments in every month) to its day.
  const months = summary.collectedByMonth.map((m) => m.month).sort();
  const from = `${months[0]}-01`;
  const payments = db.prepare(
    `SELECT count(*) AS n, sum(amount_minor) AS amount FROM payments WHERE paid_on BETWEEN ? AND ?`,
  );
  const members = db.prepare(`SELECT count(*) AS n FROM members WHERE deleted = 0`);
  const figure = measure(
    SUMMARY_RUNS,
    () => handlers['dues.summary'](undefined),
    () => {
      payments.get(from, summary.on);
      members.get();
    },
  );
  return report(
    'Dues screen figures (dues.summary)',
    figure,
    SUMMARY_TARGET_MS,
    `count and sum of the ${new Set(months).size} months' payments by paid_on + count of members`,
  );
}

function pageFigures(db: Db, handlers: Handlers): boolean {
  const page = db.prepare(`SELECT * FROM members WHERE deleted = 0 ORDER BY sort_name LIMIT 100 OFFSET ?`);
  const count = db.prepare(`SELECT count(*) AS n FROM members WHERE deleted = 0`);
  const floor = (offset: number) => () => {
    page.all(offset);
    count.get();
  };
  let allMet = true;
  const filters: [string, { status?: MemberStatus; expiringWithinDays?: number }][] = [
    ...MEMBER_STATUSES.map((status): [string, { status: MemberStatus }] => [status, { status }]),
    // The Dues screen's "expiring" figure links to this list.
    ['expiring within 30 days', { expiringWithinDays: 30 }],
  ];
  for (const [label, filter] of filters) {
    const list = (offset: number) => () =>
      handlers['members.list']({ query: '', sort: 'name', direction: 'asc', offset, limit: 100, ...filter });
    const { total } = list(0)() as { total: number };
    // Deep in the list: offset 5,000, or the last page when the list is shorter.
    const deep = Math.max(0, Math.min(DEEP_OFFSET, Math.floor((total - 1) / 100) * 100));
    const first = measure(PAGE_RUNS, list(0), floor(0));
    allMet =
      report(
        `${label} (${total.toLocaleString('en')}), first page`,
        first,
        PAGE_TARGET_MS,
        'first 100 members by sort_name + count',
      ) && allMet;
    const later = measure(PAGE_RUNS, list(deep), floor(deep));
    allMet =
      report(
        `${label}, page at offset ${deep.toLocaleString('en')}`,
        later,
        PAGE_TARGET_MS,
        `100 members by sort_name at offset ${deep.toLocaleString('en')} + count`,
      ) && allMet;
  }
  return allMet;
}

try {
  const seeded = seed();
  const s = seeded.seconds;
  console.log(
    `seeded ${MEMBERS.toLocaleString('en')} members and ${PAYMENTS.toLocaleString('en')} payments ` +
      `(${seeded.voided.toLocaleString('en')} voided) in ${(s.setup + s.members + s.payments + s.voids).toFixed(1)} s: ` +
      `chapter and types ${s.setup.toFixed(1)} s, members ${s.members.toFixed(1)} s, ` +
      `payments ${s.payments.toFixed(1)} s, voids ${s.voids.toFixed(1)} s; ` +
      `file ${(statSync(dbPath).size / 1024 / 1024).toFixed(0)} MB`,
  );
  const db = openDatabase(dbPath);
  const handlers = createHandlers(db, { now: () => NOW });
  try {
    const summaryMet = summaryFigures(db, handlers);
    const pagesMet = pageFigures(db, handlers);
    if (!smoke) {
      console.log(
        `targets: Dues screen figures ${summaryMet ? 'PASS' : 'MISS'}; status-filtered pages ${pagesMet ? 'PASS' : 'MISS'}`,
      );
    }
  } finally {
    db.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
