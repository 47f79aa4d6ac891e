import type { Laptop } from './laptop';

/** A seeded source of numbers in [0, 1) (bench/lib/stats mulberry32). */
export type Random = () => number;

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// ASCII only: an email with an accent is taken by the member form but refused by the field
// registry, so the laptop that typed it keeps it until the server refuses it (a known gap, apart).
const EMAILS = ['ana@example.org', 'ben@example.org', 'chloe@example.org', null, null];
const CITIES = ['Lyon', 'Nairobi', 'São Paulo', 'Москва', null];
const NAMES = ['Hélène', 'Kwame', 'Søren', 'محمد', '王伟', 'Ngozi'];
const PHONES = ['06 12 34 56 78', '0712 345678', '+221 77 123 45 67', ''];

/**
 * One random step of a secretary's work on a laptop, for the sync fuzz tests (files, peers): a new
 * member (some with an email another laptop may also have typed), an edit of a city, a first name
 * or a phone, a delete or a restore.
 */
export function randomMemberWork(random: Random, l: Laptop): void {
  const live = l.db.prepare('SELECT id, deleted FROM members ORDER BY id').all() as {
    id: string;
    deleted: number;
  }[];
  const roll = random();
  if (roll < 0.35 || live.length === 0) {
    const email = pick(random, EMAILS);
    // The same person entered on two laptops is one row (keyed id): created here only if not here yet.
    const exists = email && l.db.prepare('SELECT 1 FROM members WHERE email = ?').get(email);
    if (!exists) {
      l.handlers['members.create']({
        firstName: pick(random, NAMES),
        lastName: 'Mensah',
        ...(email ? { email } : {}),
        city: pick(random, CITIES) ?? undefined,
      });
    }
    return;
  }
  const target = pick(random, live);
  if (roll < 0.8) {
    if (target.deleted) return;
    const patch =
      random() < 0.5
        ? { city: pick(random, CITIES) ?? '' }
        : random() < 0.5
          ? { firstName: pick(random, NAMES) }
          : { phone: pick(random, PHONES) };
    l.handlers['members.update']({ id: target.id, patch });
  } else if (target.deleted) {
    l.handlers['members.restore']({ id: target.id });
  } else {
    l.handlers['members.delete']({ id: target.id });
  }
}
