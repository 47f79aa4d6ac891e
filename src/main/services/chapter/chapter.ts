import { statement } from '../../db/statements';
import { randomUUID } from 'node:crypto';
import type { Chapter, MembershipKind, UI_LANGUAGES } from '../../../shared/domain';
import { isTimeZone, systemTimeZone } from '../../../shared/dues/dates';
import type { ParsedInput } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { derivedId } from '../../db/identity';
import { writeRow, type WriteContext } from '../../db/changes';
import type { Db } from '../../db/open';
import { createDevice, getDevice } from '../device/device';

interface ChapterRow {
  id: string;
  name: string;
  country: string;
  currency: string;
  grace_days: number;
  time_zone: string | null;
  locale: string;
  retention_years: number | null;
  officers: string | null;
  csv_delimiter: Chapter['csvDelimiter'];
}

export function getChapter(db: Db): Chapter | null {
  const row = statement(
    db,
    `SELECT id, name, country, currency, grace_days, time_zone, locale, retention_years, officers, csv_delimiter
     FROM chapter WHERE deleted = 0 LIMIT 1`,
  ).get() as ChapterRow | undefined;
  const device = getDevice(db);
  if (!row || !device) return null;
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    currency: row.currency,
    graceDays: row.grace_days,
    timeZone: row.time_zone && isTimeZone(row.time_zone) ? row.time_zone : null,
    locale: row.locale,
    officerName: device.officerName,
    nodeId: device.nodeId,
    receiptPrefix: device.receiptPrefix,
    retentionYears: row.retention_years,
    officers: row.officers === null ? [] : (JSON.parse(row.officers) as string[]),
    csvDelimiter: row.csv_delimiter,
  };
}

/** Sets how long lapsed members are kept (null: always), as an edit of the chapter that syncs. */
export function setRetention(db: Db, writeContext: () => WriteContext, years: number | null): Chapter {
  db.transaction(() => {
    const chapter = requireChapter(db);
    writeRow(writeContext(), 'chapter', chapter.id, { retention_years: years });
  })();
  return requireChapter(db);
}

export function requireChapter(db: Db): Chapter {
  const chapter = getChapter(db);
  if (!chapter) throw new AppError('NOT_INITIALISED', 'Set up the chapter first.');
  return chapter;
}

const DEFAULT_TYPES: Record<
  string,
  { name: Record<(typeof UI_LANGUAGES)[number], string>; kind: MembershipKind; months: number | null }
> = {
  // The keys name the derived ids, which shipped as regular/reduced: they stay.
  regular: {
    name: { en: 'Individual', fr: 'Individuel', es: 'Individual', pt: 'Individual', ar: 'فردي' },
    kind: 'individual',
    months: 12,
  },
  reduced: {
    name: { en: 'Student', fr: 'Étudiant', es: 'Estudiante', pt: 'Estudante', ar: 'طالب' },
    kind: 'student',
    months: 12,
  },
  honorary: {
    name: { en: 'Honorary', fr: "Membre d'honneur", es: 'Honorario', pt: 'Honorário', ar: 'فخري' },
    kind: 'honorary',
    months: null,
  },
  lifetime: {
    name: { en: 'Lifetime', fr: 'À vie', es: 'Vitalicio', pt: 'Vitalício', ar: 'مدى الحياة' },
    kind: 'lifetime',
    months: null,
  },
};

/** The chapter's default types have derived ids, so two laptops' defaults merge into one set. */
export function defaultTypeId(chapterId: string, key: string): string {
  return derivedId(chapterId, `membership-type:${key}`);
}

export const DEFAULT_TYPE_KEYS = Object.keys(DEFAULT_TYPES);

/** A laptop enrolled before setup joins the server's chapter rather than inventing one. */
function enrolledChapterId(db: Db): string | null {
  const row = statement(db, `SELECT chapter_id FROM sync_state WHERE singleton = 1`).get() as
    { chapter_id: string } | undefined;
  return row?.chapter_id ?? null;
}

/**
 * First run: records who uses this laptop, creates the chapter and, unless told not to, the usual
 * membership types, named in the chapter's language. Fees start at zero for the secretary to set.
 */
export function setupChapter(
  db: Db,
  now: () => Date,
  writeContext: () => WriteContext,
  input: ParsedInput<'chapter.setup'>,
): Chapter {
  db.transaction(() => {
    if (getChapter(db)) throw new AppError('ALREADY_INITIALISED', 'This chapter is already set up.');
    if (!getDevice(db)) createDevice(db, input.officerName, now());
    const ctx = writeContext();
    const chapterId = enrolledChapterId(db) ?? randomUUID();
    writeRow(ctx, 'chapter', chapterId, {
      name: input.name,
      country: input.country,
      currency: input.currency,
      grace_days: 30,
      time_zone: input.timeZone ?? systemTimeZone(),
      locale: input.locale,
      officers: JSON.stringify([input.officerName]),
    });
    if (input.createDefaultTypes) {
      for (const [key, type] of Object.entries(DEFAULT_TYPES)) {
        writeRow(ctx, 'membership_types', defaultTypeId(chapterId, key), {
          name: type.name[input.locale],
          kind: type.kind,
          fee_minor: 0,
          currency: input.currency,
          period_months: type.months,
        });
      }
    }
  })();
  return requireChapter(db);
}
