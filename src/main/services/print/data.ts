import type { Chapter } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type { ListQuery } from '../members/query';
import { listMembers } from '../members/query';
import { displayPhone } from '../../../shared/phone';
import { amountInWords } from '../../../shared/print/words';
import { addressLines, hasPostalAddress } from '../../../shared/print/address';
import type { AddressLabelsData } from '../../../shared/print/addressLabels';
import type { CardsData } from '../../../shared/print/cards';
import type { ApplicationFormData } from '../../../shared/print/form';
import type {
  CertificatesData,
  DuesListData,
  PrintMember,
  ReceiptData,
  RosterColumn,
  RosterData,
  SignInData,
} from '../../../shared/print/documents';
import { PRINT_LABELS, type PrintLanguage } from '../../../shared/print/labels';
import type { Member } from '../../../shared/domain';
import type { Attendee } from '../../../shared/events';
import { dateIn } from '../../../shared/time';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';
import { requireChapter } from '../chapter/chapter';
import { eventDetail } from '../events/attendance';
import { splitFullName } from '../imports/names';
import type { EventDeps } from '../events/events';
import { getPayment } from '../payments/payments';
import { listMembershipTypes } from '../types/membership-types';
import { statusParams } from '../members/status';

/** Last name first when there is one, so the printed order can be seen. */
function printedName(m: { firstName: string | null; lastName: string | null; email: string | null }): string {
  if (m.lastName && m.firstName) return `${m.lastName}, ${m.firstName}`;
  return m.lastName || m.firstName || m.email || '';
}

/** A printed list is read like the screen: phones as `displayPhone` writes them. */
function toPrintMember(chapterCountry: string) {
  return (m: Member): PrintMember => ({
    memberNumber: m.memberNumber,
    name: printedName(m),
    email: m.email,
    phone: displayPhone(m, chapterCountry) || null,
    city: m.city,
    type: m.typeName,
    status: m.status,
    paidThrough: m.paidThrough,
  });
}

/** Sorting by last name with the rules of the chapter's language (é with e, ñ after n in Spanish…). */
function byLastName(lang: string) {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  return (a: Member, b: Member) =>
    collator.compare(
      a.lastName ?? a.firstName ?? a.email ?? '',
      b.lastName ?? b.firstName ?? b.email ?? '',
    ) ||
    collator.compare(a.firstName ?? '', b.firstName ?? '') ||
    collator.compare(a.memberNumber ?? '', b.memberNumber ?? '');
}

/**
 * People of an event by last name, as the roster: a member's own last and first name, a guest's
 * name read the way an import reads a full name ("Okoro, Ade", "Ade OKORO" and "Ade Okoro" alike).
 */
function byLastNameOf<T extends Pick<Attendee, 'memberId' | 'name'>>(db: Db, people: T[], lang: string): T[] {
  const names = statement(db, `SELECT first_name, last_name FROM members WHERE id = ?`);
  const keyed = people.map((person) => {
    const member = person.memberId
      ? (names.get(person.memberId) as { first_name: string | null; last_name: string | null } | undefined)
      : undefined;
    const split = member ? null : splitFullName(person.name);
    return {
      person,
      last:
        (member ? member.last_name || member.first_name : split!.lastName || split!.firstName) ?? person.name,
      first: (member ? member.first_name : split!.firstName) ?? '',
    };
  });
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  return keyed
    .sort((a, b) => collator.compare(a.last, b.last) || collator.compare(a.first, b.first))
    .map(({ person }) => person);
}

function allMatching(db: Db, now: Date, chapter: Chapter, query: ListQuery): Member[] {
  return listMembers(db, { ...query, offset: 0, limit: Number.MAX_SAFE_INTEGER }, now, chapter).rows;
}

/** The name as it is written on an envelope or a card: first name first. */
function fullName(m: Member): string {
  return [m.firstName, m.lastName].filter(Boolean).join(' ') || m.organisation || m.email || '';
}

/** Address labels for the members a filter matches, in roster order; those without an address are counted. */
export function addressLabelsData(
  db: Db,
  now: Date,
  query: ListQuery,
  lang: PrintLanguage,
): AddressLabelsData {
  const chapter = requireChapter(db);
  const members = allMatching(db, now, chapter, query).sort(byLastName(chapter.locale || lang));
  const addressed = members.filter(hasPostalAddress);
  return {
    chapterName: chapter.name,
    labels: addressed.map((m) => ({
      lines: addressLines(fullName(m), m, { senderCountry: chapter.country, lang }),
    })),
    skipped: members.length - addressed.length,
  };
}

/** Membership cards for the members a filter matches, in roster order. */
export function cardsData(db: Db, now: Date, query: ListQuery, lang: PrintLanguage): CardsData {
  const chapter = requireChapter(db);
  const members = allMatching(db, now, chapter, query).sort(byLastName(chapter.locale || lang));
  return {
    chapterName: chapter.name,
    cards: members.map((m) => ({
      name: fullName(m),
      memberNumber: m.memberNumber,
      type: m.typeName,
      status: m.status,
      validUntil: m.paidThrough,
    })),
  };
}

/**
 * The blank application form lists the types one applies for: honorary membership is given by
 * the chapter, not asked for, and a retired type is given to no one new.
 */
export function applicationFormData(db: Db): ApplicationFormData {
  const chapter = requireChapter(db);
  return {
    chapterName: chapter.name,
    types: listMembershipTypes(db)
      .filter((type) => type.kind !== 'honorary' && !type.retired)
      .map(({ name, feeMinor, currency, periodMonths }) => ({ name, feeMinor, currency, periodMonths })),
  };
}

