/**
 * Reading a payment statement: the export of M-Pesa's organisation portal, a bank's CSV, or a
 * chapter's own spreadsheet of past payments, turned into one plain line per row. Pure: bytes
 * in, lines out; no database. Deciding which lines become payments (completed, incoming, no
 * problem) and for whom (match.ts) is the caller's business.
 */
import { createHash } from 'node:crypto';
import {
  DateOrderTally,
  defaultDateOrder,
  parseDate,
  type DateOrder,
  type DateProblem,
} from '../../imports/dates';
import { headerKey } from '../../imports/mapping';
import { openImport, type ImportSource } from '../../imports/source';
import type { RawRow } from '../../imports/table';
import { isCurrencyCode, parseAmount, type AmountProblem } from '../../../../shared/dues/money';
import { valueIssue } from '../../../../shared/fields/check';
import { methodFromText, type PaymentMethod } from '../../../../shared/payments';
import { foldText } from '../../../../shared/text';

export type StatementProvider = 'mpesa' | 'bank' | 'payments' | 'generic';

export interface StatementLine {
  /** 1-based row in the file as a spreadsheet shows it. */
  rowNumber: number;
  /** Provider transaction code, receipt number or bank reference. */
  reference: string | null;
  /** YYYY-MM-DD: the date part of "Completion Time", "Date"... */
  paidOn: string | null;
  /**
   * Positive minor units of `currency`; null when unreadable. For a line that is not incoming it
   * is the amount that went out (shown, never recorded).
   */
  amountMinor: number | null;
  /** From a currency column if any, else the chapter's currency. */
  currency: string;
  /** False for withdrawals, charges and other money out (Withdrawn/debit column, negative amount). */
  incoming: boolean;
  /** False for Failed, Reversed, Cancelled, Pending... statuses; a line without a status is completed. */
  completed: boolean;
  /** The status as written, to show. */
  status: string | null;
  /** From a method column, else the provider's (M-Pesa: mobile money, bank: transfer), else null. */
  method: PaymentMethod | null;
  /** "A/C No.", account reference, bill reference number: usually what the payer typed as member number. */
  account: string | null;
  memberNumber: string | null;
  email: string | null;
  /** As found: "254712345678", "0712 345 678", or masked "2547******678". */
  phone: string | null;
  /** The payer's name as written ("JOHN DOE"); for a bank line without a payer column, the description. */
  payer: string | null;
  /** Free text ("Details", "Description", "Libellé"). */
  details: string | null;
  /** Why the line cannot be used: the StatementLine field concerned and a message naming row and column. */
  problem: { field: string; message: string } | null;
}

export interface Statement {
  provider: StatementProvider;
  /** The header row's cells as written. */
  headers: string[];
  lines: StatementLine[];
}

/** The file is readable but is not a statement (no amount or date column). The message is for the secretary. */
export class StatementReadError extends Error {
  override readonly name = 'StatementReadError';

  constructor(
    readonly problem: 'STATEMENT_NO_AMOUNT_COLUMN' | 'STATEMENT_NO_DATE_COLUMN',
    message: string,
  ) {
    super(message);
  }
}

export interface ReadStatementOptions {
  fileName?: string;
  /** The chapter's currency: lines without a currency column are in it. */
  currency: string;
  /** The chapter's country, for the default day/month order. */
  country: string | null;
  /** Overrides what the dates themselves show and the country's habit. */
  dateOrder?: DateOrder;
}

/** What a column holds. `known` columns (balance, fees...) are recognised only to find the header row. */
type Role =
  | 'reference'
  | 'paidOn'
  | 'initiated'
  | 'credit'
  | 'debit'
  | 'amount'
  | 'currency'
  | 'status'
  | 'method'
  | 'account'
  | 'memberNumber'
  | 'email'
  | 'phone'
  | 'otherParty'
  | 'payer'
  | 'firstName'
  | 'lastName'
  | 'details'
  | 'known';

/**
 * Header names per role in English, French, Spanish and Portuguese. They are compared through
 * the member import's `headerKey`, so case, accents, punctuation, "N°"/"#"/"No." and small words
 * ("de", "of") do not matter; a part in brackets ("Amount (KES)") is ignored too.
 */
