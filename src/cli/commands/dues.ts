import { basename } from 'node:path';
import type { Command } from 'commander';
import { dispatch } from '../../main/api/dispatch';
import type { Db } from '../../main/db/open';
import { statement } from '../../main/db/statements';
import { createWriteContexts } from '../../main/services/device/device';
import { createStatements } from '../../main/services/payments/statements';
import { findMembershipType } from '../../main/services/types/membership-types';
import { minorToDecimal } from '../../shared/dues/money';
import { AppError } from '../../shared/errors';
import type { OperationName } from '../../shared/operations';
import {
  methodFromText,
  type DuesSummary,
  type MembershipType,
  type Payment,
  type PaymentPage,
  type PaymentReceipt,
} from '../../shared/payments';
import { backUpBeforeImport, openChapter, unwrap, type OpenChapter } from '../open-chapter';
import { readInputFile } from '../read-input';

/** Runs one operation through the contract's validation, as the app does. */
export async function call<T>(chapter: OpenChapter, name: OperationName, input: unknown): Promise<T> {
  return unwrap<T>(await dispatch(chapter.handlers, name, input));
}

export async function withChapter<T>(path: string, run: (chapter: OpenChapter) => Promise<T>): Promise<T> {
  const chapter = openChapter(path, { mustExist: true });
  try {
    return await run(chapter);
  } finally {
    chapter.db.close();
  }
}

export function print(json: boolean | undefined, value: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A member by id, email or member number, as a secretary would name them; deleted ones too. */
export function resolveMember(db: Db, text: string): string {
  const key = text.trim();
  const column = UUID.test(key) ? 'id' : key.includes('@') ? 'email' : 'member_number';
  const rows = statement(
    db,
    `SELECT id, deleted FROM members WHERE ${column} = ? ORDER BY deleted, created_at LIMIT 2`,
  ).all(column === 'email' ? key.toLowerCase() : key) as { id: string; deleted: number }[];
  if (rows.length === 0) {
    throw new AppError('NOT_FOUND', `member: no member with ${column.replace('_', ' ')} “${key}”.`);
  }
  // Two live members with one number (a clash): picking one would act on the wrong person.
  if (column === 'member_number' && rows.length === 2 && rows[1]!.deleted === 0) {
    throw new AppError(
      'CONFLICT',
      `member: more than one member has number “${key}”; name them by id or email (see: chapterdesk members clashes).`,
    );
  }
  return rows[0]!.id;
}

function integer(flag: string, value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'none') return null;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new AppError('VALIDATION', `${flag}: give a whole number, not “${value}”.`);
  return n;
}

function money(minor: number, currency: string): string {
  return `${minorToDecimal(minor, currency)} ${currency}`;
}

function describeType(t: MembershipType): string {
  const period = t.periodMonths ? `${t.periodMonths} months` : 'no period';
  const grace = t.graceDays === null ? 'chapter grace' : `${t.graceDays} days grace`;
  return `${t.name}\t${t.kind}\t${money(t.feeMinor, t.currency)}\t${period}\t${grace}\t${t.id}${t.retired ? '\tretired' : ''}`;
}

function describePayment(p: Payment): string {
  const period = p.periodFrom ? `${p.periodFrom} → ${p.periodTo}` : 'no period';
  const voided = p.void ? `\tVOID: ${p.void.reason}` : '';
  const payer = p.memberErased ? `erased member (receipt ${p.receiptNumber})` : (p.memberName ?? p.memberId);
  return `${p.receiptNumber}\t${p.paidOn}\t${payer}\t${money(p.amountMinor, p.currency)}\t${p.method}\t${p.reference ?? ''}\t${period}${voided}`;
}

/** Payments in JSON carry the amount as written too ("12.50"), next to the minor units. */
function paymentJson<T extends Payment>(p: T): T & { amount: string } {
  return { ...p, amount: minorToDecimal(p.amountMinor, p.currency) };
}

interface TypeFlags {
  db: string;
  name?: string;
  fee?: string;
  currency?: string;
  periodMonths?: string;
  graceDays?: string;
  kind?: string;
  json?: boolean;
}

function typeOptions(command: Command): Command {
  return command
    .requiredOption('--db <path>', 'chapter database file')
    .option('--name <name>', 'name of the type')
    .option('--fee <amount>', 'fee as written, e.g. 5000 or 12.50')
    .option('--currency <code>', 'ISO 4217 code (default: the chapter’s)')
    .option('--period-months <n>', 'months one payment of the fee covers')
    .option('--grace-days <n>', 'days after expiry before a member lapses (default: the chapter’s)')
    .option('--kind <kind>', 'individual, student, family, organisation, honorary or lifetime')
    .option('--json', 'print JSON');
}

