import type { Command } from 'commander';
import { exportSyncFile, partPath } from '../../main/sync/file/export';
import { importSyncFile } from '../../main/sync/file/import';
import { parseSize } from '../../main/sync/file/size';
import { writePrivateFile } from '../../node/private-files';
import { openChapter } from '../open-chapter';
import { readInputFile } from '../read-input';

/** `sync export` and `sync import`: changes carried between laptops in a file, with no server. */
export function registerSyncFile(sync: Command): void {
  sync
    .command('export')
    .description('Write the changes other laptops may lack to a sync file (.chapterdesk)')
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--out <file>', 'the sync file to write (F.chapterdesk)')
    .option('--all', 'every change this laptop holds, not only those other laptops may lack')
    .option('--max-size <size>', 'split into F.1.chapterdesk, F.2… each at most this size (5MB, 500KB)')
    .option('--json', 'print {"changes","bytes","files"} as JSON')
    .action((opts: { db: string; out: string; all?: boolean; maxSize?: string; json?: boolean }) => {
      const maxBytes = opts.maxSize === undefined ? undefined : parseSize(opts.maxSize);
      const { db, sync: service } = openChapter(opts.db, { mustExist: true });
      try {
        const written = exportSyncFile(db, { all: Boolean(opts.all), maxBytes, now: new Date() });
        const files =
          written.parts.length === 1 ? [opts.out] : written.parts.map((_, i) => partPath(opts.out, i + 1));
        // Members' personal data: readable by this user only, like every file the app writes.
        written.parts.forEach((part, i) => writePrivateFile(files[i]!, part));
        const bytes = written.parts.reduce((sum, part) => sum + part.length, 0);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ changes: written.changes, bytes, files })}\n`);
        } else {
          process.stdout.write(`Wrote ${written.changes} changes (${bytes} bytes) to ${files.join(', ')}.\n`);
        }
      } finally {
        service.stop();
        db.close();
      }
    });

  sync
    .command('import')
    .description('Load a sync file from another laptop of the chapter')
    .argument('<file>', 'the sync file (.chapterdesk)')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print {"applied","alreadyHad","conflicts"} as JSON')
    .action((file: string, opts: { db: string; json?: boolean }) => {
      const bytes = Buffer.from(readInputFile(file));
      const { db, sync: service } = openChapter(opts.db, { mustExist: true });
      try {
        const result = importSyncFile(db, bytes, () => new Date());
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
        } else {
          process.stdout.write(
            `Loaded ${file}: ${result.applied} changes applied, ${result.alreadyHad} already here, ${result.conflicts} conflicts.\n`,
          );
        }
      } finally {
        service.stop();
        db.close();
      }
    });
}
