import type { PersonData, StoredRow } from '../person-data';
import { esc, printDate, printParts, wholeDocument, type PageOptions, type PrintParts } from './html';
import { PRINT_LABELS } from './labels';

/** A stored value as text: what the JSON export holds, so the page and the file say the same. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One stored row, every column of it under its stored name, as the JSON export names them. */
function rowTable(row: StoredRow, headers: { field: string; value: string }): string {
  const lines = Object.entries(row)
    .filter(([, value]) => value === null || typeof value !== 'object')
    .map(
      ([column, value]) =>
        `<tr><th scope="row">${esc(column)}</th><td><bdi>${esc(shown(value))}</bdi></td></tr>`,
    )
    .join('');
  return `<table class="kv"><thead><tr><th>${esc(headers.field)}</th><th>${esc(headers.value)}</th></tr></thead><tbody>${lines}</tbody></table>`;
}

/** A heading and its rows, with how many there are when there can be several. */
function section(title: string, items: string[], counted = true): string {
  if (items.length === 0) return '';
  return `<section><h2>${esc(title)}${counted ? ` (${items.length})` : ''}</h2>\n${items.join('\n')}</section>`;
}

/**
 * Everything stored about one person, on paper: the member row (and the duplicates merged into
 * it), each payment (with its void), registration, attendance, value of the chapter's own fields,
 * change, conflict and import, under the names the JSON export uses.
 */
export function personDataParts(data: PersonData, page: PageOptions): PrintParts {
  const labels = PRINT_LABELS[page.lang];
  const words = labels.person;
  const headers = { field: words.field, value: words.value };
  const name =
    [data.member.first_name, data.member.last_name].filter(Boolean).join(' ') || shown(data.member.email);
  const history = data.history.map(
    (c) =>
      `<tr><td>${esc(c.at)}</td><td>${esc(`${c.table}.${c.column}`)}</td><td><bdi>${esc(shown(c.value))}</bdi></td><td><bdi>${esc(c.officer)}</bdi></td></tr>`,
  );
  return printParts({
    page,
    title: `${words.title} · ${name}`,
    headerStart: data.chapter.name,
    headerEnd: `${labels.printedOn} ${printDate(data.exportedAt.slice(0, 10), page.lang)}`,
    css: `h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
table.kv { margin-block-end: 3mm; }
table.kv th[scope="row"] { width: 32%; font-weight: 600; }
td { overflow-wrap: anywhere; }
.deleted { border: 0.5mm solid #b00; color: #b00; font-weight: 700; padding: 1.5mm; }`,
    body: `<h1>${esc(words.title)}: <bdi>${esc(name)}</bdi></h1>
<p class="meta">${esc(words.intro)} · <bdi>${esc(data.chapter.name)}</bdi> · ${esc(labels.columns.status)}: ${esc(labels.status[data.status])}</p>
${data.member.deleted === 1 ? `<p class="deleted">${esc(words.deleted)}</p>` : ''}
${section(words.member, [rowTable(data.member, headers)], false)}
${section(
  words.mergedRecords,
  data.mergedRecords.map((r) => rowTable(r, headers)),
)}
${section(
  words.payments,
  data.payments.map(({ void: voided, statement, ...payment }) =>
    rowTable(
      {
        ...payment,
        ...(voided ? { void_reason: voided.reason, voided_on: voided.voided_on } : {}),
        ...(statement ? { statement_file: statement.fileName } : {}),
      },
      headers,
    ),
  ),
)}
${section(
  words.registrations,
  data.registrations.map(({ event, ...registration }) =>
    rowTable(
      { ...registration, event: event?.title ?? null, event_starts_at: event?.startsAt ?? null },
      headers,
    ),
  ),
)}
${section(
  words.attendance,
  data.attendance.map((a) => rowTable(a, headers)),
)}
${section(
  words.customFields,
  data.customFields.map(({ field, ...value }) =>
    rowTable(
      { field: field?.label ?? null, kind: field?.kind ?? null, retired: field?.retired ?? null, ...value },
      headers,
    ),
  ),
)}
${section(
  words.conflicts,
  data.conflicts.map((c) =>
    rowTable({ ...c, lostValue: shown(c.lostValue), wonValue: shown(c.wonValue) }, headers),
  ),
)}
${section(
  words.imports,
  data.imports.map((i) =>
    rowTable({ ...i, previous: shown(i.previous), written: shown(i.written) }, headers),
  ),
)}
${
  history.length > 0
    ? `<section><h2>${esc(words.history)} (${history.length})</h2>
<table><thead><tr><th>${esc(words.when)}</th><th>${esc(words.field)}</th><th>${esc(words.value)}</th><th>${esc(words.by)}</th></tr></thead><tbody>
${history.join('\n')}
</tbody></table></section>`
    : ''
}`,
  });
}

export const personDataHtml = (data: PersonData, page: PageOptions) =>
  wholeDocument(personDataParts(data, page));
