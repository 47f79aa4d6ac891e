import { Option, type Command } from 'commander';
import type {
  ChangeAuthor,
  Chapter,
  Conflict,
  EmailClashes,
  Member,
  MemberFields,
  MemberPage,
  MergeField,
  MergePreview,
  NumberClashes,
  RetentionErased,
  RetentionList,
} from '../../shared/domain';
import { MEMBER_STATUSES } from '../../shared/domain';
import type { CustomFieldValue } from '../../shared/custom-fields';
import { AppError } from '../../shared/errors';
import type { Db } from '../../main/db/open';
import type { ExportedFile } from '../../shared/imports';
import { writePrivateFile } from '../../node/private-files';
import type { OpenChapter } from '../open-chapter';
import { call, print, resolveMember, withChapter } from './dues';
import { addEraseMember } from './erase';
import { resolveField } from './fields';

/** Flag -> the member field it sets; the same fields and checks as the app's member form. */
const FIELD_FLAGS = [
  ['--first-name <name>', 'firstName', 'first name'],
  ['--last-name <name>', 'lastName', 'last name'],
  ['--email <email>', 'email', 'email address'],
  ['--phone <phone>', 'phone', 'phone number, as written'],
  ['--member-number <number>', 'memberNumber', 'member number'],
  ['--country <cc>', 'country', 'ISO country code, e.g. KE'],
  ['--address-line1 <text>', 'addressLine1', 'street address'],
  ['--address-line2 <text>', 'addressLine2', 'building, apartment, P.O. box'],
  ['--postal-code <code>', 'postalCode', 'postal code'],
  ['--city <city>', 'city', 'city'],
  ['--region <region>', 'region', 'region, state or province'],
  ['--organisation <name>', 'organisation', 'organisation'],
  ['--joined-on <date>', 'joinedOn', 'joined on, YYYY-MM-DD'],
  ['--notes <text>', 'notes', 'notes'],
] as const satisfies readonly (readonly [string, keyof MemberFields, string])[];

type FieldOptions = { consentEmail?: boolean; consentSms?: boolean; field: string[] };

/** `--field Label=value`, repeated: values by field id, the fields found by label. */
function customFieldsFrom(db: Db, given: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const text of given) {
    const at = text.indexOf('=');
    if (at <= 0) {
      throw new AppError('VALIDATION', `--field: write it as Label=value, not “${text}”.`);
    }
    values[resolveField(db, text.slice(0, at)).id] = text.slice(at + 1);
  }
  return values;
}

function withFieldFlags(command: Command): Command {
  for (const [flag, , description] of FIELD_FLAGS)
    command.addOption(new Option(flag, `${description} ("" clears it)`));
  return command
    .option(
      '--field <label=value>',
      'a field of the chapter’s own, e.g. --field "T-shirt size=M" (repeat for more; "Label=" clears it)',
      (text: string, given: string[]) => [...given, text],
      [] as string[],
    )
    .option('--consent-email', 'agrees to receive emails')
    .option('--no-consent-email', 'does not agree to receive emails')
    .option('--consent-sms', 'agrees to receive text messages')
    .option('--no-consent-sms', 'does not agree to receive text messages');
}

/** The fields the flags give, and nothing else, so an update never blanks what was not named. */
function fieldsFrom(opts: FieldOptions, command: Command): MemberFields {
  const fields: Record<string, string | boolean> = {};
  for (const [flag, field] of FIELD_FLAGS) {
    const value: unknown = command.getOptionValue(new Option(flag).attributeName());
    if (typeof value === 'string') fields[field] = value;
  }
  // Commander sets a --no- flag's default to true; only a flag given on the line counts.
  for (const field of ['consentEmail', 'consentSms'] as const) {
    if (command.getOptionValueSource(field) === 'cli') fields[field] = opts[field] === true;
  }
  return fields;
}

function name(m: Member): string {
  return [m.firstName, m.lastName].filter(Boolean).join(' ') || m.email || '(no name)';
}