// prettier-ignore
const ALIASES: Record<Role, readonly string[]> = {
  reference: [
    'receipt no', 'receipt', 'transaction id', 'transaction code', 'transaction reference', 'transaction no',
    'mpesa receipt number', 'mpesa code', 'reference', 'ref', 'référence', 'réf', 'n° de transaction',
    'id transaction', 'référence transaction', 'n° reçu', 'reçu', 'referencia', 'id de transacción',
    'n° de referencia', 'recibo', 'referência', 'n° de transação', 'id da transação', 'comprovante',
  ],
  paidOn: [
    'completion time', 'completed at', 'date', 'value date', 'transaction date', 'payment date', 'date paid',
    'paid on', 'booking date', 'posting date', 'date time', 'date valeur', 'date de valeur', 'date opération',
    "date d'opération", 'date de paiement', 'date paiement', 'date transaction', 'date et heure', 'fecha',
    'fecha valor', 'fecha operación', 'fecha de pago', 'fecha transacción', 'fecha y hora', 'data',
    'data valor', 'data movimento', 'data de pagamento', 'data do pagamento', 'data da transação',
    'data e hora',
  ],
  initiated: ['initiation time', 'initiated at', 'initiated'],
  credit: [
    'paid in', 'credit', 'credits', 'credit amount', 'money in', 'amount in', 'deposit', 'deposits', 'crédit',
    'crédits', 'montant crédit', 'encaissement', 'entrées', 'haber', 'abono', 'abonos', 'ingreso', 'ingresos',
    'crédito', 'créditos', 'entrada', 'entradas',
  ],
  debit: [
    'withdrawn', 'paid out', 'debit', 'debits', 'debit amount', 'money out', 'amount out', 'withdrawal',
    'withdrawals', 'débit', 'débits', 'montant débit', 'décaissement', 'sorties', 'debe', 'cargo', 'cargos',
    'egreso', 'egresos', 'débito', 'débitos', 'saída', 'saídas',
  ],
  amount: [
    'amount', 'amount paid', 'paid amount', 'transaction amount', 'montant', 'montant payé', 'montant versé',
    'somme', 'importe', 'importe pagado', 'monto', 'valor', 'valor pago', 'montante', 'quantia',
  ],
  currency: ['currency', 'ccy', 'devise', 'monnaie', 'moneda', 'divisa', 'moeda'],
  status: [
    'transaction status', 'status', 'payment status', 'statut', 'statut du paiement', 'état', 'estado',
    'estado del pago', 'situação', 'estado do pagamento',
  ],
  method: [
    'method', 'payment method', 'payment type', 'channel', 'mode de paiement', 'mode de règlement',
    'moyen de paiement', 'règlement', 'méthode', 'método', 'método de pago', 'forma de pago', 'medio de pago',
    'forma de pagamento', 'meio de pagamento', 'método de pagamento', 'canal',
  ],
  account: [
    'a/c no', 'a/c', 'acc no', 'account no', 'account number', 'account reference', 'account ref',
    'bill ref number', 'bill reference number', 'billrefnumber', 'paybill account',
  ],
  memberNumber: [
    'member number', 'member no', 'member id', 'membership number', 'member code', 'n° adhérent',
    'numéro de membre', 'id adhérent', 'code adhérent', 'matricule', 'número de socio', 'n° socio',
    'número de miembro', 'número de sócio', 'número de membro', 'número de associado', 'matrícula',
  ],
  email: [
    'email', 'e-mail', 'email address', 'mail', 'courriel', 'adresse email', 'adresse e-mail',
    'adresse électronique', 'correo', 'correo electrónico', 'endereço de email', 'endereço de e-mail',
  ],
  phone: [
    'phone', 'phone number', 'telephone', 'tel', 'mobile', 'mobile number', 'msisdn', 'whatsapp', 'gsm',
    'sender phone', 'payer phone', 'customer phone', 'counterparty mobile', 'counterparty phone',
    'téléphone', 'tél', 'portable', 'n° de téléphone', 'teléfono', 'móvil', 'celular', 'telefone',
    'telemóvel', 'n° de telefone',
  ],
  otherParty: ['other party info', 'other party'],
  payer: [
    'name', 'full name', 'payer', 'payer name', 'paid by', 'sender', 'sender name', 'customer name',
    'member name', 'counterparty', 'counterparty name', 'nom', 'nom complet', 'nom du membre', 'payeur',
    'donneur d’ordre', "donneur d'ordre", 'client', 'nombre', 'nombre completo', 'nombre del socio',
    'ordenante', 'pagador', 'nome', 'nome completo', 'nome do sócio',
  ],
  firstName: ['first name', 'firstname', 'given name', 'prénom', 'prénoms', 'primer nombre', 'primeiro nome'],
  lastName: [
    'last name', 'lastname', 'surname', 'family name', 'nom de famille', 'apellido', 'apellidos', 'sobrenome',
    'apelido', 'apelidos',
  ],
  details: [
    'details', 'description', 'transaction details', 'narrative', 'narration', 'particulars', 'memo', 'note',
    'notes', 'comment', 'comments', 'libellé', 'détails', 'détail', 'motif', 'communication', 'remarques',
    'concepto', 'descripción', 'detalle', 'detalles', 'nota', 'notas', 'descrição', 'detalhes', 'histórico',
  ],
  known: [
    'balance', 'balance confirmed', 'reason type', 'linked transaction id', 'transaction type', 'type', 'fee',
    'fees', 'charges', 'time', 'solde', 'frais', 'heure', 'saldo', 'comisión', 'hora', 'tarifa',
  ],
};

