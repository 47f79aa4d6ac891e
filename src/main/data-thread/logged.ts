import type { Result } from '../../shared/errors';
import type { ImportJobView } from '../../shared/imports';
import type { AppLog, LogFields } from '../services/diagnostics/log';

/** Operations whose every outcome is worth a line: what changed the file, or moved it. */
const LOGGED = new Set([
  'imports.start',
  'imports.undo',
  'imports.cancel',
  'statements.commit',
  'events.importRegistrations',
  'backup.export',
  'backup.restore',
  'sync.enroll',
  'members.eraseLapsed',
  'diagnostics.export',
]);

/** Refusals the secretary fixes in the form (a typo, a missing field): not worth a line each. */
const ORDINARY_REFUSALS = new Set(['VALIDATION', 'NOT_FOUND']);

/**
 * A new window asks for its members list before it knows whether the chapter is set up (startup.ts):
 * before setup that read is refused at every start, which says nothing about the laptop. Any other
 * operation refused as not set up is logged (a sync with no chapter, a file missing its device row).
 */
function openingRead(operation: string, code: string): boolean {
  return operation === 'members.list' && code === 'NOT_INITIALISED';
}

/** The numbers and yes/no of an object's top level: counts, never the text beside them. */
function numbersOf(value: unknown, prefix = ''): LogFields {
  if (typeof value !== 'object' || value === null) return {};
  const fields: LogFields = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'number' || typeof entry === 'boolean') fields[`${prefix}${key}`] = entry;
  }
  return fields;
}

/**
 * Writes what an operation's answer tells the log: an error's code, a logged operation's counts,
 * an import's counts when its job is first seen finished (sync runs are logged by the sync
 * service's onRun). The answer is read, never its text: only numbers, yes/no and codes reach the log.
 */
export function createOperationLog(log: AppLog) {
  const finishedImports = new Set<string>();

  function importJob(input: unknown, view: ImportJobView): void {
    if (view.state === 'running') return;
    const jobId = (input as { jobId?: unknown } | undefined)?.jobId;
    if (typeof jobId !== 'string' || finishedImports.has(jobId)) return;
    finishedImports.add(jobId);
    if (view.state === 'done') log.info('import.done', { jobId, ...numbersOf(view.result.counts) });
    else if (view.state === 'failed') log.info('import.failed', { jobId, code: view.error.code });
    else log.info('import.cancelled', { jobId });
  }

  return (name: unknown, input: unknown, result: Result<unknown>): void => {
    const operation = typeof name === 'string' ? name : typeof name;
    if (!result.ok) {
      const ordinary = ORDINARY_REFUSALS.has(result.error.code) || openingRead(operation, result.error.code);
      if (LOGGED.has(operation) || !ordinary) {
        log.info('operation.refused', { operation, code: result.error.code });
      }
      return;
    }
    if (operation === 'imports.job') importJob(input, result.value as ImportJobView);
    else if (LOGGED.has(operation)) log.info('operation.done', { operation, ...numbersOf(result.value) });
  };
}