function describeMember(m: Member, values: readonly CustomFieldValue[] = []): string {
  const lines: [string, string | null][] = [
    ['Id', m.id],
    ['Name', name(m)],
    ['Number', m.memberNumber],
    ['Email', m.email],
    ['Phone', m.phoneE164 ?? m.phone],
    ['Address', [m.addressLine1, m.addressLine2].filter(Boolean).join(', ') || null],
    ['City', [m.postalCode, m.city, m.region].filter(Boolean).join(' ') || null],
    ['Country', m.country],
    ['Organisation', m.organisation],
    ['Type', m.typeName],
    ['Status', m.status],
    ['Paid through', m.paidThrough],
    ['Joined', m.joinedOn],
    ['Notes', m.notes],
    ...values.filter((v) => !v.field.retired).map((v): [string, string] => [`${v.field.label}:`, v.value]),
  ];
  const text = lines
    .filter(([, value]) => value)
    .map(([label, value]) => `${label.padEnd(13)}${label.length >= 13 ? ' ' : ''}${value}`)
    .join('\n');
  return m.deleted ? `${text}\nDELETED (restore with: chapterdesk members restore ${m.id})` : text;
}

/** A member by id, email or number, whether deleted or not; `members show` must also find a deleted one. */
async function getMember(chapter: OpenChapter, who: string): Promise<Member> {
  return call<Member>(chapter, 'members.get', { id: resolveMember(chapter.db, who) });
}

function describeClashes({ clashes, total }: NumberClashes): string {
  if (total === 0) return 'No member number is shared.';
  const lines = clashes.flatMap(({ number, members }) => [
    `${number}: ${members.length} members`,
    ...members.map((m) => `  ${m.id}\t${name(m)}\t${m.email ?? ''}\tadded ${m.createdAt.slice(0, 10)}`),
  ]);
  if (total > clashes.length) lines.push(`… and ${total - clashes.length} more numbers; fix these first.`);
  lines.push('Give one member of each a new number: chapterdesk members renumber <id> --db …');
  return lines.join('\n');
}

function describeEmailClashes({ clashes, total }: EmailClashes): string {
  if (total === 0) return 'No email is shared.';
  const lines = clashes.flatMap(({ email, members }) => [
    `${email}: ${members.length} members`,
    ...members.map(
      (m) => `  ${m.id}\t${name(m)}\t${m.memberNumber ?? ''}\tadded ${m.createdAt.slice(0, 10)}`,
    ),
  ]);
  if (total > clashes.length) lines.push(`… and ${total - clashes.length} more emails; merge these first.`);
  lines.push('Merge each into the member who stays: chapterdesk members merge <keep-id> <other-id> --db …');
  return lines.join('\n');
}

function describeMerge(preview: MergePreview): string {
  const field = (f: MergeField) => `  ${f.field}: ${describeValue(f.keep)} / ${describeValue(f.other)}`;
  const { payments, registrations, attendance } = preview.moved;
  return [
    `Merge ${name(preview.other)} (${preview.other.id}) into ${name(preview.keep)} (${preview.keep.id}):`,
    ...(preview.filled.length > 0
      ? ['Taken from the merged member (empty here):', ...preview.filled.map(field)]
      : []),
    ...(preview.differing.length > 0
      ? ['Kept / not kept (stays in the history):', ...preview.differing.map(field)]
      : []),
    `Moved: ${payments} payments, ${registrations} registrations, ${attendance} check-ins.`,
  ].join('\n');
}

/** `--years`: a whole number of years, or "off". */
function retentionYearsFlag(text: string): number | null {
  if (text.trim().toLowerCase() === 'off') return null;
  const years = Number(text);
  if (!Number.isInteger(years)) {
    throw new AppError('VALIDATION', `--years: give a whole number of years or “off”, not “${text}”.`);
  }
  return years;
}

