/**
 * A second writer for the shared-clock test: opens the chapter file given on the command line and
 * creates members one transaction at a time, as a CLI run beside the app would. A write that meets
 * another process's commit (SQLITE_BUSY) is tried again, as a user would. The wall clock stands
 * still, as it does for writes within one millisecond: only a shared clock keeps stamps apart.
 */
import { createHandlers } from '../../src/main/api/handlers';
import { openDatabase } from '../../src/main/db/open';

const [path, label, count] = process.argv.slice(2) as [string, string, string];
const db = openDatabase(path);
const handlers = createHandlers(db, { now: () => new Date('2026-03-15T10:00:00Z') });
for (let i = 0; i < Number(count); i++) {
  for (;;) {
    try {
      handlers['members.create']({ firstName: `${label}${i}`, lastName: 'Writer' });
      break;
    } catch (error) {
      if (!String((error as { code?: string }).code).startsWith('SQLITE_BUSY')) throw error;
    }
  }
}
db.close();
