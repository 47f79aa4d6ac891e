/**
 * Makes automatic backups of the chapter file given on the command line, one after another, saying
 * "writing" before each: the test kills it (SIGKILL) while one is being written, as a power cut or
 * the task manager would.
 */
import { openDatabase } from '../../src/main/db/open';
import { createBackupService } from '../../src/main/services/backup/service';

const [path] = process.argv.slice(2) as [string];
const db = openDatabase(path);
const backups = createBackupService({ db, dbPath: path, now: () => new Date(), keep: 1000 });
for (;;) {
  process.stdout.write('writing\n');
  await backups.automatic('daily');
}