function describeRetention(list: RetentionList): string {
  if (list.years === null) {
    return 'Retention is off: no member is erased for having lapsed. Turn it on with --years N.';
  }
  if (list.total === 0) return `No member has lapsed for more than ${list.years} years.`;
  const lines = list.members.map(
    (m) =>
      `${m.id}\t${m.memberNumber ?? ''}\t${m.name}\tlapsed since ${m.lapsedSince}${m.deleted ? '\t(deleted)' : ''}`,
  );
  if (list.total > list.members.length) lines.push(`… and ${list.total - list.members.length} more.`);
  lines.push(
    `${list.total} member${list.total === 1 ? ' has' : 's have'} lapsed for more than ${list.years} years. ` +
      'Erase them for good (this cannot be undone) with: chapterdesk members retention --db … --yes',
  );
  return lines.join('\n');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describeAuthor(by: ChangeAuthor): string {
  const laptop = by.thisLaptop ? 'this laptop' : by.laptop ? `the laptop “${by.laptop}”` : 'another laptop';
  return by.officer ? `${by.officer} on ${laptop}` : laptop;
}

function describeConflict(c: Conflict): string {
  const row = c.rowLabel ? `${c.rowLabel} (${c.table})` : `${c.table} ${c.rowId}`;
  const kept = `kept ${describeValue(c.wonValue)} (${describeAuthor(c.wonBy)})`;
  return `${c.id}\t${row}\t${c.column}: ${kept}, not kept ${describeValue(c.lostValue)} (${describeAuthor(c.lostBy)})`;
}

function conflictId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0) {
    throw new AppError('VALIDATION', `conflict: give the number “conflicts list” shows, not “${text}”.`);
  }
  return id;
}

