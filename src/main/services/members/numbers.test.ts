import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { AppError } from '../../../shared/errors';
import { createWriteContexts } from '../device/device';
import { runImport } from '../imports/job';
import { setUpHere } from './numbers';

const open: TestChapter[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

function chapter(options: Parameters<typeof openTestChapter>[0] = {}): TestChapter {
  const c = openTestChapter(options);
  open.push(c);
  return c;
}

/** A laptop that joined: the chapter's first change is another laptop's, as after enrolling with an empty file. */
function joined(c: TestChapter): TestChapter {
  c.db.prepare(`UPDATE changes SET node_id = 'founder0000000000' WHERE tbl = 'chapter'`).run();
  return c;
}

const nodeId = (c: TestChapter) =>
  (c.db.prepare(`SELECT node_id FROM device`).get() as { node_id: string }).node_id;
const prefix = (c: TestChapter) =>
  (c.db.prepare(`SELECT receipt_prefix AS p FROM device`).get() as { p: string | null }).p;
const add = (c: TestChapter, fields: Record<string, string> = {}) =>
  c.handlers['members.create']({ firstName: 'Someone', ...fields });
const csv = (text: string) => new TextEncoder().encode(text);
const importCsv = (c: TestChapter, text: string, dryRun = false) =>
  runImport(createWriteContexts(c.db, () => new Date(c.clock.now))(), {
    fileName: 'members.csv',
    bytes: csv(text),
    dryRun,
  });

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('member numbers on the laptop that set up the chapter', () => {
  it('are plain: the next after the highest, deleted members’ included, and typed ones are kept', () => {
    const c = chapter();
    expect(setUpHere(c.db, nodeId(c))).toBe(true);
    expect([add(c), add(c)].map((m) => m.memberNumber)).toEqual(['1', '2']);
    expect(add(c, { memberNumber: 'A-7' }).memberNumber).toBe('A-7');
    const gone = add(c, { memberNumber: '40' });
    c.handlers['members.delete']({ id: gone.id });
    // A deleted member keeps 40, so that restoring them never makes a clash.
    expect(add(c).memberNumber).toBe('41');
    expect(prefix(c)).toBeNull();
  });

  it('never gives again a number given after the copy of the file that was put back', () => {
    const c = chapter();
    add(c);
    c.db.pragma('wal_checkpoint(TRUNCATE)');
    const backup = `${c.path}.backup`;
    copyFileSync(c.path, backup);
    expect([add(c), add(c)].map((m) => m.memberNumber)).toEqual(['2', '3']);
    c.db.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${c.path}${suffix}`, { force: true });
    copyFileSync(backup, c.path);

    const restored = chapter({ path: c.path, setup: false });
    expect(restored.db.prepare(`SELECT count(*) AS n FROM members`).get()).toEqual({ n: 1 });
    expect(add(restored).memberNumber).toBe('4');
    const kept = `${c.path}-member-numbers`;
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toEqual({ plain: 4 });
    if (process.platform !== 'win32') expect(statSync(kept).mode & 0o777).toBe(0o600);
  });

  it('does not move on for an import preview, and continues after what an import numbered', async () => {
    const c = chapter();
    add(c);
    const file = 'First name,Last name\nAda,Lovelace\nAlan,Turing\n';
    await importCsv(c, file, true);
    await importCsv(c, file, true);
    expect(add(c).memberNumber).toBe('2');
    await importCsv(c, file);
    expect(JSON.parse(readFileSync(`${c.path}-member-numbers`, 'utf8'))).toEqual({ plain: 4 });
    expect(add(c).memberNumber).toBe('5');
  });
});

describe('member numbers on a laptop that joined', () => {
  it('carry the laptop’s prefix (the receipts’ one) and its own sequence, and keep the numbers files bring', async () => {
    const c = joined(chapter());
    add(c, { memberNumber: '12' });
    expect(setUpHere(c.db, nodeId(c))).toBe(false);
    const [first, second] = [add(c), add(c)];
    const own = prefix(c)!;
    expect(own).toMatch(/^[A-Z][2-9][A-Z]$/);
    expect([first!.memberNumber, second!.memberNumber]).toEqual([`${own}-1`, `${own}-2`]);
    const payment = c.handlers['payments.record']({ memberId: first!.id, amount: '10', method: 'cash' });
    expect(payment.receiptNumber).toMatch(new RegExp(`^${own}-0+1$`));

    const { outcome } = await importCsv(c, 'First name,Member number\nAda,500\nAlan,\n');
    expect(outcome.counts.created).toBe(2);
    const numbers = c.handlers['members.list']({
      query: '',
      sort: 'memberNumber',
      direction: 'asc',
      offset: 0,
      limit: 10,
    }).rows.map((m) => m.memberNumber);
    expect(numbers).toEqual(['12', '500', `${own}-1`, `${own}-2`, `${own}-3`]);
    expect(JSON.parse(readFileSync(`${c.path}-member-numbers`, 'utf8'))).toEqual({ [own]: 3 });
  });

  it('continue after the highest of the prefix in the file and beside it, after a copy is put back', () => {
    const c = joined(chapter());
    add(c);
    const own = prefix(c)!;
    c.db.pragma('wal_checkpoint(TRUNCATE)');
    const backup = `${c.path}.backup`;
    copyFileSync(c.path, backup);
    add(c);
    add(c);
    c.db.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${c.path}${suffix}`, { force: true });
    copyFileSync(backup, c.path);
    const restored = chapter({ path: c.path, setup: false });
    expect(add(restored).memberNumber).toBe(`${own}-4`);
  });

  it('draw no prefix for a typed number, and keep nothing beside the file until the laptop numbers', () => {
    const c = joined(chapter());
    c.handlers['members.create']({ firstName: 'Typed', memberNumber: '9' });
    expect(prefix(c)).toBeNull();
    expect(existsSync(`${c.path}-member-numbers`)).toBe(false);
  });
});

