/**
 * Runs one import off the main process's event loop, on its own connection to the chapter file,
 * so the app stays responsive while a large file is read and saved. Cancel terminates the thread:
 * the import's single transaction then never commits.
 */
import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../../background-priority';
import { openDatabase } from '../../db/open';
import { createWriteContexts } from '../device/device';
import type { ImportJobFailure } from '../../../shared/imports';
import { jobFailure } from './errors';
import { runImport, type ImportProgress, type ImportRequest, type ImportResult } from './job';

/** Posted to the thread once, with the file's buffer transferred rather than copied. */
export interface ImportWorkerInput {
  dbPath: string;
  /** The Electron-ABI build of better-sqlite3, when the app runs in Electron. */
  nativeBinding?: string;
  request: ImportRequest;
}

export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | { type: 'failed'; error: ImportJobFailure };

const port = parentPort!;
const post = (message: ImportWorkerMessage) => port.postMessage(message);

// The input arrives as a message, not as workerData, which would hold the file for the thread's
// whole life: nothing here keeps the request, so runImport can let the bytes go once it has read them.
port.once('message', ({ dbPath, nativeBinding, request }: ImportWorkerInput) => {
  // The Members screen keeps answering while this saves: its thread comes first for the processor.
  runInBackground();
  const db = openDatabase(dbPath, { nativeBinding });
  // The import writes pages once and in order, so a page cache the size of the app's (32 MB) buys it
  // nothing measurable; 8 MB keeps that much off the import's peak memory.
  db.pragma('cache_size = -8192');
  runImport(
    createWriteContexts(db, () => new Date())(),
    request,
    (progress) => post({ type: 'progress', progress }),
    undefined,
    fullCollection(),
  )
    .then(
      (result) => post({ type: 'done', result }),
      (error: unknown) => post({ type: 'failed', error: jobFailure(error) }),
    )
    .finally(() => db.close());
});

/**
 * Each step of an import drops tens of megabytes at once (the file's text after reading, the
 * duplicate check's indexes after checking), and V8 would otherwise keep that garbage until the
 * heap has doubled: collecting between steps takes ~50 MB off a 100,000-row import's peak for
 * ~30 ms each. `gc` is there when the thread that started this one exposed it (jobs.ts).
 */
function fullCollection(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  return gc ? () => gc() : () => undefined;
}