const ROLE_BY_KEY: ReadonlyMap<string, Role> = (() => {
  const index = new Map<string, Role>();
  for (const [role, aliases] of Object.entries(ALIASES) as Array<[Role, readonly string[]]>) {
    for (const alias of aliases) if (!index.has(headerKey(alias))) index.set(headerKey(alias), role);
  }
  return index;
})();

/** Column names only M-Pesa's organisation portal writes; two of them make an M-Pesa statement. */
const MPESA_KEYS = new Set(
  [
    'Receipt No.',
    'Completion Time',
    'Initiation Time',
    'Paid In',
    'Withdrawn',
    'Other Party Info',
    'Reason Type',
    'Balance Confirmed',
    'Linked Transaction ID',
    'Transaction Status',
  ].map(headerKey),
);

function roleOf(header: string): Role | null {
  // "Amount (KES)", "Montant [FCFA]": the bracketed part says the unit, not what the column is.
  const bare = header.replace(/[([][^)\]]*[)\]]/g, ' ');
  return ROLE_BY_KEY.get(headerKey(header)) ?? ROLE_BY_KEY.get(headerKey(bare)) ?? null;
}

/** Where each role is: the first column per role, except names, which may be split over columns. */
interface Columns {
  at: Partial<Record<Role, number>>;
  /** First name, full name and last name columns, joined in this order. */
  names: number[];
}

function locateColumns(headers: readonly string[]): Columns {
  const at: Partial<Record<Role, number>> = {};
  const names: number[] = [];
  headers.forEach((header, index) => {
    const role = roleOf(header);
    if (!role) return;
    if (role === 'firstName' || role === 'payer' || role === 'lastName') names.push(index);
    if (at[role] === undefined) at[role] = index;
  });
  const order = (i: number): number => {
    const role = roleOf(headers[i] ?? '');
    return role === 'firstName' ? 0 : role === 'payer' ? 1 : 2;
  };
  names.sort((a, b) => order(a) - order(b) || a - b);
  return { at, names };
}

/** How many different statement roles a row's cells name; the header row names the most. */
function headerScore(cells: readonly string[]): number {
  return new Set(cells.map((c) => roleOf(c)).filter((r) => r !== null)).size;
}

/**
 * Opens the file with the member import's header detection, which finds the header row below
 * an M-Pesa preamble ("Organization Name:", "Time Period:") and a bank's title rows. That
 * detection knows member column names, not statement ones: when a row further down names more
 * statement columns than the one it chose, the file is read again from that row.
 */
async function openStatement(bytes: Uint8Array, fileName: string | undefined): Promise<ImportSource> {
  const source = await openImport(bytes, { fileName });
  const detected = headerScore(source.headers);
  let best: { row: RawRow; score: number } | null = null;
  for (const row of source.sample) {
    const score = headerScore(row.cells);
    if (score > Math.max(detected, 1) && (!best || score > best.score)) best = { row, score };
  }
  if (best) return openImport(bytes, { fileName, headerRow: best.row.rowNumber });
  if (detected >= 2) return source;
  // Nothing named below the chosen row: look again from the top (the chosen row may be too low).
  const top = await openImport(bytes, { fileName, headerRow: 0 });
  for (const row of top.sample) {
    const score = headerScore(row.cells);
    if (score >= 2 && (!best || score > best.score)) best = { row, score };
  }
  return best ? openImport(bytes, { fileName, headerRow: best.row.rowNumber }) : source;
}