describe('one number, one member', () => {
  it('refuses a number another live member holds, naming them, on create and on edit', () => {
    const c = chapter();
    const ada = add(c, { firstName: 'Ada', lastName: 'Lovelace', memberNumber: '17' });
    const alan = add(c, { firstName: 'Alan', lastName: 'Turing' });
    const before = c.db.prepare(`SELECT count(*) AS n FROM changes`).get();

    const onCreate = thrown(() => add(c, { firstName: 'Grace', memberNumber: '17' }));
    expect(onCreate.code).toBe('CONFLICT');
    expect(onCreate.message).toBe('Number 17 already belongs to Ada Lovelace.');
    expect(onCreate.details?.fields).toEqual([
      {
        field: 'memberNumber',
        message: 'Number 17 already belongs to Ada Lovelace.',
        problem: {
          code: 'MEMBER_NUMBER_TAKEN',
          params: { number: '17', name: 'Ada Lovelace', memberId: ada.id },
        },
      },
    ]);
    const onEdit = thrown(() =>
      c.handlers['members.update']({ id: alan.id, patch: { memberNumber: ' 17 ' } }),
    );
    expect(onEdit.details?.fields?.[0]?.problem).toMatchObject({ params: { name: 'Ada Lovelace' } });
    expect(c.db.prepare(`SELECT count(*) AS n FROM changes`).get()).toEqual(before);

    // Keeping one's own number, or taking a deleted member's, is no clash.
    c.handlers['members.update']({ id: ada.id, patch: { memberNumber: '17', city: 'London' } });
    c.handlers['members.delete']({ id: ada.id });
    expect(c.handlers['members.update']({ id: alan.id, patch: { memberNumber: '17' } }).memberNumber).toBe(
      '17',
    );
    // Restoring Ada is allowed (undoing a delete is never refused); the clash is listed instead.
    c.handlers['members.restore']({ id: ada.id });
    expect(c.handlers['members.numberClashes'](undefined).total).toBe(1);
  });

  it('lists numbers two members share, lets either be edited, and a new number ends the clash', () => {
    const c = chapter();
    const ada = add(c, { firstName: 'Ada', memberNumber: '100' });
    const grace = add(c, { firstName: 'Grace', memberNumber: '101', city: 'Arlington' });
    add(c, { firstName: 'Alan', memberNumber: '102' });
    // What sync can bring: another laptop's import gave Grace the number 100.
    c.db.prepare(`UPDATE members SET member_number = '100' WHERE id = ?`).run(grace.id);

    const found = c.handlers['members.numberClashes'](undefined);
    expect(found.total).toBe(1);
    expect(found.clashes.map((x) => [x.number, x.members.map((m) => m.firstName)])).toEqual([
      ['100', ['Ada', 'Grace']],
    ]);
    // Members in a clash can still be edited (the number is not what changes).
    expect(c.handlers['members.update']({ id: grace.id, patch: { city: 'Boston' } }).city).toBe('Boston');

    const renumbered = c.handlers['members.renumber']({ id: grace.id });
    expect(renumbered.memberNumber).toBe('103');
    expect(c.handlers['members.get']({ id: ada.id }).memberNumber).toBe('100');
    expect(c.handlers['members.numberClashes'](undefined)).toEqual({ clashes: [], total: 0 });
    // The new number is an ordinary edit: in the history and in the outbox.
    const logged = c.db
      .prepare(`SELECT value, pushed FROM changes WHERE row_id = ? AND col = 'member_number'`)
      .all(grace.id);
    expect(logged).toEqual([{ value: '"103"', pushed: 0 }]);
  });

  it('lists the first clashes and counts them all; a deleted member is never renumbered', () => {
    const c = chapter();
    const twins = Array.from({ length: 6 }, (_, i) =>
      add(c, { firstName: `M${i}`, memberNumber: String(200 + i) }),
    );
    for (const [i, m] of twins.entries()) {
      c.db.prepare(`UPDATE members SET member_number = ? WHERE id = ?`).run(String(200 + (i % 3)), m.id);
    }
    const found = c.handlers['members.numberClashes'](undefined);
    expect(found.total).toBe(3);
    expect(found.clashes.map((x) => x.number)).toEqual(['200', '201', '202']);
    c.handlers['members.delete']({ id: twins[0]!.id });
    expect(thrown(() => c.handlers['members.renumber']({ id: twins[0]!.id })).code).toBe('NOT_FOUND');
    expect(c.handlers['members.numberClashes'](undefined).total).toBe(2);
  });
});

