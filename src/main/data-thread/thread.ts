/**
 * The data thread: the one place the app's connection to the chapter file lives. It runs every
 * contract operation through dispatch() and the background sync, so the Electron main process and
 * browser mode only forward operations here and never wait on SQLite themselves. Imports still run
 * on a thread of their own, started from here (imports/jobs.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { openDatabase, type Db } from '../db/open';
import { importsDone } from '../services/imports/jobs';
import { fileSecretStore } from '../sync/secrets';
import { createSyncService } from '../sync/service';
import type { DataThreadOptions, FromDataThread, ToDataThread } from './protocol';
import { bridgedSecretStore } from './secrets';
import { queueBehindWriters } from './writers';

/**
 * How long this thread lets SQLite wait for another connection's write lock before giving up the
 * attempt: short, because every operation queued behind it waits too. A refused operation waits
 * for the writer without blocking (writers.ts); sync waits for this file's imports before it
 * starts, and if refused all the same, tries again on its backoff.
 */
const BUSY_WAIT_MS = 20;
/** Before trying again after a writer that is not one of this thread's imports (another process). */
const OTHER_WRITER_PAUSE_MS = 100;

const port = parentPort!;
const options = workerData as DataThreadOptions;
const post = (message: FromDataThread) => port.postMessage(message);

function open(): Db | null {
  try {
    return openDatabase(options.dbPath, { nativeBinding: options.nativeBinding });
  } catch (error) {
    post({
      type: 'failed',
      error:
        error instanceof AppError
          ? { code: error.code, message: error.message }
          : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
    });
    return null;
  }
}

const db = open();
if (db) {
  db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
  const now = () => new Date();
  const secrets =
    options.secrets === 'keystore' && options.secretsBridge
      ? bridgedSecretStore(options.secretsBridge)
      : fileSecretStore;
  const sync = createSyncService({
    db,
    now,
    autoSync: options.autoSync,
    secrets,
    writersDone: () => importsDone(db),
  });
  const handlers = queueBehindWriters(
    db,
    createHandlers(db, { now, sync, nativeBinding: options.nativeBinding }),
    async () => {
      await importsDone(db);
      await new Promise((resolve) => setTimeout(resolve, OTHER_WRITER_PAUSE_MS));
    },
  );
  if (options.autoSync) sync.start();

  port.on('message', (message: ToDataThread) => {
    if (message.type === 'call') {
      void dispatch(handlers, message.name, message.input).then((result) =>
        post({ type: 'reply', id: message.id, result }),
      );
    } else if (message.type === 'online') {
      sync.online();
    } else {
      sync.stop();
      db.close();
      post({ type: 'closed' });
      port.close();
    }
  });
  post({ type: 'ready' });
}
