import type { Command } from 'commander';
import { requireChapter } from '../../main/services/chapter/chapter';
import { allMembers, csvDelimiterOf, membersToCsv, membersToXlsx } from '../../main/services/members/export';
import { exportLanguage } from '../../main/services/members/export-labels';
import type { CsvDelimiter } from '../../shared/locale/csv';
import { writePrivateFile } from '../../node/private-files';
import { AppError } from '../../shared/errors';
import { openChapter } from '../open-chapter';

const DELIMITERS: Partial<Record<string, CsvDelimiter>> = { comma: ',', semicolon: ';', tab: '\t' };

export function registerExport(program: Command): void {
  const exportCommand = program.command('export').description('Export chapter data');
  exportCommand
    .command('members')
    .description('Export the members (not deleted ones) as CSV, XLSX or JSON')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--format <format>', 'csv, xlsx or json', 'csv')
    .option('--out <file>', 'write to this file instead of stdout')
    .option(
      '--delimiter <name>',
      "CSV only: comma, semicolon or tab (default: the chapter's setting, else what its language's spreadsheets expect)",
    )
    .option('--lang <language>', "header row and statuses in en or fr (default: the chapter's language)")
    .action(async (opts: { db: string; format: string; out?: string; delimiter?: string; lang?: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'json' && opts.format !== 'xlsx') {
        throw new AppError('VALIDATION', `Unknown format “${opts.format}”: use csv, xlsx or json.`);
      }
      const delimiter = opts.delimiter === undefined ? undefined : DELIMITERS[opts.delimiter];
      if (opts.delimiter !== undefined && !delimiter) {
        throw new AppError(
          'VALIDATION',
          `Unknown delimiter “${opts.delimiter}”: use comma, semicolon or tab.`,
        );
      }
      if (opts.lang !== undefined && opts.lang !== 'en' && opts.lang !== 'fr') {
        throw new AppError('VALIDATION', `Unknown language “${opts.lang}”: use en or fr.`);
      }
      if (opts.format === 'xlsx' && !opts.out && process.stdout.isTTY) {
        throw new AppError('VALIDATION', 'An XLSX file is binary: give --out FILE or redirect the output.');
      }
      const { db } = openChapter(opts.db, { mustExist: true });
      try {
        const members = allMembers(db, new Date());
        const chapter = requireChapter(db);
        const language = exportLanguage(opts.lang ?? chapter.locale);
        const text =
          opts.format === 'xlsx'
            ? await membersToXlsx(members, language)
            : opts.format === 'csv'
              ? membersToCsv(members, { delimiter: delimiter ?? csvDelimiterOf(chapter, language), language })
              : `${JSON.stringify(members, null, 2)}\n`;
        if (opts.out) {
          writePrivateFile(opts.out, text);
          process.stderr.write(`Exported ${members.length} members to ${opts.out}\n`);
        } else {
          process.stdout.write(text);
        }
      } finally {
        db.close();
      }
    });
}
