import type { Handlers } from '../../api/handlers';
import type { BackupService } from './service';

/**
 * The operations that write a whole file into the chapter (members, a bank statement, event
 * registrations), each preceded by an automatic backup when it is a real import, not a preview: an
 * import that went wrong can be undone, but a backup also covers what Undo cannot (a mapping that
 * overwrote good values with a file's, noticed a week later).
 */
export function backedUpBeforeImports(handlers: Handlers, backups: () => BackupService): Handlers {
  const first = async () => {
    await backups().automatic('import');
  };
  // The contract types these two as answering at once; dispatch() awaits every handler, so they
  // may wait for the backup.
  return {
    ...handlers,
    'imports.start': (async (input: Parameters<Handlers['imports.start']>[0]) => {
      if (!input.dryRun) await first();
      return handlers['imports.start'](input);
    }) as unknown as Handlers['imports.start'],
    'statements.commit': (async (input: Parameters<Handlers['statements.commit']>[0]) => {
      await first();
      return handlers['statements.commit'](input);
    }) as unknown as Handlers['statements.commit'],
    'events.importRegistrations': async (input) => {
      if (!input.dryRun) await first();
      return handlers['events.importRegistrations'](input);
    },
  };
}
