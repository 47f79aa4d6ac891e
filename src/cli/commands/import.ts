import { basename } from 'node:path';
import type { Command } from 'commander';
import { CUSTOM_FIELD_KINDS, type CustomFieldKind } from '../../shared/custom-fields';
import { AppError } from '../../shared/errors';
import { createWriteContexts } from '../../main/services/device/device';
import { listImports, undoImport } from '../../main/services/imports/batches';
import { isImportReadError, NO_ROWS_MESSAGE } from '../../main/services/imports/errors';
import { runImport, type ImportResult } from '../../main/services/imports/job';
import { findMembershipType } from '../../main/services/types/membership-types';
import type { Db } from '../../main/db/open';
import type { ImportProblemGroup, ImportProblemSeverity, ImportTypeChoice } from '../../shared/imports';
import { writePrivateFile } from '../../node/private-files';
import { backUpBeforeImport, openChapter } from '../open-chapter';
import { readInputFile } from '../read-input';

/** `--map-type "Étudiant=Student"`: the value, and the type named by name or id (none: no type). */
function typeChoices(db: Db, pairs: readonly string[]): ImportTypeChoice[] {
  return pairs.map((pair) => {
    const at = pair.indexOf('=');
    const value = pair.slice(0, at).trim();
    const name = pair.slice(at + 1).trim();
    if (at < 0 || !value || !name) {
      throw new AppError(
        'VALIDATION',
        `--map-type takes VALUE=TYPE (TYPE: a type’s name, or none), not “${pair}”.`,
      );
    }
    if (name.toLowerCase() === 'none') return { value, typeId: null };
    const type = findMembershipType(db, name);
    if (!type) throw new AppError('NOT_FOUND', `--map-type: no membership type “${name}”.`);
    return { value, typeId: type.id };
  });
}

/** `--new-field "T-shirt size=choice"`: a column by its header, and the kind of field to make of it. */
function newFields(given: readonly string[]): { header: string; kind: CustomFieldKind }[] {
  return given.map((text) => {
    const at = text.lastIndexOf('=');
    const kind = at > 0 ? text.slice(at + 1).trim() : 'text';
    const found = CUSTOM_FIELD_KINDS.find((k) => k === kind);
    if (!found) {
      throw new AppError(
        'VALIDATION',
        `--new-field: “${kind}” is not a kind of field; give one of ${CUSTOM_FIELD_KINDS.join(', ')}.`,
      );
    }
    return { header: (at > 0 ? text.slice(0, at) : text).trim(), kind: found };
  });
}

/** Where the columns no field of ours takes went: the chapter's own fields, or nowhere (every one named). */
function columnSummary(result: ImportResult): string {
  let text = '';
  for (const c of result.customFields) {
    text += `Column “${c.header}” → the chapter’s field “${c.label}”${c.created ? ' (new)' : ''}.\n`;
  }
  if (result.leftOut.length > 0) {
    const names = result.leftOut.map((c) => `“${c.label}”`).join(', ');
    text +=
      `Left out (no field takes ${result.leftOut.length === 1 ? 'it' : 'them'}): ${names}.\n` +
      `Keep one as a field of the chapter’s own with --new-field "${result.leftOut[0]!.label}" (add =number, =date, =yesno or =choice for another kind).\n`;
  }
  return text;
}

/** Groups printed before "… and N more": the JSON output carries every one. */
const GROUPS_PRINTED = 50;

const SECTIONS: [ImportProblemGroup['severity'], string][] = [
  ['rejected', 'Not imported'],
  ['error', 'Imported without these values'],
  ['warning', 'Imported; worth a look'],
];

