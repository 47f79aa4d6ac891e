import type { MemberStatus } from '../dues/status';
import { formatMoney } from '../dues/money';
import type { PaymentMethod } from '../payments';
import { esc, printDate, printParts, wholeDocument, type PageOptions, type PrintParts } from './html';
import { PRINT_LABELS } from './labels';

export const ROSTER_COLUMNS = [
  'memberNumber',
  'name',
  'email',
  'phone',
  'city',
  'type',
  'status',
  'paidThrough',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export interface PrintMember {
  memberNumber: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  type: string | null;
  status: MemberStatus;
  paidThrough: string | null;
}

export interface RosterData {
  chapterName: string;
  printedOn: string;
  /** What the list was filtered by, as the secretary chose it; empty for everyone. */
  filter: string;
  columns: readonly RosterColumn[];
  rows: PrintMember[];
}

function cell(column: RosterColumn, m: PrintMember, page: PageOptions): string {
  const labels = PRINT_LABELS[page.lang];
  switch (column) {
    case 'status':
      return esc(labels.status[m.status]);
    case 'paidThrough':
      return esc(printDate(m.paidThrough, page.lang));
    case 'name':
      return `<bdi>${esc(m.name)}</bdi>`;
    default:
      return `<bdi>${esc(m[column])}</bdi>`;
  }
}

export function rosterParts(data: RosterData, page: PageOptions): PrintParts {
  const labels = PRINT_LABELS[page.lang];
  const head = data.columns
    .map((c) => `<th${c === 'memberNumber' ? ' class="num"' : ''}>${esc(labels.columns[c])}</th>`)
    .join('');
  const rows = data.rows
    .map(
      (m) =>
        `<tr>${data.columns.map((c) => `<td${c === 'memberNumber' ? ' class="num"' : ''}>${cell(c, m, page)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const printed = `${labels.printedOn} ${printDate(data.printedOn, page.lang)}`;
  return printParts({
    page,
    title: `${labels.roster} · ${data.chapterName}`,
    headerStart: data.chapterName,
    headerEnd: printed,
    body: `<h1>${esc(labels.roster)}</h1>
<p class="meta">${esc(labels.filter)}: ${esc(data.filter || labels.allMembers)} · ${data.rows.length} ${esc(labels.members)}</p>
<table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>`,
  });
}

export interface SignInData {
  chapterName: string;
  title: string;
  when: string;
  venue: string | null;
  agm: boolean;
  people: { name: string; memberNumber: string | null; status: MemberStatus | null }[];
  blankRows: number;
}

export function signInParts(data: SignInData, page: PageOptions): PrintParts {
  const labels = PRINT_LABELS[page.lang];
  const statusHead = data.agm ? `<th>${esc(labels.columns.status)}</th>` : '';
  const row = (n: number, name: string, number: string, status: string) =>
    `<tr><td class="num">${n}</td><td class="name"><bdi>${name}</bdi></td><td class="num">${number}</td>${data.agm ? `<td>${status}</td>` : ''}<td class="sign"></td></tr>`;
  const people = data.people.map((p, i) =>
    row(i + 1, esc(p.name), esc(p.memberNumber), p.status ? esc(labels.status[p.status]) : ''),
  );
  const blanks = Array.from({ length: data.blankRows }, (_, i) =>
    row(data.people.length + i + 1, '', '', ''),
  );
  return printParts({
    page,
    title: `${labels.signIn} · ${data.title}`,
    headerStart: data.chapterName,
    headerEnd: data.title,
    css: `td { height: 10mm; } td.sign { width: 38%; } td.name { width: 38%; }`,
    body: `<h1>${esc(labels.signIn)}: <bdi>${esc(data.title)}</bdi></h1>
<p class="meta">${esc(data.when)}${data.venue ? ` · <bdi>${esc(data.venue)}</bdi>` : ''}</p>
<table><thead><tr><th class="num">${esc(labels.columns.number)}</th><th>${esc(labels.columns.name)}</th><th class="num">${esc(labels.columns.memberNumber)}</th>${statusHead}<th>${esc(labels.columns.signature)}</th></tr></thead><tbody>
${[...people, ...blanks].join('\n')}
</tbody></table>`,
  });
}

export interface ReceiptData {
  chapterName: string;
  receiptNumber: string;
  memberName: string;
  memberNumber: string | null;
  amountMinor: number;
  currency: string;
  amountInWords: string;
  method: PaymentMethod;
  reference: string | null;
  paidOn: string;
  periodFrom: string | null;
  periodTo: string | null;
  officer: string | null;
  voided: boolean;
}

export function receiptParts(data: ReceiptData, page: PageOptions): PrintParts {
  const labels = PRINT_LABELS[page.lang];
  const line = (label: string, value: string) =>
    `<tr><th scope="row">${esc(label)}</th><td>${value}</td></tr>`;
  const period = data.periodFrom
    ? `${printDate(data.periodFrom, page.lang)} – ${printDate(data.periodTo, page.lang)}`
    : '';
  return printParts({
    page,
    title: `${labels.receipt} ${data.receiptNumber}`,
    headerStart: data.chapterName,
    headerEnd: `${labels.receipt} ${data.receiptNumber}`,
    css: `table.receipt th { width: 34%; border: none; font-weight: 600; } table.receipt td { border: none; }
.amount { font-size: 16pt; font-weight: 700; }
.void { border: 1mm solid #b00; color: #b00; font-size: 20pt; font-weight: 700; text-align: center; padding: 2mm; margin-block-end: 4mm; }`,
    body: `<h1>${esc(labels.receipt)} <bdi>${esc(data.receiptNumber)}</bdi></h1>
<p class="meta"><bdi>${esc(data.chapterName)}</bdi></p>
${data.voided ? `<div class="void">${esc(labels.voided)}</div>` : ''}
<table class="receipt"><tbody>
${line(labels.receivedFrom, `<bdi>${esc(data.memberName)}</bdi>${data.memberNumber ? ` (<bdi>${esc(data.memberNumber)}</bdi>)` : ''}`)}
${line(labels.amount, `<span class="amount"><bdi>${esc(formatMoney(data.amountMinor, data.currency, page.lang))}</bdi></span>`)}
${line(labels.amountInWords, esc(data.amountInWords))}
${line(labels.method, esc(labels.methods[data.method]))}
${data.reference ? line(labels.reference, `<bdi>${esc(data.reference)}</bdi>`) : ''}
${line(labels.date, esc(printDate(data.paidOn, page.lang)))}
${period ? line(labels.period, esc(period)) : ''}
${data.officer ? line(labels.officer, `<bdi>${esc(data.officer)}</bdi>`) : ''}
</tbody></table>`,
  });
}

export interface DuesListData {
  chapterName: string;
  printedOn: string;
  groups: { key: 'expiring' | 'grace' | 'lapsed'; rows: PrintMember[] }[];
}

export function duesListParts(data: DuesListData, page: PageOptions): PrintParts {
  const labels = PRINT_LABELS[page.lang];
  const titles = { expiring: labels.expiring, grace: labels.inGrace, lapsed: labels.lapsed };
  const columns: RosterColumn[] = ['memberNumber', 'name', 'phone', 'type', 'paidThrough'];
  const head = columns
    .map((c) => `<th${c === 'memberNumber' ? ' class="num"' : ''}>${esc(labels.columns[c])}</th>`)
    .join('');
  const sections = data.groups
    .map(
      (g) => `<h2>${esc(titles[g.key])} (${g.rows.length})</h2>
${
  g.rows.length === 0
    ? `<p>${esc(labels.none)}</p>`
    : `<table><thead><tr>${head}</tr></thead><tbody>
${g.rows.map((m) => `<tr>${columns.map((c) => `<td${c === 'memberNumber' ? ' class="num"' : ''}>${cell(c, m, page)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>`
}`,
    )
    .join('\n');
  return printParts({
    page,
    title: `${labels.duesList} · ${data.chapterName}`,
    headerStart: data.chapterName,
    headerEnd: `${labels.printedOn} ${printDate(data.printedOn, page.lang)}`,
    css: `h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }`,
    body: `<h1>${esc(labels.duesList)}</h1>\n${sections}`,
  });
}

export interface CertificatesData {
  chapterName: string;
  title: string;
  date: string;
  people: string[];
}

export function certificatesParts(data: CertificatesData, page: PageOptions): PrintParts {
  const labels = PRINT_LABELS[page.lang];
  const one = (name: string) => `<section class="certificate">
<p class="chapter"><bdi>${esc(data.chapterName)}</bdi></p>
<h1>${esc(labels.certificate)}</h1>
<p>${esc(labels.certifies)}</p>
<p class="person"><bdi>${esc(name)}</bdi></p>
<p>${esc(labels.completed)}</p>
<p class="training"><bdi>${esc(data.title)}</bdi></p>
<p>${esc(labels.on)} ${esc(printDate(data.date, page.lang))}</p>
</section>`;
  return printParts({
    page,
    title: `${labels.certificate} · ${data.title}`,
    headerStart: data.chapterName,
    headerEnd: data.title,
    // A certificate is a page of its own to frame: no running header, no "page 1 of 4".
    bare: true,
    css: `.certificate { break-after: page; text-align: center; padding: 35mm 25mm 20mm; }
.certificate:last-child { break-after: auto; }
.certificate h1 { font-size: 26pt; margin: 6mm 0; }
.person { font-size: 22pt; font-weight: 700; margin: 4mm 0; }
.training { font-size: 16pt; font-style: italic; }
.chapter { font-size: 12pt; letter-spacing: 0.05em; }`,
    body: data.people.map(one).join('\n'),
  });
}

export const rosterHtml = (data: RosterData, page: PageOptions) => wholeDocument(rosterParts(data, page));
export const signInHtml = (data: SignInData, page: PageOptions) => wholeDocument(signInParts(data, page));
export const receiptHtml = (data: ReceiptData, page: PageOptions) => wholeDocument(receiptParts(data, page));
export const duesListHtml = (data: DuesListData, page: PageOptions) =>
  wholeDocument(duesListParts(data, page));
export const certificatesHtml = (data: CertificatesData, page: PageOptions) =>
  wholeDocument(certificatesParts(data, page));