const AMOUNT_EXAMPLES = '“Paid In”, “Amount”, “Montant”, “Importe”, “Valor”, “Credit”, “Crédit”';
const DATE_EXAMPLES = '“Completion Time”, “Date”, “Date valeur”, “Fecha”, “Data”';

function providerOf(headers: readonly string[], columns: Columns): StatementProvider {
  const at = columns.at;
  if (at.amount === undefined && at.credit === undefined && at.debit === undefined) {
    throw new StatementReadError(
      'STATEMENT_NO_AMOUNT_COLUMN',
      `This file does not look like a payment statement: no amount column was found (looked for ${AMOUNT_EXAMPLES}…).`,
    );
  }
  if (at.paidOn === undefined && at.initiated === undefined) {
    throw new StatementReadError(
      'STATEMENT_NO_DATE_COLUMN',
      `This file has amounts but no date column, so its payments cannot be dated (looked for ${DATE_EXAMPLES}…).`,
    );
  }
  if (headers.filter((h) => MPESA_KEYS.has(headerKey(h))).length >= 2) return 'mpesa';
  if (at.credit !== undefined || at.debit !== undefined) return 'bank';
  const person = at.memberNumber ?? at.email ?? at.phone ?? at.method ?? columns.names[0];
  if (person !== undefined) return 'payments';
  return at.details !== undefined ? 'bank' : 'generic';
}

const PROVIDER_METHOD: Record<StatementProvider, PaymentMethod | null> = {
  mpesa: 'mobile-money',
  bank: 'bank-transfer',
  payments: null,
  generic: null,
};

/**
 * Reads a statement. A file that cannot be read at all throws the member import's
 * ImportReadError (with its code); a readable file that is not a statement throws
 * StatementReadError. Lines that cannot be used carry a `problem`; they are never dropped, so
 * the secretary sees every row of the file accounted for.
 */
export async function readStatement(bytes: Uint8Array, options: ReadStatementOptions): Promise<Statement> {
  const source = await openStatement(bytes, options.fileName);
  const headers = [...source.headers];
  const columns = locateColumns(headers);
  const provider = providerOf(headers, columns);
  const rows = [...source.rows()].filter((row) => !repeatsHeader(row.cells, headers));
  const context: LineContext = {
    headers,
    columns,
    currency: options.currency.toUpperCase(),
    method: PROVIDER_METHOD[provider],
    dateOrder: options.dateOrder ?? dateOrderOf(rows, columns) ?? defaultDateOrder(options.country),
    payerFromDetails: provider === 'bank' && columns.names.length === 0,
  };
  return { provider, headers, lines: rows.map((row) => readLine(row, context)) };
}

/** Same headers (ignoring case, accents, punctuation and spacing), same key: remembers a provider's mapping. */
export function statementKey(headers: readonly string[]): string {
  const keys = headers.map((h) => headerKey(h));
  while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return createHash('sha256')
    .update(`statement\u001f${keys.join('\u001f')}`)
    .digest('hex')
    .slice(0, 16);
}

interface LineContext {
  headers: readonly string[];
  columns: Columns;
  currency: string;
  method: PaymentMethod | null;
  dateOrder: DateOrder;
  payerFromDetails: boolean;
}

/** A header row written again further down (statements glued together) is not a line. */
function repeatsHeader(cells: readonly string[], headers: readonly string[]): boolean {
  return headers.every((h, i) => foldText(cells[i] ?? '') === foldText(h));
}

/** The dates' own evidence (a first number above 12 is a day) decides the order, when they give any. */
function dateOrderOf(rows: readonly RawRow[], columns: Columns): DateOrder | null {
  const tally = new DateOrderTally();
  for (const row of rows) {
    for (const index of [columns.at.paidOn, columns.at.initiated]) {
      if (index !== undefined) tally.add(row.cells[index] ?? '');
    }
  }
  return tally.result();
}

function cellAt(row: RawRow, index: number | undefined): string | null {
  if (index === undefined) return null;
  const value = (row.cells[index] ?? '').replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
}

type Problem = NonNullable<StatementLine['problem']>;