export function registerMembers(program: Command): void {
  const members = program.command('members').description('Add, look up, edit, delete and restore members');
  addEraseMember(members);

  withFieldFlags(
    members
      .command('add')
      .description('Add a member (at least a name or an email)')
      .requiredOption('--db <path>', 'chapter database file'),
  )
    .option('--json', 'print the member as JSON')
    .action(async (opts: FieldOptions & { db: string; json?: boolean }, command: Command) => {
      await withChapter(opts.db, async (chapter) => {
        const customFields = customFieldsFrom(chapter.db, opts.field);
        const member = await call<Member>(chapter, 'members.create', {
          ...fieldsFrom(opts, command),
          ...(Object.keys(customFields).length > 0 ? { customFields } : {}),
        });
        const values = await call<CustomFieldValue[]>(chapter, 'members.fieldValues', { id: member.id });
        print(opts.json, member, () => `Added ${name(member)}\n${describeMember(member, values)}`);
      });
    });

  members
    .command('list')
    .description('List members, as the Members screen does')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--query <text>', 'name, email, phone or number')
    .option('--status <status>', MEMBER_STATUSES.join(', '))
    .option('--city <city>', 'city')
    .option('--limit <n>', 'how many', '100')
    .option('--json', 'print the page as JSON')
    .action(
      async (opts: {
        db: string;
        query?: string;
        status?: string;
        city?: string;
        limit: string;
        json?: boolean;
      }) => {
        await withChapter(opts.db, async (chapter) => {
          const page = await call<MemberPage>(chapter, 'members.list', {
            query: opts.query ?? '',
            ...(opts.status ? { status: opts.status } : {}),
            ...(opts.city ? { city: opts.city } : {}),
            limit: Number(opts.limit),
          });
          print(opts.json, page, () =>
            [
              ...page.rows.map((m) => `${m.id}\t${m.memberNumber ?? ''}\t${name(m)}\t${m.status}`),
              `${page.rows.length} of ${page.total}`,
            ].join('\n'),
          );
        });
      },
    );

  members
    .command('show')
    .description('Show one member, by id, number or email (deleted ones too)')
    .argument('<member>', 'id, member number or email')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print the member as JSON')
    .action(async (who: string, opts: { db: string; json?: boolean }) => {
      await withChapter(opts.db, async (chapter) => {
        const member = await getMember(chapter, who);
        const values = await call<CustomFieldValue[]>(chapter, 'members.fieldValues', { id: member.id });
        print(opts.json, { ...member, customFields: values }, () => describeMember(member, values));
      });
    });

  withFieldFlags(
    members
      .command('update')
      .description('Change the fields given, and only those')
      .argument('<member>', 'id, member number or email')
      .requiredOption('--db <path>', 'chapter database file'),
  )
    .option('--json', 'print the member as JSON')
    .action(async (who: string, opts: FieldOptions & { db: string; json?: boolean }, command: Command) => {
      await withChapter(opts.db, async (chapter) => {
        const patch = fieldsFrom(opts, command);
        const customFields = customFieldsFrom(chapter.db, opts.field);
        if (Object.keys(patch).length === 0 && Object.keys(customFields).length === 0) {
          throw new AppError(
            'VALIDATION',
            'Nothing to change: give at least one field, e.g. --city Nairobi.',
          );
        }
        const id = resolveMember(chapter.db, who);
        const member = await call<Member>(chapter, 'members.update', {
          id,
          patch,
          ...(Object.keys(customFields).length > 0 ? { customFields } : {}),
        });
        const values = await call<CustomFieldValue[]>(chapter, 'members.fieldValues', { id });
        print(opts.json, member, () => `Updated ${name(member)}\n${describeMember(member, values)}`);
      });
    });

  for (const [verb, operation, done] of [
    ['delete', 'members.delete', 'Deleted'],
    ['restore', 'members.restore', 'Restored'],
  ] as const) {
    members
      .command(verb)
      .description(
        verb === 'delete'
          ? 'Delete a member (hidden everywhere, restorable; it does not erase their data)'
          : 'Bring back a deleted member',
      )
      .argument('<member>', 'id, member number or email')
      .requiredOption('--db <path>', 'chapter database file')
      .option('--json', 'print the member as JSON')
      .action(async (who: string, opts: { db: string; json?: boolean }) => {
        await withChapter(opts.db, async (chapter) => {
          const member = await call<Member>(chapter, operation, { id: resolveMember(chapter.db, who) });
          print(opts.json, member, () => `${done} ${name(member)} (${member.id})`);
        });
      });
  }

  members
    .command('export-person')
    .description(
      'Everything stored about one person (deleted ones too), for their request to see it: the member, ' +
        'their change history, payments and voids, registrations and attendance, conflicts and imports, as JSON',
    )
    .argument('<member>', 'id, member number or email')
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--out <file>', 'the JSON file to write (readable by you only)')
    .action(async (who: string, opts: { db: string; out: string }) => {
      await withChapter(opts.db, async (chapter) => {
        const file = await call<ExportedFile>(chapter, 'members.exportPerson', {
          id: resolveMember(chapter.db, who),
        });
        writePrivateFile(opts.out, Buffer.from(file.data, 'base64'));
        process.stderr.write(`Wrote everything stored about ${who} to ${opts.out}\n`);
      });
    });

  members
    .command('retention')
    .description(
      'Members lapsed for more than the chapter’s retention years, listed for erasure; --yes erases them for good',
    )
    .requiredOption('--db <path>', 'chapter database file')
    .option(
      '--years <n>',
      'set the chapter’s retention first: whole years, or “off” (syncs like any setting)',
    )
    .option('--yes', 'erase every member listed (this cannot be undone)')
    .option('--json', 'print the list, or what was erased, as JSON')
    .action(async (opts: { db: string; years?: string; yes?: boolean; json?: boolean }) => {
      await withChapter(opts.db, async (chapter) => {
        if (opts.years !== undefined) {
          await call<Chapter>(chapter, 'chapter.setRetention', { years: retentionYearsFlag(opts.years) });
        }
        let list = await call<RetentionList>(chapter, 'members.retention', undefined);
        if (!opts.yes) {
          print(opts.json, list, () => describeRetention(list));
          return;
        }
        const erased: string[] = [];
        // The list comes a page at a time; each page erased makes room for the next.
        while (list.members.length > 0) {
          const done = await call<RetentionErased>(chapter, 'members.eraseLapsed', {
            ids: list.members.map((m) => m.id),
          });
          erased.push(...done.erased);
          list = await call<RetentionList>(chapter, 'members.retention', undefined);
        }
        print(opts.json, { erased }, () =>
          erased.length === 0
            ? describeRetention(list)
            : `Erased ${erased.length} member${erased.length === 1 ? '' : 's'} lapsed for more than ${list.years} years.`,
        );
      });
    });

  members
    .command('clashes')
    .description('Numbers more than one member holds (two imports, two laptops), to give one a new number')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print the clashes as JSON')
    .action(async (opts: { db: string; json?: boolean }) => {
      await withChapter(opts.db, async (chapter) => {
        const found = await call<NumberClashes>(chapter, 'members.numberClashes', undefined);
        print(opts.json, found, () => describeClashes(found));
      });
    });

  members
    .command('renumber')
    .description("Give a member the next number of this laptop's series (ends a clash; syncs as an edit)")
    .argument('<member>', 'id or email (a number two members share names neither)')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print the member as JSON')
    .action(async (who: string, opts: { db: string; json?: boolean }) => {
      await withChapter(opts.db, async (chapter) => {
        const member = await call<Member>(chapter, 'members.renumber', {
          id: resolveMember(chapter.db, who),
        });
        print(opts.json, member, () => `${name(member)} now has number ${member.memberNumber ?? ''}`);
      });
    });

  members
    .command('email-clashes')
    .description(
      'Emails more than one member holds (an email changed on one laptop, given on another), to merge them',
    )
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print the clashes as JSON')
    .action(async (opts: { db: string; json?: boolean }) => {
      await withChapter(opts.db, async (chapter) => {
        const found = await call<EmailClashes>(chapter, 'members.emailClashes', undefined);
        print(opts.json, found, () => describeEmailClashes(found));
      });
    });

  members
    .command('merge')
    .description(
      'Merge a member into another (syncs as edits): empty fields are filled, payments, registrations and ' +
        'check-ins move, the other member is deleted. Shows what differs; merges only with --yes',
    )
    .argument('<keep-id>', 'id of the member who stays')
    .argument('<other-id>', 'id of the member merged into them (by id: they may share an email)')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--yes', 'merge, after reading what differs')
    .option('--json', 'print the preview (without --yes) or the member (with it) as JSON')
    .action(async (keepId: string, otherId: string, opts: { db: string; yes?: boolean; json?: boolean }) => {
      await withChapter(opts.db, async (chapter) => {
        const ids = { keepId: keepId.trim(), otherId: otherId.trim() };
        const preview = await call<MergePreview>(chapter, 'members.mergePreview', ids);
        if (!opts.yes) {
          print(
            opts.json,
            preview,
            () => `${describeMerge(preview)}\nNothing merged yet: run again with --yes.`,
          );
          return;
        }
        const member = await call<Member>(chapter, 'members.merge', ids);
        print(
          opts.json,
          member,
          () => `${describeMerge(preview)}\nMerged into ${name(member)} (${member.id}).`,
        );
      });
    });

  const conflicts = program
    .command('conflicts')
    .description('Values that lost a sync conflict, kept so they can be put back');
  conflicts
    .command('list')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print the conflicts as JSON')
    .action(async (opts: { db: string; json?: boolean }) => {
      await withChapter(opts.db, async (chapter) => {
        const list = await call<Conflict[]>(chapter, 'conflicts.list', undefined);
        print(opts.json, list, () =>
          list.length === 0 ? 'No conflicts.' : list.map(describeConflict).join('\n'),
        );
      });
    });
  for (const [verb, operation, done] of [
    ['restore', 'conflicts.restore', 'Put back the value that was not kept'],
    ['dismiss', 'conflicts.dismiss', 'Kept the current value'],
  ] as const) {
    conflicts
      .command(verb)
      .description(verb === 'restore' ? 'Put back the value that was not kept' : 'Keep the current value')
      .argument('<id>', 'the number `conflicts list` shows')
      .requiredOption('--db <path>', 'chapter database file')
      .option('--json', 'print the remaining conflicts as JSON')
      .action(async (text: string, opts: { db: string; json?: boolean }) => {
        await withChapter(opts.db, async (chapter) => {
          const id = conflictId(text);
          const remaining = await call<Conflict[]>(chapter, operation, { id });
          print(opts.json, remaining, () => `${done} (conflict ${id}). ${remaining.length} left.`);
        });
      });
  }
}