/** The problems, one line per group of rows with the same problem, rejected rows first. */
function problemSummary(
  problems: readonly ImportProblemGroup[],
  problemRows: Record<ImportProblemSeverity, number>,
): string {
  let text = '';
  let printed = 0;
  for (const [severity, title] of SECTIONS) {
    const groups = problems.filter((p) => p.severity === severity);
    if (groups.length === 0) continue;
    const rows = problemRows[severity];
    text += `${title} (${rows} ${rows === 1 ? 'row' : 'rows'}):\n`;
    for (const group of groups) {
      if (printed++ < GROUPS_PRINTED) text += `  ${group.message}\n`;
    }
  }
  if (printed > GROUPS_PRINTED) text += `  … and ${printed - GROUPS_PRINTED} more (see --json)\n`;
  if (problems.some((p) => p.code === 'unknown_type')) {
    text +=
      'Create the missing membership types with --create-types, or say what a value stands for with --map-type "VALUE=TYPE" (TYPE: a type’s name, or none).\n';
  }
  return text;
}

/** What each value of the type column became: "Étudiant → Student (by name, 3 rows)". */
function typeSummary(result: ImportResult): string {
  const { typeValues } = result.outcome;
  if (typeValues.length === 0) return '';
  const how = {
    chosen: 'as given',
    remembered: 'as remembered',
    name: 'by name',
    created: 'created',
    none: 'as given',
  };
  const lines = typeValues.map((v) => {
    const rows = `${v.rows} ${v.rows === 1 ? 'row' : 'rows'}`;
    // A value told to stand for no type says so, or the next file's "no type" looks like a miss.
    const why = v.source ? `${how[v.source]}, ` : '';
    const target = v.typeName ? `${v.typeName} (${why}${rows})` : `no type (${why}${rows})`;
    return `  “${v.value}” → ${target}\n`;
  });
  return `Membership types:\n${lines.join('')}`;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import members from a CSV, text, XLSX or ODS file (one transaction; see `imports undo`)')
    .argument('<file>', 'the spreadsheet')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--dry-run', 'check and count everything, change nothing')
    .option('--json', 'print one JSON object with the counts and the errors')
    .option('--sheet <name>', 'sheet of a workbook (default: the first with data)')
    .option('--header-row <n>', 'row holding the column names (default: detected; 0: none)')
    .option('--rejects <file>', 'write the rejected rows, with a Reason column, to this CSV')
    .option(
      '--keep-duplicates',
      'also create rows that only might be existing members (held back by default)',
    )
    .option(
      '--map-type <value=type>',
      'what a value of the membership type column stands for: a type’s name or id, or none (repeatable; remembered)',
      (pair: string, pairs: string[]) => [...pairs, pair],
      [] as string[],
    )
    .option('--create-types', 'create a membership type for each value of the type column that names none')
    .option(
      '--new-field <column[=kind]>',
      `make a column no field takes a field of the chapter’s own, named as its header (kind: ${CUSTOM_FIELD_KINDS.join(', ')}; default text; repeatable)`,
      (text: string, given: string[]) => [...given, text],
      [] as string[],
    )
    .action(
      async (
        file: string,
        opts: {
          db: string;
          dryRun?: boolean;
          json?: boolean;
          sheet?: string;
          headerRow?: string;
          rejects?: string;
          keepDuplicates?: boolean;
          mapType: string[];
          createTypes?: boolean;
          newField: string[];
        },
      ) => {
        const headerRow = opts.headerRow === undefined ? undefined : Number(opts.headerRow);
        if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 0)) {
          throw new AppError(
            'VALIDATION',
            `--header-row must be a row number (0 for none), not “${opts.headerRow}”.`,
          );
        }
        const bytes = readInputFile(file);
        const { db } = openChapter(opts.db, { mustExist: true });
        try {
          if (!opts.dryRun) await backUpBeforeImport(db);
          const result = await runImport(createWriteContexts(db, () => new Date())(), {
            fileName: basename(file),
            bytes,
            sheet: opts.sheet,
            headerRow,
            dryRun: Boolean(opts.dryRun),
            keepPossibleDuplicates: Boolean(opts.keepDuplicates),
            typeChoices: typeChoices(db, opts.mapType),
            createMissingTypes: Boolean(opts.createTypes),
            newFields: newFields(opts.newField),
          }).catch((error: unknown) => {
            if (isImportReadError(error) && error.code === 'NO_ROWS')
              throw new AppError('VALIDATION', `${file}: ${NO_ROWS_MESSAGE}`);
            if (isImportReadError(error))
              throw new AppError('VALIDATION', `Cannot read ${file}: ${error.message}`);
            throw error;
          });
          const { counts, problems, problemRows, typeValues, merged, batchId } = result.outcome;
          if (opts.rejects && result.rejectsCsv) writePrivateFile(opts.rejects, result.rejectsCsv);
          if (opts.json) {
            process.stdout.write(
              `${JSON.stringify({ ...counts, problems, problemRows, typeValues, merged, importId: batchId, customFields: result.customFields, leftOut: result.leftOut })}\n`,
            );
            return;
          }
          const verb = opts.dryRun ? 'Would import' : 'Imported';
          process.stdout.write(
            `${verb} ${file}: ${counted(counts.rows, 'row', 'rows')}, ${counts.created} new, ${counts.updated} updated, ` +
              `${counts.unchanged} unchanged, ${counts.rejected} rejected, ${counted(counts.possibleDuplicates, 'possible duplicate', 'possible duplicates')}.\n`,
          );
          if (counts.merged) {
            const pairs = merged.map((m) => `row ${m.rowNumber} into row ${m.into} (${m.name})`);
            process.stdout.write(
              `Rows for the same member (same email or number) were merged, the later row's values counting: ${pairs.join(', ')}${counts.merged > merged.length ? ', …' : ''}.\n`,
            );
          }
          if (counts.possibleDuplicates) {
            process.stdout.write(
              `Rows that might be members already were held back; review them in the app or rerun with --keep-duplicates.\n`,
            );
          }
          process.stdout.write(columnSummary(result));
          process.stdout.write(problemSummary(problems, problemRows));
          process.stdout.write(typeSummary(result));
          if (batchId)
            process.stdout.write(`Undo with: chapterdesk imports undo ${batchId} --db ${opts.db}\n`);
        } finally {
          db.close();
        }
      },
    );

  const imports = program.command('imports').description('Past imports');
  imports
    .command('list')
    .description('List imports, newest first')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print JSON')
    .action((opts: { db: string; json?: boolean }) => {
      const { db } = openChapter(opts.db, { mustExist: true });
      try {
        const batches = listImports(db);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(batches)}\n`);
          return;
        }
        for (const b of batches) {
          process.stdout.write(
            `${b.id}  ${b.createdAt}  ${b.fileName}  ${b.created} new, ${b.updated} updated, ${b.rejected} rejected` +
              `${b.undoneAt ? `  (undone ${b.undoneAt})` : ''}\n`,
          );
        }
      } finally {
        db.close();
      }
    });
  imports
    .command('undo')
    .description(
      'Undo an import: members it created are deleted, fields it changed get their old values unless edited since',
    )
    .argument('<id>', 'import id (from `imports list`)')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print the undone import, with the edits kept, as JSON')
    .action((id: string, opts: { db: string; json?: boolean }) => {
      const { db } = openChapter(opts.db, { mustExist: true });
      try {
        const batch = undoImport(createWriteContexts(db, () => new Date())(), id);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(batch)}\n`);
          return;
        }
        process.stdout.write(
          `Undid the import of ${batch.fileName} (${batch.created} members removed, ${batch.updated} restored).\n`,
        );
        for (const kept of batch.keptEdits) {
          process.stdout.write(
            `  Kept ${kept.name}'s ${kept.fields.join(', ')}: edited after the import, so not put back.\n`,
          );
        }
      } finally {
        db.close();
      }
    });
}

/** A count and its noun, singular for one ("1 row", not "1 rows"). */
function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