function readLine(row: RawRow, context: LineContext): StatementLine {
  const { at } = context.columns;
  const cell = (role: Role): string | null => cellAt(row, at[role]);
  const problems: Problem[] = [];
  if (row.problem) problems.push({ field: 'row', message: `Row ${row.rowNumber}: ${row.problem}` });

  const reference = readReference(row, context, problems);
  const currency = readCurrency(row, context, problems);
  const money = readMoney(row, context, currency, problems);
  const paidOn = readDate(row, context, problems);
  const party = splitOtherParty(cell('otherParty'));
  const status = cell('status');
  const details = cell('details');
  const names = context.columns.names.map((i) => cellAt(row, i)).filter((n) => n !== null);
  const payer =
    names.length > 0 ? names.join(' ') : (party.name ?? (context.payerFromDetails ? details : null));
  const methodText = cell('method');

  return {
    rowNumber: row.rowNumber,
    reference,
    paidOn,
    amountMinor: money.minor,
    currency,
    incoming: money.incoming,
    completed: isCompleted(status),
    status,
    method: (methodText ? methodOf(methodText) : null) ?? context.method,
    account: cell('account'),
    memberNumber: cell('memberNumber'),
    email: cell('email'),
    phone: cell('phone') ?? party.phone,
    payer,
    details,
    problem: problems[0] ?? null,
  };
}

/** What people write instead of an ISO code. "FCFA" serves both CFA francs; the chapter's currency says which. */
const CURRENCY_WORDS: Record<string, string> = { ksh: 'KES', kshs: 'KES', '€': 'EUR', '£': 'GBP' };

/** The reference as a payment keeps it: one its column cannot hold would be refused by sync. */
function readReference(row: RawRow, context: LineContext, problems: Problem[]): string | null {
  const reference = cellAt(row, context.columns.at.reference);
  const issue = reference === null ? null : valueIssue('payments', 'reference', JSON.stringify(reference));
  if (issue) {
    problems.push({
      field: 'reference',
      message: `Row ${row.rowNumber}: the reference in “${header(context, 'reference')}” is too long for a payment (${issue}).`,
    });
  }
  return reference;
}

function readCurrency(row: RawRow, context: LineContext, problems: Problem[]): string {
  const written = cellAt(row, context.columns.at.currency);
  if (!written) return context.currency;
  const code = written.toUpperCase();
  if (isCurrencyCode(code)) return code;
  const word = foldText(written).replace(/[\s.]/g, '');
  if (word === 'fcfa' || word === 'cfa') return context.currency === 'XAF' ? 'XAF' : 'XOF';
  const known = CURRENCY_WORDS[word];
  if (known) return known;
  problems.push({
    field: 'currency',
    message: `Row ${row.rowNumber}: “${written}” in “${header(context, 'currency')}” is not a currency code such as KES, XOF or EUR.`,
  });
  return context.currency;
}

function header(context: LineContext, role: Role): string {
  const index = context.columns.at[role];
  return index === undefined ? role : (context.headers[index] ?? role);
}

/**
 * A signed amount as statements write it: "-30.00", "−30", "(30.00)", "30.00-", "30.00 DR" are
 * money out; "+30", "30.00 CR" money in. Returns the amount without its sign.
 */
function unsign(text: string): { negative: boolean; magnitude: string } {
  let value = text.trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(value);
  if (paren) return { negative: true, magnitude: (paren[1] ?? '').trim() };
  const marker = /^(.*?)\s*\b(cr|dr)\.?$/i.exec(value);
  if (marker) {
    negative = (marker[2] ?? '').toLowerCase() === 'dr';
    value = (marker[1] ?? '').trim();
  }
  if (/^[-−–]/.test(value)) return { negative: true, magnitude: value.slice(1).trim() };
  if (/[-−–]$/.test(value)) return { negative: true, magnitude: value.slice(0, -1).trim() };
  if (value.startsWith('+')) value = value.slice(1).trim();
  return { negative, magnitude: value };
}

/** Empty and zero cells say nothing: M-Pesa writes 0.00 in the column a line does not use. */
function isNothing(text: string | null): boolean {
  return text === null || /^[\s0.,+\-−()]*$/.test(text);
}

const AMOUNT_WHY: Record<AmountProblem, string> = {
  AMOUNT_INVALID: 'is not an amount',
  AMOUNT_TOO_PRECISE: 'has more decimals than the currency has',
  AMOUNT_NOT_POSITIVE: 'is not an amount',
  AMOUNT_TOO_LARGE: 'is too large to be a payment',
};

