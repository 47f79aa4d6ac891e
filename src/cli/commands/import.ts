import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { createWriteContexts } from '../../main/services/device/device';
import { listImports, undoImport } from '../../main/services/imports/batches';
import { isImportReadError } from '../../main/services/imports/errors';
import { runImport } from '../../main/services/imports/job';
import { writePrivateFile } from '../../node/private-files';
import { openChapter } from '../open-chapter';
import { readInputFile } from '../read-input';

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
          const result = await runImport(createWriteContexts(db, () => new Date())(), {
            fileName: basename(file),
            bytes,
            sheet: opts.sheet,
            headerRow,
            dryRun: Boolean(opts.dryRun),
            keepPossibleDuplicates: Boolean(opts.keepDuplicates),
          }).catch((error: unknown) => {
            if (isImportReadError(error))
              throw new AppError('VALIDATION', `Cannot read ${file}: ${error.message}`);
            throw error;
          });
          const { counts, errors, merged, batchId } = result.outcome;
          if (opts.rejects && result.rejectsCsv) writePrivateFile(opts.rejects, result.rejectsCsv);
          if (opts.json) {
            process.stdout.write(`${JSON.stringify({ ...counts, errors, merged, importId: batchId })}\n`);
            return;
          }
          const verb = opts.dryRun ? 'Would import' : 'Imported';
          process.stdout.write(
            `${verb} ${file}: ${counts.rows} rows, ${counts.created} new, ${counts.updated} updated, ` +
              `${counts.unchanged} unchanged, ${counts.rejected} rejected, ${counts.possibleDuplicates} possible duplicates.\n`,
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
          for (const e of errors.slice(0, 50)) process.stdout.write(`  ${e.message}\n`);
          if (errors.length > 50) process.stdout.write(`  … and ${errors.length - 50} more\n`);
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