function typeFields(opts: TypeFlags): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (opts.name !== undefined) fields.name = opts.name;
  if (opts.fee !== undefined) fields.fee = opts.fee;
  if (opts.currency !== undefined) fields.currency = opts.currency;
  if (opts.kind !== undefined) fields.kind = opts.kind;
  const months = integer('--period-months', opts.periodMonths);
  if (months !== undefined) fields.periodMonths = months;
  const grace = integer('--grace-days', opts.graceDays);
  if (grace !== undefined) fields.graceDays = grace;
  return fields;
}

export function registerDues(program: Command): void {
  const types = program.command('types').description('Membership types: fees, periods, grace');
  types
    .command('list')
    .description('List the membership types')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print JSON')
    .action((opts: { db: string; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const list = await call<MembershipType[]>(chapter, 'membershipTypes.list', undefined);
        print(opts.json, list, () => list.map(describeType).join('\n'));
      }),
    );
  typeOptions(types.command('add').description('Add a membership type')).action((opts: TypeFlags) =>
    withChapter(opts.db, async (chapter) => {
      const type = await call<MembershipType>(chapter, 'membershipTypes.create', typeFields(opts));
      print(opts.json, type, () => `Added ${describeType(type)}`);
    }),
  );
  typeOptions(
    types.command('update').description('Change a membership type').argument('<type>', 'its id or name'),
  ).action((idOrName: string, opts: TypeFlags) =>
    withChapter(opts.db, async (chapter) => {
      const found = findMembershipType(chapter.db, idOrName);
      if (!found) throw new AppError('NOT_FOUND', `type: no membership type “${idOrName}”.`);
      const type = await call<MembershipType>(chapter, 'membershipTypes.update', {
        id: found.id,
        patch: typeFields(opts),
      });
      print(opts.json, type, () => `Updated ${describeType(type)}`);
    }),
  );

  for (const [name, retired, description, done] of [
    ['retire', true, 'Retire a type: no longer given to new members; those who have it keep it', 'Retired'],
    ['restore', false, 'Bring a retired type back', 'Brought back'],
  ] as const) {
    types
      .command(name)
      .description(description)
      .argument('<type>', 'its id or name')
      .requiredOption('--db <path>', 'chapter database file')
      .option('--json', 'print JSON')
      .action((idOrName: string, opts: { db: string; json?: boolean }) =>
        withChapter(opts.db, async (chapter) => {
          const found = findMembershipType(chapter.db, idOrName);
          if (!found) throw new AppError('NOT_FOUND', `type: no membership type “${idOrName}”.`);
          const type = await call<MembershipType>(chapter, 'membershipTypes.retire', {
            id: found.id,
            retired,
          });
          print(opts.json, type, () => `${done} ${describeType(type)}`);
        }),
      );
  }

  program
    .command('pay')
    .description('Record a payment; prints its receipt number and the member’s new status')
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--member <member>', 'member number, email or id')
    .requiredOption('--amount <amount>', 'as written, e.g. 5000 or 12.50')
    .option('--currency <code>', 'ISO 4217 code (default: the member’s type’s, else the chapter’s)')
    .requiredOption('--method <method>', 'cash, bank, mobile-money, card or other')
    .option('--reference <ref>', 'e.g. the mobile-money transaction code')
    .option('--date <date>', 'day paid, YYYY-MM-DD (default: today)')
    .option('--from <date>', 'first day the payment covers (with --to; default: proposed)')
    .option('--to <date>', 'last day the payment covers')
    .option('--note <text>', 'a note on the payment')
    .option('--json', 'print JSON')
    .action(
      (opts: {
        db: string;
        member: string;
        amount: string;
        currency?: string;
        method: string;
        reference?: string;
        date?: string;
        from?: string;
        to?: string;
        note?: string;
        json?: boolean;
      }) =>
        withChapter(opts.db, async (chapter) => {
          const method = methodFromText(opts.method);
          if (!method) {
            throw new AppError(
              'VALIDATION',
              `method: unknown payment method “${opts.method}”; use cash, bank, mobile-money, card or other.`,
            );
          }
          const paid = await call<PaymentReceipt>(chapter, 'payments.record', {
            memberId: resolveMember(chapter.db, opts.member),
            amount: opts.amount,
            currency: opts.currency,
            method,
            reference: opts.reference,
            paidOn: opts.date,
            periodFrom: opts.from,
            periodTo: opts.to,
            note: opts.note,
          });
          print(
            opts.json,
            paymentJson(paid),
            () =>
              `Receipt ${paid.receiptNumber}: ${money(paid.amountMinor, paid.currency)} from ${paid.memberName ?? paid.memberId}` +
              `${paid.periodFrom ? `, covering ${paid.periodFrom} to ${paid.periodTo}` : ''}. ` +
              `Status: ${paid.status}${paid.paidThrough ? `, paid through ${paid.paidThrough}` : ''}.`,
          );
        }),
    );

  const payments = program.command('payments').description('Payments recorded');
  payments
    .command('list')
    .description('List payments, newest first (voided ones marked)')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--member <member>', 'only this member’s (number, email or id)')
    .option('--json', 'print JSON')
    .action((opts: { db: string; member?: string; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const rows: Payment[] = [];
        for (let offset = 0; ; offset += 1000) {
          const page = await call<PaymentPage>(chapter, 'payments.list', {
            memberId: opts.member ? resolveMember(chapter.db, opts.member) : undefined,
            offset,
            limit: 1000,
          });
          rows.push(...page.rows);
          if (rows.length >= page.total || page.rows.length === 0) break;
        }
        print(opts.json, rows.map(paymentJson), () => rows.map(describePayment).join('\n'));
      }),
    );
  payments
    .command('void')
    .description('Void a payment (it stays listed, marked void); the member’s status follows')
    .argument('<id>', 'payment id or receipt number')
    .requiredOption('--reason <text>', 'why the payment is void')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print JSON')
    .action((idOrReceipt: string, opts: { db: string; reason: string; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const row = statement(chapter.db, `SELECT id FROM payments WHERE id = ? OR receipt_number = ?`).get(
          idOrReceipt,
          idOrReceipt,
        ) as { id: string } | undefined;
        if (!row) throw new AppError('NOT_FOUND', `payment: no payment “${idOrReceipt}”.`);
        const voided = await call<PaymentReceipt>(chapter, 'payments.void', {
          id: row.id,
          reason: opts.reason,
        });
        print(
          opts.json,
          paymentJson(voided),
          () =>
            `Voided ${voided.receiptNumber}. Status: ${voided.status}${voided.paidThrough ? `, paid through ${voided.paidThrough}` : ''}.`,
        );
      }),
    );

  program
    .command('dues')
    .description('Members by status, expiring in 30 days, outstanding, collected by month and method')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--on <date>', 'as on this day, YYYY-MM-DD (default: today in the chapter’s time zone)')
    .option('--json', 'print JSON')
    .action((opts: { db: string; on?: string; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const summary = await call<DuesSummary>(
          chapter,
          'dues.summary',
          opts.on ? { on: opts.on } : undefined,
        );
        print(opts.json, summary, () => describeSummary(summary));
      }),
    );

  program
    .command('reconcile')
    .description(
      'Match a payment statement (M-Pesa, bank CSV, past payments) to members and record the matches',
    )
    .argument('<file>', 'CSV, XLSX or ODS')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--dry-run', 'match and count, record nothing')
    .option('--json', 'print JSON')
    .action((file: string, opts: { db: string; dryRun?: boolean; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const bytes = readInputFile(file);
        const deps = {
          db: chapter.db,
          now: () => new Date(),
          writeContext: createWriteContexts(chapter.db, () => new Date()),
        };
        if (!opts.dryRun) await backUpBeforeImport(chapter.db);
        const result = await createStatements(deps).reconcile(basename(file), bytes, Boolean(opts.dryRun));
        print(opts.json, { ...result, payments: result.payments.map(paymentJson) }, () =>
          [
            `${result.lines} lines: ${result.matched} matched${opts.dryRun ? ' (dry run: nothing recorded)' : ' and recorded'}, ` +
              `${result.alreadyRecorded} already recorded, ${result.unmatched.length} unmatched.`,
            ...result.unmatched.map((u) =>
              `  row ${u.line}: ${u.reference ?? ''} ${u.payer ?? ''} ${u.amount ?? ''}`.trimEnd(),
            ),
          ].join('\n'),
        );
      }),
    );
}

function describeSummary(s: DuesSummary): string {
  const c = s.counts;
  const lines = [
    `On ${s.on}: ${c.total} members`,
    `  active ${c.active}, in grace ${c.grace}, lapsed ${c.lapsed}, never paid ${c['never-paid']}, honorary ${c.honorary}, lifetime ${c.lifetime}`,
    `  expiring in the next 30 days: ${s.expiring}`,
    `  outstanding: ${s.outstanding.map((o) => `${money(o.amountMinor, o.currency)} (${o.count} members)`).join(', ') || 'none'}`,
    '  collected by month:',
    ...s.collectedByMonth.map((m) => `    ${m.month}  ${money(m.amountMinor, m.currency)} (${m.count})`),
    '  collected by method:',
    ...s.collectedByMethod.map((m) => `    ${m.method}  ${money(m.amountMinor, m.currency)} (${m.count})`),
  ];
  return lines.join('\n');
}
