import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { allMembers, membersToCsv } from '../../main/services/members/export';
import { AppError } from '../../shared/errors';
import { openChapter } from '../open-chapter';

export function registerExport(program: Command): void {
  const exportCommand = program.command('export').description('Export chapter data');
  exportCommand
    .command('members')
    .description('Export the members (not deleted ones) as CSV or JSON')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--out <file>', 'write to this file instead of stdout')
    .action((opts: { db: string; format: string; out?: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'json') {
        throw new AppError('VALIDATION', `Unknown format “${opts.format}”: use csv or json.`);
      }
      const { db } = openChapter(opts.db, { mustExist: true });
      try {
        const members = allMembers(db, new Date());
        const text = opts.format === 'csv' ? membersToCsv(members) : `${JSON.stringify(members, null, 2)}\n`;
        if (opts.out) {
          writeFileSync(opts.out, text);
          process.stderr.write(`Exported ${members.length} members to ${opts.out}\n`);
        } else {
          process.stdout.write(text);
        }
      } finally {
        db.close();
      }
    });
}