describe('the door search', () => {
  it('finds a prefixed number by the digits a member says, in number order, with plain numbers', () => {
    const c = joined(chapter());
    const event = c.handlers['events.create']({
      title: 'AGM',
      kind: 'agm',
      startsAt: '2026-04-01T18:00',
      endsAt: '2026-04-01T20:00',
    });
    const ours = [add(c, { firstName: 'P1' }), add(c, { firstName: 'P2' })];
    for (let i = 0; i < 15; i++) add(c, { firstName: `Q${i}` });
    add(c, { firstName: 'Plain', memberNumber: '17' });
    add(c, { firstName: 'Year', memberNumber: '2024-170' });
    const own = prefix(c)!;
    expect(ours[0]!.memberNumber).toBe(`${own}-1`);
    const search = (query: string, limit = 8) =>
      c.handlers['events.search']({ eventId: event.id, query, limit }).map((a) => a.memberNumber);

    expect(search('17')).toEqual(['17', `${own}-17`, '2024-170']);
    expect(search('1', 4)).toEqual([`${own}-1`, `${own}-10`, `${own}-11`, `${own}-12`]);
    expect(search('2024')).toEqual(['2024-170']);
    expect(search(`${own}-2`)).toEqual([`${own}-2`]);
    // The index the digits are read from (migration 011) is the one SQLite uses.
    const plan = c.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM members m WHERE m.deleted = 0 AND instr(m.member_number, '-') > 0
           AND substr(m.member_number, instr(m.member_number, '-') + 1) >= '17'
           AND substr(m.member_number, instr(m.member_number, '-') + 1) < '17\uffff'`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/members_number_digits/);
  });
});
