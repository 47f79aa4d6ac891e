/**
 * The data thread: the one place the app's connection to the chapter file lives. It runs every
 * contract operation through dispatch() and the background sync, so the Electron main process and
 * browser mode only forward operations here and never wait on SQLite themselves. Imports still run
 * on a thread of their own, started from here (imports/jobs.ts). Automatic backups are made here
 * too (daily and before imports), and a restore closes and reopens the file here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackupRestoreInput, RestoreResult } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { problem } from '../../shared/problems';
import { OPERATIONS } from '../../shared/operations';
import { dispatch } from '../api/dispatch';
import { createHandlers, type Handlers } from '../api/handlers';
import { openDatabase, type Db } from '../db/open';
import { backedUpBeforeImports } from '../services/backup/before-imports';
import { backupFolder, backupPath, listBackups } from '../services/backup/folder';
import {
  abandonRestore,
  commitRestore,
  prepareRestore,
  type RestoreSource,
} from '../services/backup/restore';
import { createBackupService, newestGoodBackup, type BackupService } from '../services/backup/service';
import { collectDiagnostics } from '../services/diagnostics/export';
import { openAppLog } from '../services/diagnostics/log';
import { runtimeFields } from '../services/diagnostics/runtime';
import { importsDone } from '../services/imports/jobs';
import { fileSecretStore } from '../sync/secrets';
import { createSyncService, type SyncService } from '../sync/service';
import { createOperationLog } from './logged';
import type { DataThreadOptions, FromDataThread, ToDataThread } from './protocol';
import { bridgedSecretStore } from './secrets';
import { threadUpdater, threadUpdates } from './updates';
import { queueBehindWriters } from './writers';
import type { UpdateController } from '../updates/controller';
import { createNearbyPeers, type NearbyPeers } from '../sync/peer/nearby';

/**
 * How long this thread lets SQLite wait for another connection's write lock before giving up the
 * attempt: short, because every operation queued behind it waits too. A refused operation waits
 * for the writer without blocking (writers.ts); sync waits for this file's imports before it
 * starts, and if refused all the same, tries again on its backoff.
 */
const BUSY_WAIT_MS = 20;
/** Before trying again after a writer that is not one of this thread's imports (another process). */
const OTHER_WRITER_PAUSE_MS = 100;
/** The daily backup is looked at soon after the file opens, then every hour (service.ts decides). */
const FIRST_BACKUP_CHECK_MS = 10_000;
const BACKUP_CHECK_MS = 60 * 60_000;

const port = parentPort!;
const options = workerData as DataThreadOptions;
const post = (message: FromDataThread) => port.postMessage(message);
const now = () => new Date();
const secrets =
  options.secrets === 'keystore' && options.secretsBridge
    ? bridgedSecretStore(options.secretsBridge)
    : fileSecretStore;
/** The rotating log beside the chapter file (logs/): ids, counts and codes only. */
const log = openAppLog({ dbPath: options.dbPath, now });
const logOperation = createOperationLog(log);
const dispatchLogger = {
  error(message: string, error: unknown) {
    console.error(message, error);
    log.error('operation.failed', error);
  },
};

interface Session {
  db: Db;
  sync: SyncService;
  backups: BackupService;
  handlers: Handlers;
  timers: NodeJS.Timeout[];
  updates: UpdateController;
  peers: NearbyPeers;
}

/** The open chapter, or null while the file is damaged (recovery: only backups answer). */
let session: Session | null = null;
let damage: string | null = null;
/** Operations running now; a restore waits for the others to end before it closes the file. */
let running = 0;
/** The app's updater lives as long as the thread; each opening of the file drives it anew. */
const updater = threadUpdater(options, () => session?.db ?? null);
/** Set while a restore puts a file in place: operations that arrive meanwhile wait for it. */
let restoring: Promise<void> | null = null;

function openSession(): Session {
  const db = openDatabase(options.dbPath, {
    nativeBinding: options.nativeBinding,
    onOpened: (found, reached) => {
      const event =
        found === 0 ? 'chapter.created' : found === reached ? 'chapter.opened' : 'chapter.migrated';
      log.info(event, { from: found, schema: reached });
    },
  });
  db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
  const sync = createSyncService({
    db,
    now,
    autoSync: options.autoSync,
    secrets,
    writersDone: () => importsDone(db),
    onRun: (outcome) => {
      const bytes = { sent: outcome.bytes.sent, received: outcome.bytes.received };
      if (outcome.ok) log.info('sync.done', { ...outcome.summary, ...bytes });
      else log.error('sync.failed', outcome.error, bytes);
    },
  });
  const updates = threadUpdates(options, updater, db, sync);
  const peers = createNearbyPeers({ db, now });
  const backups = createBackupService({
    db,
    dbPath: options.dbPath,
    now,
    nativeBinding: options.nativeBinding,
  });
  const queued = queueBehindWriters(
    db,
    backedUpBeforeImports(
      createHandlers(db, { now, sync, nativeBinding: options.nativeBinding, restore, updates, peers }),
      () => backups,
    ),
    async () => {
      await importsDone(db);
      await new Promise((resolve) => setTimeout(resolve, OTHER_WRITER_PAUSE_MS));
    },
  );
  // A restore acts outside the file and closes it: never run again as a write refused by a lock.
  const handlers = { ...queued, 'backup.restore': restore };
  const daily = () => {
    backups.dailyIfDue().then(
      (made) => made && log.info('backup.made', { kind: made.kind, bytes: made.bytes }),
      (error: unknown) => {
        console.error('The daily backup failed', error);
        log.error('backup.failed', error, { kind: 'daily' });
      },
    );
  };
  const timers = [setTimeout(daily, FIRST_BACKUP_CHECK_MS), setInterval(daily, BACKUP_CHECK_MS)];
  for (const timer of timers) timer.unref();
  if (options.autoSync) {
    sync.start();
    updates.start();
  }
  return { db, sync, backups, handlers, timers, updates, peers };
}