function readMoney(
  row: RawRow,
  context: LineContext,
  currency: string,
  problems: Problem[],
): { minor: number | null; incoming: boolean } {
  const { at } = context.columns;
  // Money in first: a line with both columns filled is read from its Paid In side.
  const sides: Array<{ role: Role; out: boolean }> = [
    { role: 'credit', out: false },
    { role: 'amount', out: false },
    { role: 'debit', out: true },
  ];
  for (const { role, out } of sides) {
    const text = cellAt(row, at[role]);
    if (isNothing(text)) continue;
    const { negative, magnitude } = unsign(text ?? '');
    const incoming = !out && !negative;
    const parsed = parseAmount(magnitude, currency);
    if (parsed.ok) return { minor: parsed.minor, incoming };
    problems.push({
      field: 'amountMinor',
      message: `Row ${row.rowNumber}: “${text}” in “${header(context, role)}” ${AMOUNT_WHY[parsed.problem]}.`,
    });
    return { minor: null, incoming };
  }
  const where = (['credit', 'amount', 'debit'] as const)
    .filter((r) => at[r] !== undefined)
    .map((r) => `“${header(context, r)}”`)
    .join(' or ');
  problems.push({ field: 'amountMinor', message: `Row ${row.rowNumber}: there is no amount in ${where}.` });
  return { minor: null, incoming: true };
}

const DATE_WHY: Record<DateProblem, string> = {
  invalid_date: 'is not a date',
  year_only: 'is a year, not a date',
  out_of_range: 'is not a date between 1900 and 2100',
  wrong_order: 'does not read as a date in the day/month order of the other dates',
};

/** "Completion Time" when there is one; a failed M-Pesa line has only its "Initiation Time". */
function readDate(row: RawRow, context: LineContext, problems: Problem[]): string | null {
  const { at } = context.columns;
  const role: Role = cellAt(row, at.paidOn) === null && at.initiated !== undefined ? 'initiated' : 'paidOn';
  const text = cellAt(row, at[role]);
  if (text === null) {
    const column = header(context, at.paidOn !== undefined ? 'paidOn' : 'initiated');
    problems.push({ field: 'paidOn', message: `Row ${row.rowNumber}: there is no date in “${column}”.` });
    return null;
  }
  const parsed = parseDate(text, context.dateOrder);
  if (parsed.ok) return parsed.iso;
  problems.push({
    field: 'paidOn',
    message: `Row ${row.rowNumber}: “${text}” in “${header(context, role)}” ${DATE_WHY[parsed.problem]}.`,
  });
  return null;
}

/** M-Pesa's "Other Party Info": "254712345678 - JOHN DOE", "2547******678 - JOHN DOE", or one of the two. */
function splitOtherParty(text: string | null): { phone: string | null; name: string | null } {
  if (!text) return { phone: null, name: null };
  const parts = text.split(/\s+-\s+/).map((p) => p.trim());
  const isPhone = (p: string): boolean => /^\+?[\d*][\d*\s]{5,}$/.test(p);
  const phone = parts.find(isPhone) ?? null;
  const name = parts.filter((p) => p !== phone && p !== '').join(' - ');
  return { phone, name: name === '' ? null : name };
}

/**
 * Statuses that mean the money arrived. Anything else written (Failed, Reversed, Pending,
 * Annulé, Remboursé...) is not completed: an unknown word never becomes a payment.
 */
// prettier-ignore
const COMPLETED = new Set([
  'completed', 'complete', 'success', 'successful', 'succeeded', 'paid', 'settled', 'confirmed', 'approved',
  'processed', 'done', 'ok', 'received', 'paye', 'payee', 'regle', 'reglee', 'reussi', 'reussie', 'effectue',
  'effectuee', 'valide', 'validee', 'confirme', 'confirmee', 'encaisse', 'recu', 'pagado', 'pagada',
  'completado', 'completada', 'exitoso', 'exitosa', 'confirmado', 'confirmada', 'aprobado', 'aprobada',
  'cobrado', 'pago', 'paga', 'concluido', 'concluida', 'aprovado', 'aprovada', 'efetuado', 'efetuada',
  'recebido', 'succes', 'exito', 'sucesso', 'termine', 'terminee',
]);

function isCompleted(status: string | null): boolean {
  if (status === null) return true;
  return COMPLETED.has(
    foldText(status)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
}

/** "M-Pesa", "Espèces", or a longer phrase with a method word in it ("Virement bancaire"). */
function methodOf(text: string): PaymentMethod | null {
  const whole = methodFromText(text);
  if (whole) return whole;
  for (const word of foldText(text).split(/[^\p{L}\p{N}-]+/u)) {
    const method = word ? methodFromText(word) : null;
    if (method) return method;
  }
  return null;
}
