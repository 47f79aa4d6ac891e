import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { RestoreResult } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { backupFolder, backupPath, listBackups } from '../../main/services/backup/folder';
import { commitRestore, prepareRestore, type RestoreSource } from '../../main/services/backup/restore';
import { writeSnapshot } from '../../main/services/backup/snapshot';
import { openChapter } from '../open-chapter';

/** A file to restore: a path, or the name of one of the chapter file's automatic backups. */
function sourceFor(file: string, dbPath: string): RestoreSource {
  const named = backupPath(dbPath, file);
  if (!existsSync(file) && named) return { path: named, label: file };
  if (!existsSync(file)) {
    throw new AppError(
      'NOT_FOUND',
      `No such file: ${file} (nor an automatic backup of that name in ${backupFolder(dbPath)}).`,
    );
  }
  return { path: resolve(file), label: basename(file) };
}

function isUnsyncedRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.details?.problem?.code === 'UNSYNCED_CHANGES';
}

/**
 * Changes no server has would be lost: `--yes` on the line, or "yes" typed when asked on a
 * terminal. Without a terminal to ask on (a script, a pipe) it is refused (exit 2), never assumed.
 */
async function confirmLoss(refusal: AppError): Promise<void> {
  const problem = refusal.details?.problem;
  const count = problem?.code === 'UNSYNCED_CHANGES' ? Number(problem.params.count) : 0;
  const lost = `${count} change${count === 1 ? '' : 's'} made on this laptop ${count === 1 ? 'has' : 'have'} not reached the sync server and ${count === 1 ? 'is' : 'are'} not in the backup.`;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new AppError('VALIDATION', `${lost} Nothing was restored. Run again with --yes to restore anyway.`);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${lost} Restoring loses them. Type yes to restore anyway: `);
    if (answer.trim().toLowerCase() !== 'yes') throw new AppError('CANCELLED', 'Nothing was restored.');
  } finally {
    prompt.close();
  }
}

function describeRestore(dbPath: string, result: RestoreResult): string {
  return [
    `Restored ${dbPath} from ${result.restoredFrom}.`,
    result.safetyBackup ? `The file as it was is kept as the backup ${result.safetyBackup}.` : '',
    result.damagedKeptAs ? `The damaged file is kept as ${result.damagedKeptAs}.` : '',
    result.resyncs
      ? 'At the next sync this laptop takes back from the server what it had sent since the backup, and what the others sent.'
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('Save a copy of a chapter database, private to you, as it is now')
    .requiredOption('--db <path>', 'chapter database file')
    .requiredOption('--out <file>', 'where to write the copy (replaced if it exists)')
    .option('--json', 'print {"path","bytes"} as JSON')
    .action(async (opts: { db: string; out: string; json?: boolean }) => {
      const { db } = openChapter(opts.db, { mustExist: true });
      const out = resolve(opts.out);
      try {
        await writeSnapshot(db, out);
      } finally {
        db.close();
      }
      const bytes = statSync(out).size;
      process.stdout.write(
        opts.json
          ? `${JSON.stringify({ path: out, bytes })}\n`
          : `Saved a backup of ${opts.db} to ${out} (${bytes} bytes).\n`,
      );
    });

  program
    .command('backups')
    .description('List the automatic backups of a chapter database, newest first')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--json', 'print them as JSON')
    .action((opts: { db: string; json?: boolean }) => {
      const path = resolve(opts.db);
      const backups = listBackups(path);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ folder: backupFolder(path), backups })}\n`);
        return;
      }
      process.stdout.write(`Automatic backups in ${backupFolder(path)}:\n`);
      for (const b of backups)
        process.stdout.write(`${b.name}\t${b.kind}\t${b.createdAt}\t${b.bytes} bytes\n`);
      if (backups.length === 0) process.stdout.write('(none yet)\n');
    });

  program
    .command('restore')
    .description('Put a backup in place of a chapter database (the file as it was is backed up first)')
    .argument('<file>', 'a backup file, or the name of an automatic backup (see: chapterdesk backups)')
    .requiredOption('--db <path>', 'chapter database file to restore')
    .option('--yes', 'restore even if changes this laptop has not synced would be lost')
    .option('--json', 'print what was done as JSON')
    .action(async (file: string, opts: { db: string; yes?: boolean; json?: boolean }) => {
      const dbPath = resolve(opts.db);
      const source = sourceFor(file, dbPath);
      const prepare = (confirmUnsynced: boolean) => prepareRestore({ dbPath, source, confirmUnsynced });
      let prepared;
      try {
        prepared = prepare(opts.yes ?? false);
      } catch (error) {
        if (!isUnsyncedRefusal(error)) throw error;
        await confirmLoss(error);
        prepared = prepare(true);
      }
      const result = await commitRestore(prepared);
      process.stdout.write(
        opts.json ? `${JSON.stringify(result)}\n` : `${describeRestore(opts.db, result)}\n`,
      );
    });
}
