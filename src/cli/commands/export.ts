import type { Command } from 'commander';
import { allMembers, membersToCsv, membersToXlsx } from '../../main/services/members/export';
import { writePrivateFile } from '../../node/private-files';
import { AppError } from '../../shared/errors';
import { openChapter } from '../open-chapter';

export function registerExport(program: Command): void {
  const exportCommand = program.command('export').description('Export chapter data');
  exportCommand
    .command('members')
    .description('Export the members (not deleted ones) as CSV, XLSX or JSON')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--format <format>', 'csv, xlsx or json', 'csv')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: { db: string; format: string; out?: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'json' && opts.format !== 'xlsx') {
        throw new AppError('VALIDATION', `Unknown format “${opts.format}”: use csv, xlsx or json.`);
      }
      if (opts.format === 'xlsx' && !opts.out && process.stdout.isTTY) {
        throw new AppError('VALIDATION', 'An XLSX file is binary: give --out FILE or redirect the output.');
      }
      const { db } = openChapter(opts.db, { mustExist: true });
      try {
        const members = allMembers(db, new Date());
        const text =
          opts.format === 'xlsx'
            ? await membersToXlsx(members)
            : opts.format === 'csv'
              ? membersToCsv(members)
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