export function rosterData(
  db: Db,
  now: Date,
  query: ListQuery,
  options: { columns: readonly RosterColumn[]; lang: PrintLanguage; filterLabel: string },
): RosterData {
  const chapter = requireChapter(db);
  const rows = allMatching(db, now, chapter, query).sort(byLastName(chapter.locale || options.lang));
  return {
    chapterName: chapter.name,
    printedOn: statusParams(chapter, now).today,
    filter: options.filterLabel,
    columns: options.columns,
    rows: rows.map(toPrintMember(chapter.country)),
  };
}

export function duesListData(db: Db, now: Date, lang: PrintLanguage): DuesListData {
  const chapter = requireChapter(db);
  const base: ListQuery = { query: '', sort: 'name', direction: 'asc', offset: 0, limit: 1 };
  const sort = byLastName(chapter.locale || lang);
  const group = (query: Partial<ListQuery>) =>
    allMatching(db, now, chapter, { ...base, ...query })
      .sort(sort)
      .map(toPrintMember(chapter.country));
  return {
    chapterName: chapter.name,
    printedOn: statusParams(chapter, now).today,
    groups: [
      { key: 'expiring', rows: group({ expiringWithinDays: 30 }) },
      { key: 'grace', rows: group({ status: 'grace' }) },
      { key: 'lapsed', rows: group({ status: 'lapsed' }) },
    ],
  };
}

function eventWhen(startsAt: string, timeZone: string | null, lang: PrintLanguage): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };
  if (timeZone) options.timeZone = timeZone;
  return new Intl.DateTimeFormat(lang, options).format(new Date(startsAt));
}

export function signInData(
  deps: EventDeps,
  eventId: string,
  lang: PrintLanguage,
  blankRows: number,
): SignInData {
  const chapter = requireChapter(deps.db);
  const event = eventDetail(deps, eventId);
  const people = byLastNameOf(
    deps.db,
    event.attendees.filter((a) => a.state === 'confirmed'),
    chapter.locale || lang,
  ).map((a) => ({
    name: a.memberDeleted ? `${a.name} ${PRINT_LABELS[lang].person.deletedMark}` : a.name,
    memberNumber: a.memberNumber,
    status: a.memberStatus,
  }));
  return {
    chapterName: chapter.name,
    title: event.title,
    when: eventWhen(event.startsAt, chapter.timeZone, lang),
    venue: event.venue,
    agm: event.kind === 'agm',
    people,
    blankRows,
  };
}

export function certificatesData(deps: EventDeps, eventId: string, lang: PrintLanguage): CertificatesData {
  const chapter = requireChapter(deps.db);
  const event = eventDetail(deps, eventId);
  if (event.kind !== 'training' && event.kind !== 'workshop') {
    throw new AppError('VALIDATION', 'event: certificates are for trainings and workshops.', {
      problem: problem('CERTIFICATE_NOT_TRAINING'),
    });
  }
  return {
    chapterName: chapter.name,
    title: event.title,
    date: dateIn(new Date(event.startsAt), chapter.timeZone),
    people: byLastNameOf(
      deps.db,
      event.attendees.filter((a) => a.completed),
      chapter.locale || lang,
    ).map((a) => a.name),
  };
}

/** A payment by id or receipt number, as a receipt in the given language. */
export function receiptData(db: Db, idOrReceipt: string, lang: PrintLanguage): ReceiptData {
  const chapter = requireChapter(db);
  const row = statement(db, `SELECT id FROM payments WHERE id = ? OR receipt_number = ?`).get(
    idOrReceipt,
    idOrReceipt,
  ) as { id: string } | undefined;
  if (!row) {
    throw new AppError('NOT_FOUND', `payment: no payment “${idOrReceipt}”.`, {
      problem: problem('PAYMENT_NOT_FOUND'),
    });
  }
  const p = getPayment(db, row.id);
  return {
    chapterName: chapter.name,
    receiptNumber: p.receiptNumber,
    memberName: p.memberErased ? PRINT_LABELS[lang].erasedMember : (p.memberName ?? ''),
    memberNumber: p.memberNumber,
    amountMinor: p.amountMinor,
    currency: p.currency,
    amountInWords: amountInWords(p.amountMinor, p.currency, lang),
    method: p.method,
    reference: p.reference,
    paidOn: p.paidOn,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    officer: p.officer,
    voided: p.void !== null,
  };
}

/** The filter as the roster's header states it, in the document's language. */
export function filterLabel(db: Db, query: Partial<ListQuery>, lang: PrintLanguage): string {
  const labels = PRINT_LABELS[lang];
  const parts: string[] = [];
  if (query.deleted) parts.push(labels.person.deletedMembers);
  if (query.status) parts.push(`${labels.columns.status}: ${labels.status[query.status]}`);
  if (query.typeId) {
    const type = statement(db, `SELECT name FROM membership_types WHERE id = ?`).get(query.typeId) as
      { name: string } | undefined;
    parts.push(`${labels.columns.type}: ${type?.name ?? query.typeId}`);
  }
  if (query.city) parts.push(`${labels.columns.city}: ${query.city}`);
  if (query.fieldId) {
    // The chapter's own field, named as the chapter named it; its value as the filter gave it.
    const field = statement(db, `SELECT label FROM custom_fields WHERE id = ?`).get(query.fieldId) as
      { label: string | null } | undefined;
    const label = field?.label ?? query.fieldId;
    parts.push(query.fieldValue ? `${label}: ${query.fieldValue}` : label);
  }
  if (query.query) parts.push(`“${query.query}”`);
  if (query.expiringWithinDays !== undefined) {
    parts.push(labels.expiringWithin.replace('{n}', String(query.expiringWithinDays)));
  }
  if (query.owing) parts.push(labels.owing);
  return parts.join(' · ');
}
