/**
 * Runs one import off the main process's event loop, on its own connection to the chapter file,
 * so the app stays responsive while a large file is read and saved. Cancel terminates the thread:
 * the import's single transaction then never commits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../../db/open';
import { createWriteContexts } from '../device/device';
import { isImportReadError } from './errors';
import { runImport, type ImportProgress, type ImportRequest, type ImportResult } from './job';

export interface ImportWorkerInput {
  dbPath: string;
  /** The Electron-ABI build of better-sqlite3, when the app runs in Electron. */
  nativeBinding?: string;
  request: ImportRequest;
}

export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | { type: 'failed'; error: { code: string; message: string } };

const { dbPath, nativeBinding, request } = workerData as ImportWorkerInput;
const post = (message: ImportWorkerMessage) => parentPort!.postMessage(message);
const db = openDatabase(dbPath, { nativeBinding });
try {
  const result = await runImport(createWriteContexts(db, () => new Date())(), request, (progress) =>
    post({ type: 'progress', progress }),
  );
  post({ type: 'done', result });
} catch (error) {
  const body =
    error instanceof AppError
      ? { code: error.code, message: error.message }
      : isImportReadError(error)
        ? { code: 'VALIDATION', message: error.message }
        : { code: 'INTERNAL', message: 'The import failed; nothing was changed.' };
  post({ type: 'failed', error: body });
} finally {
  db.close();
}
