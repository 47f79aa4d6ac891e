import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { collectDiagnostics } from '../../main/services/diagnostics/export';
import { writePrivateFile } from '../../node/private-files';
import { openChapter } from '../open-chapter';

export function registerDiagnostics(program: Command): void {
  program
    .command('diagnostics')
    .description(
      'Write a file for support: versions, schema, rows per table, sync state and the recent log, without anyone’s data',
    )
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--out <file>', 'where to write the JSON file, private to you (replaced if it exists)')
    .option('--json', 'print {"path","bytes"} as JSON')
    .action((opts: { db: string; out: string; json?: boolean }) => {
      const dbPath = resolve(opts.db);
      const { db } = openChapter(opts.db, { mustExist: true });
      let content: string;
      try {
        content = collectDiagnostics({ db, dbPath, now: () => new Date() }).content;
      } finally {
        db.close();
      }
      const out = resolve(opts.out);
      writePrivateFile(out, content);
      const bytes = statSync(out).size;
      process.stdout.write(
        opts.json
          ? `${JSON.stringify({ path: out, bytes })}\n`
          : `Wrote diagnostics of ${opts.db} to ${out} (${bytes} bytes): no member's name, email or phone is in it.\n`,
      );
    });
}
