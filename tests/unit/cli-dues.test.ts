import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/chapter';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function chapterWithMembers() {
  const temp = tempDir();
  temps.push(temp);
  const db = join(temp.dir, 'dakar.sqlite');
  expect(cli('init', '--db', db, '--name', 'Dakar', '--country', 'SN', '--currency', 'XOF').code).toBe(0);
  const members = join(temp.dir, 'members.csv');
  writeFileSync(
    members,
    'Member number,First name,Last name,Email,Phone\n101,Awa,Diop,awa@example.org,77 123 45 67\n102,Moussa,Fall,moussa@example.org,\n',
  );
  expect(cli('import', members, '--db', db).code).toBe(0);
  return { db, dir: temp.dir };
}

describe('chapterdesk dues commands', () => {
  it(
    'adds a type, records a payment by member number and prints the receipt and new status as JSON',
    { timeout: 180_000 },
    () => {
      const { db } = chapterWithMembers();
      const added = cli(
        'types',
        'add',
        '--db',
        db,
        '--name',
        'Membre',
        '--fee',
        '5000',
        '--period-months',
        '12',
        '--grace-days',
        '30',
        '--json',
      );
      expect(added.code).toBe(0);
      expect(JSON.parse(added.stdout)).toMatchObject({
        name: 'Membre',
        feeMinor: 5000,
        currency: 'XOF',
        periodMonths: 12,
        graceDays: 30,
      });
      const updated = cli('types', 'update', 'membre', '--db', db, '--fee', '6000', '--json');
      expect(JSON.parse(updated.stdout)).toMatchObject({ feeMinor: 6000 });

      const paid = cli(
        'pay',
        '--db',
        db,
        '--member',
        '101',
        '--amount',
        '5000',
        '--method',
        'cash',
        '--date',
        '2026-01-15',
        '--from',
        '2026-01-01',
        '--to',
        '2026-12-31',
        '--json',
      );
      expect(paid.stderr).toBe('');
      const receipt = JSON.parse(paid.stdout);
      expect(receipt).toMatchObject({
        amountMinor: 5000,
        currency: 'XOF',
        method: 'cash',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        paidThrough: '2026-12-31',
      });
      expect(receipt.receiptNumber).toMatch(/^[A-Z0-9]{3}-000001$/);
      expect(['active', 'grace', 'lapsed']).toContain(receipt.status);

      const byEmail = cli(
        'pay',
        '--db',
        db,
        '--member',
        'MOUSSA@example.org',
        '--amount',
        '2500',
        '--method',
        'mpesa',
        '--reference',
        'QX12',
        '--json',
      );
      expect(JSON.parse(byEmail.stdout)).toMatchObject({
        method: 'mobile-money',
        reference: 'QX12',
        receiptNumber: receipt.receiptNumber.replace('1', '2'),
      });

      const list = JSON.parse(cli('payments', 'list', '--db', db, '--member', '101', '--json').stdout);
      expect(list).toHaveLength(1);
      const voided = cli(
        'payments',
        'void',
        receipt.receiptNumber,
        '--reason',
        'Wrong member',
        '--db',
        db,
        '--json',
      );
      expect(JSON.parse(voided.stdout)).toMatchObject({
        void: { reason: 'Wrong member' },
        status: 'never-paid',
        paidThrough: null,
      });

      const dues = JSON.parse(cli('dues', '--db', db, '--json').stdout);
      expect(dues.counts).toMatchObject({ total: 2 });
      expect(dues.collectedByMethod).toEqual([
        expect.objectContaining({ method: 'mobile-money', amountMinor: 2500 }),
      ]);
    },
  );

  it(
    'refuses bad input with the field named, a non-zero exit and nothing written',
    { timeout: 180_000 },
    () => {
      const { db } = chapterWithMembers();
      const zero = cli('pay', '--db', db, '--member', '101', '--amount', '0', '--method', 'cash');
      expect(zero.code).not.toBe(0);
      expect(zero.stderr).toMatch(/amount: The amount must be more than zero/);
      const currency = cli(
        'pay',
        '--db',
        db,
        '--member',
        '101',
        '--amount',
        '10',
        '--currency',
        'ZZZ',
        '--method',
        'cash',
      );
      expect(currency.stderr).toMatch(/currency/);
      const period = cli(
        'pay',
        '--db',
        db,
        '--member',
        '101',
        '--amount',
        '10',
        '--method',
        'cash',
        '--from',
        '2026-05-01',
        '--to',
        '2026-04-01',
      );
      expect(period.stderr).toMatch(/periodTo: The period ends before it starts/);
      const method = cli('pay', '--db', db, '--member', '101', '--amount', '10', '--method', 'barter');
      expect(method.stderr).toMatch(/method/);
      const nobody = cli('pay', '--db', db, '--member', '999', '--amount', '10', '--method', 'cash');
      expect(nobody.stderr).toMatch(/no member with member number “999”/);
      expect(JSON.parse(cli('payments', 'list', '--db', db, '--json').stdout)).toEqual([]);
      const noReason = cli('payments', 'void', 'X', '--db', db);
      expect(noReason.code).not.toBe(0);
      expect(noReason.stderr).toMatch(/--reason/);
    },
  );

  it(
    'reconciles a statement: a dry run records nothing, the real run records the matches once',
    { timeout: 180_000 },
    () => {
      const { db, dir } = chapterWithMembers();
      const statement = join(dir, 'orange.csv');
      writeFileSync(
        statement,
        [
          'Member number,Email,Amount,Date,Method,Reference,Status',
          '101,,5000,2026-02-01,orange money,OM-1,Succès',
          ',moussa@example.org,5000,2026-02-02,wave,WV-9,completed',
          '555,,5000,2026-02-03,cash,,',
          '102,,5000,2026-02-04,cash,OM-2,Failed',
        ].join('\n'),
      );
      const dry = JSON.parse(cli('reconcile', statement, '--db', db, '--dry-run', '--json').stdout);
      expect(dry).toMatchObject({ lines: 4, matched: 2, alreadyRecorded: 0, payments: [] });
      expect(dry.unmatched).toEqual([{ line: 4, reference: null, payer: '555', amount: '5000' }]);
      expect(JSON.parse(cli('payments', 'list', '--db', db, '--json').stdout)).toEqual([]);

      const real = JSON.parse(cli('reconcile', statement, '--db', db, '--json').stdout);
      expect(real).toMatchObject({ matched: 2 });
      expect(real.payments.map((p: { reference: string }) => p.reference)).toEqual(['OM-1', 'WV-9']);
      const again = JSON.parse(cli('reconcile', statement, '--db', db, '--json').stdout);
      expect(again).toMatchObject({ matched: 0, alreadyRecorded: 2 });

      writeFileSync(join(dir, 'notes.txt'), 'hello\nworld\n');
      const wrong = cli('reconcile', join(dir, 'notes.txt'), '--db', db);
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toMatch(/statement/);
      const missing = cli('reconcile', join(dir, 'march.csv'), '--db', db);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toBe(`chapterdesk: No such file: ${join(dir, 'march.csv')}\n`);
    },
  );
});
