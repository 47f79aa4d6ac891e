import { AppError } from '../../shared/errors';
import type { OperationName } from '../../shared/operations';
import type { Handlers } from '../api/handlers';
import type { Db } from '../db/open';

/**
 * SQLITE_BUSY (another connection holds the write lock) and SQLITE_BUSY_SNAPSHOT (another
 * connection committed after this transaction began reading): either way SQLite rolled the
 * transaction back whole, so it can run again.
 */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Enough tries to outlast another process's writes (a CLI run), about as long as SQLite's own 5 s wait. */
const MAX_ATTEMPTS = 50;

/**
 * Operations that act outside the chapter file before they write to it: enrolment spends its
 * one-time code on the server first, so running it again would be refused as a used code.
 */
const NEVER_AGAIN: ReadonlySet<OperationName> = new Set(['sync.enroll']);

/** Rows this connection has inserted, updated or deleted since it opened, rolled back or not. */
function rowsWritten(db: Db): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

/** What the user is told once another program has held the file for longer than the retries last. */
export function busyError(): AppError {
  return new AppError(
    'BUSY',
    'Another program is writing to the chapter file (a command-line run or an import). Try again once it has finished.',
  );
}

/**
 * Every operation, such that one refused because another connection is writing (an import saving
 * on its own thread, a CLI run) waits, without blocking the thread, until that writer is done and
 * then runs again: long work queues writes instead of failing them, and reads go on meanwhile.
 *
 * Only an attempt that changed nothing runs again. A refusal comes at the first write of a
 * transaction, before it changed a row, so rows written during the attempt mean that an earlier
 * transaction of the operation committed (an erasure before its scrub): running it again would do
 * that twice. Such an operation, and one refused to the end, fails with BUSY.
 */
export function queueBehindWriters(db: Db, handlers: Handlers, writersDone: () => Promise<void>): Handlers {
  const queued: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    const again = !NEVER_AGAIN.has(name as OperationName);
    queued[name] = async (input) => {
      for (let attempt = 1; ; attempt++) {
        const before = rowsWritten(db);
        try {
          return await handler(input);
        } catch (error) {
          if (!isBusy(error)) throw error;
          if (!again || attempt >= MAX_ATTEMPTS || rowsWritten(db) !== before) throw busyError();
          await writersDone();
        }
      }
    };
  }
  return queued as unknown as Handlers;
}
