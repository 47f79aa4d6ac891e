import type { Handlers } from '../api/handlers';

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
 * Every operation, such that one refused because another connection is writing (an import saving
 * on its own thread, a CLI run) waits, without blocking the thread, until that writer is done and
 * then runs again: long work queues writes instead of failing them, and reads go on meanwhile.
 */
export function queueBehindWriters(handlers: Handlers, writersDone: () => Promise<void>): Handlers {
  const queued: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    queued[name] = async (input) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await handler(input);
        } catch (error) {
          if (!isBusy(error) || attempt >= MAX_ATTEMPTS) throw error;
          await writersDone();
        }
      }
    };
  }
  return queued as unknown as Handlers;
}
