import type { Command } from 'commander';
import { CUSTOM_FIELD_KINDS, type CustomField } from '../../shared/custom-fields';
import { AppError } from '../../shared/errors';
import type { Db } from '../../main/db/open';
import { findCustomField } from '../../main/services/custom-fields/fields';
import { call, print, withChapter } from './dues';

const KIND_WORDS: Record<CustomField['kind'], string> = {
  text: 'text',
  number: 'number',
  date: 'date',
  yesno: 'yes/no',
  choice: 'choice',
};

export function describeField(f: CustomField): string {
  const choices = f.kind === 'choice' ? ` (${f.choices.join(', ')})` : '';
  return `${f.id}\t${f.label}\t${KIND_WORDS[f.kind]}${choices}${f.retired ? '\tretired' : ''}`;
}

/** A field named as a secretary would name it: its label (any case and accents) or its id. */
export function resolveField(db: Db, text: string): CustomField {
  const field = findCustomField(db, text.trim());
  if (!field) {
    throw new AppError(
      'VALIDATION',
      `field: no field called “${text.trim()}”. See them with: chapterdesk fields list --db …`,
    );
  }
  return field;
}

/** `--choices "S, M, L"`: the choices of a choice field, separated by commas. */
function choicesFlag(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((choice) => choice.trim());
}

function positionFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const position = Number(text);
  if (!Number.isInteger(position)) {
    throw new AppError('VALIDATION', `--position: give a whole number, not “${text}”.`);
  }
  return position;
}

export function registerFields(program: Command): void {
  const fields = program
    .command('fields')
    .description('The chapter’s own member fields (national ID, profession, T-shirt size…)');

  fields
    .command('list')
    .description('List the fields in use, in order (with --all, retired ones too)')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--all', 'also list retired fields')
    .option('--json', 'print JSON')
    .action((opts: { db: string; all?: boolean; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const list = (await call<CustomField[]>(chapter, 'customFields.list', undefined)).filter(
          (f) => opts.all || !f.retired,
        );
        print(opts.json, list, () =>
          list.length === 0
            ? 'No fields of the chapter’s own yet. Add one with: chapterdesk fields add --db … --label … --kind …'
            : list.map(describeField).join('\n'),
        );
      }),
    );

  fields
    .command('add')
    .description('Add a field to every member’s page and form')
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--label <label>', 'its name, as forms, exports and imports show it')
    .requiredOption('--kind <kind>', `${CUSTOM_FIELD_KINDS.join(', ')} (it never changes)`)
    .option('--choices <list>', 'for a choice field: its choices, separated by commas')
    .option('--json', 'print the field as JSON')
    .action((opts: { db: string; label: string; kind: string; choices?: string; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const field = await call<CustomField>(chapter, 'customFields.create', {
          label: opts.label,
          kind: opts.kind,
          ...(opts.choices !== undefined ? { choices: choicesFlag(opts.choices) } : {}),
        });
        print(opts.json, field, () => `Added ${describeField(field)}`);
      }),
    );

  fields
    .command('update')
    .description('Rename a field, change its choices or its place (its kind never changes)')
    .argument('<field>', 'its label or id')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--label <label>', 'its new name')
    .option('--choices <list>', 'for a choice field: all its choices, separated by commas')
    .option('--position <n>', 'its place among the fields (0 first)')
    .option('--json', 'print the field as JSON')
    .action(
      (
        text: string,
        opts: { db: string; label?: string; choices?: string; position?: string; json?: boolean },
      ) =>
        withChapter(opts.db, async (chapter) => {
          const patch = {
            ...(opts.label !== undefined ? { label: opts.label } : {}),
            ...(opts.choices !== undefined ? { choices: choicesFlag(opts.choices) } : {}),
            ...(opts.position !== undefined ? { position: positionFlag(opts.position) } : {}),
          };
          if (Object.keys(patch).length === 0) {
            throw new AppError('VALIDATION', 'Nothing to change: give --label, --choices or --position.');
          }
          const id = resolveField(chapter.db, text).id;
          const field = await call<CustomField>(chapter, 'customFields.update', { id, ...patch });
          print(opts.json, field, () => `Updated ${describeField(field)}`);
        }),
    );

  fields
    .command('retire')
    .description('Stop showing and asking for a field; members keep their values (--undo brings it back)')
    .argument('<field>', 'its label or id')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--undo', 'bring a retired field back')
    .option('--json', 'print the field as JSON')
    .action((text: string, opts: { db: string; undo?: boolean; json?: boolean }) =>
      withChapter(opts.db, async (chapter) => {
        const id = resolveField(chapter.db, text).id;
        const field = await call<CustomField>(chapter, 'customFields.update', { id, retired: !opts.undo });
        print(opts.json, field, () => `${opts.undo ? 'Brought back' : 'Retired'} ${describeField(field)}`);
      }),
    );
}