function closeSession(current: Session): void {
  for (const timer of current.timers) clearTimeout(timer);
  current.sync.stop();
  current.updates.stop();
  // A laptop still waiting for another one stops: what it would exchange is the file being closed.
  current.peers.cancel().catch((error: unknown) => log.error('peer.cancel.failed', error));
  current.db.close();
}

/** Opens the chapter file; a damaged one puts the thread in recovery instead (other failures throw). */
function reopen(): void {
  try {
    session = openSession();
    damage = null;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'DB_DAMAGED')) throw error;
    log.error('chapter.damaged', error);
    session = null;
    damage = error.message;
  }
}

function damagedError(): AppError {
  return new AppError('DB_DAMAGED', damage ?? 'The chapter file is damaged.');
}

/**
 * While the file is damaged: every operation says so, but backups can be listed and restored, and
 * diagnostics exported.
 */
function recoveryHandlers(): Handlers {
  const refuse = () => {
    throw damagedError();
  };
  const handlers = Object.fromEntries(OPERATIONS.map((name) => [name, refuse])) as unknown as Handlers;
  return {
    ...handlers,
    'backup.list': () => ({ backups: listBackups(options.dbPath), folder: backupFolder(options.dbPath) }),
    'backup.recovery': () => ({
      damaged: true,
      message: damagedError().message,
      newestGood: newestGoodBackup(options.dbPath, options.nativeBinding),
      folder: backupFolder(options.dbPath),
    }),
    'backup.restore': restore,
    // What support most needs to see is a damaged file's log: everything but the file itself.
    'diagnostics.export': () => collectDiagnostics({ db: null, dbPath: options.dbPath, now }),
  };
}

function sourceOf(input: BackupRestoreInput): RestoreSource {
  if ('name' in input) {
    const path = backupPath(options.dbPath, input.name);
    if (!path) {
      throw new AppError('NOT_FOUND', `There is no backup called ${input.name}.`, {
        problem: problem('BACKUP_NOT_FOUND'),
      });
    }
    return { path, label: input.name };
  }
  return { bytes: Buffer.from(input.contentBase64, 'base64'), label: input.fileName };
}

/** Until sync, imports and every other operation (but the restore asking) have finished. */
async function quiet(current: Session): Promise<void> {
  current.sync.stop();
  await current.sync.idle();
  await importsDone(current.db);
  while (running > 1) await new Promise((resolve) => setTimeout(resolve, 10));
}

/**
 * Replaces the chapter file by a backup (services/backup/restore.ts): operations arriving meanwhile
 * wait; sync, imports and running operations finish first, so nothing writes to the file being
 * replaced after it was checked. The file opens again afterwards, even when the restore failed.
 */
async function restore(input: BackupRestoreInput): Promise<RestoreResult> {
  let done!: () => void;
  restoring = new Promise((resolve) => (done = resolve));
  let closed = false;
  try {
    if (session) await quiet(session);
    const prepared = prepareRestore({
      dbPath: options.dbPath,
      source: sourceOf(input),
      confirmUnsynced: input.confirmUnsynced ?? false,
      nativeBinding: options.nativeBinding,
      now,
    });
    if (session) closeSession(session);
    session = null;
    closed = true;
    try {
      return await commitRestore(prepared);
    } catch (error) {
      abandonRestore(prepared);
      throw error;
    }
  } finally {
    if (closed) reopen();
    else if (session && options.autoSync) session.sync.start();
    restoring = null;
    done();
  }
}

function currentHandlers(): Handlers {
  return session ? session.handlers : recoveryHandlers();
}

log.info('start', runtimeFields());
try {
  reopen();
} catch (error) {
  log.error('start.failed', error);
  post({
    type: 'failed',
    error:
      error instanceof AppError
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
  });
}

if (session || damage !== null) {
  port.on('message', (message: ToDataThread) => {
    if (message.type === 'call') {
      void (async () => {
        while (restoring) await restoring;
        running++;
        try {
          const result = await dispatch(currentHandlers(), message.name, message.input, dispatchLogger);
          logOperation(message.name, message.input, result);
          return result;
        } finally {
          running--;
        }
      })().then((result) => post({ type: 'reply', id: message.id, result }));
    } else if (message.type === 'online') {
      session?.sync.online();
      session?.updates.online();
    } else {
      if (session) closeSession(session);
      session = null;
      post({ type: 'closed' });
      port.close();
    }
  });
  post({ type: 'ready' });
}
