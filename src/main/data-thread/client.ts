import { MessageChannel, type Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type Result } from '../../shared/errors';
import type { SecretStore } from '../sync/secrets';
import { startThread } from '../threads';
import type { DataThreadOptions, FromDataThread, ToDataThread } from './protocol';
import { serveSecrets } from './secrets';
import { serveUpdater } from '../updates/bridge';
import type { Updater } from '../updates/updater';

/** The one way the Electron main process and browser mode reach the chapter file. */
export interface DataThread {
  /** Runs one contract operation on the data thread; its Result, as dispatch() gives it. */
  call(name: unknown, input: unknown): Promise<Result<unknown>>;
  /** The network came back: sync soon. */
  online(): void;
  /** Stops sync, closes the database and ends the thread (an import still running ends with it, unsaved). */
  close(): Promise<void>;
}

export interface StartDataThreadOptions {
  dbPath: string;
  nativeBinding?: string;
  autoSync: boolean;
  /** The desktop app's keystore store; without one the token stays in the chapter file. */
  secrets?: SecretStore;
  /** Told of each thread started on the file (the first, and one after each crash): for diagnostics. */
  onThread?: (worker: Worker) => void;
  /** The app's version, and its updater (desktop app) or an update feed's URL (browser mode). */
  updates?: { version: string; updater?: Updater; feedUrl?: string };
}

const stopped: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'The app stopped working with its data. Restart it; nothing was lost.',
  },
};

/**
 * Starts the data thread on a chapter file; rejects as the file's opening failed (DB_TOO_NEW…).
 * A thread that ends by itself afterwards (a crash) is replaced at the next call: the calls it was
 * running are answered as stopped, never sent again, since they may have been saved.
 */
export function startDataThread(options: StartDataThreadOptions): Promise<DataThread> {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let live: Worker | null = null;
  let starting: Promise<Worker> | null = null;
  let closing: (() => void) | null = null;
  let closed = false;

  function launch(): Promise<Worker> {
    const keystore = options.secrets?.kind === 'keystore' ? serveSecrets(options.secrets) : null;
    const updaterChannel = options.updates?.updater ? new MessageChannel() : null;
    if (updaterChannel && options.updates?.updater)
      serveUpdater(options.updates.updater, updaterChannel.port1);
    const workerData: DataThreadOptions = {
      dbPath: options.dbPath,
      nativeBinding: options.nativeBinding,
      autoSync: options.autoSync,
      secrets: keystore ? 'keystore' : 'file',
      secretsBridge: keystore?.end,
      updates: options.updates && {
        version: options.updates.version,
        feedUrl: options.updates.feedUrl,
        port: updaterChannel?.port2,
      },
    };
    const worker = startThread(import.meta.url, './thread.ts', 'data-thread.js', {
      workerData,
      transferList: [
        ...(keystore ? [keystore.end.port] : []),
        ...(updaterChannel ? [updaterChannel.port2] : []),
      ],
    });
    options.onThread?.(worker);
    return new Promise<Worker>((resolve, reject) => {
      let ready = false;
      worker.on('error', (error) => {
        if (!ready) reject(error);
      });
      worker.on('exit', () => {
        keystore?.close();
        for (const answer of pending.values()) answer(stopped);
        pending.clear();
        if (live === worker) live = null;
        starting = null;
        if (!ready) {
          reject(new AppError('INTERNAL', 'The data thread stopped before it opened the chapter file.'));
        } else if (closing) {
          closed = true;
          closing();
        }
      });
      worker.on('message', (message: FromDataThread) => {
        if (message.type === 'reply') {
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
        } else if (message.type === 'failed') {
          reject(new AppError(message.error.code as ErrorCode, message.error.message));
          void worker.terminate();
        } else if (message.type === 'closed') {
          void worker.terminate();
        } else {
          ready = true;
          live = worker;
          resolve(worker);
        }
      });
    });
  }

  /** The running thread, or a new one when the last one crashed. */
  function thread(): Promise<Worker> {
    if (live) return Promise.resolve(live);
    starting ??= launch();
    return starting;
  }

  const send = (worker: Worker, message: ToDataThread) => worker.postMessage(message);

  return thread().then((): DataThread => ({
    async call(name, input) {
      if (closed || closing) return stopped;
      let worker: Worker;
      try {
        worker = await thread();
      } catch (error) {
        // The file could not be opened again (it was removed, or a newer version wrote it): the
        // next call tries again, and this one says why.
        return error instanceof AppError
          ? { ok: false, error: { code: error.code, message: error.message } }
          : stopped;
      }
      const id = nextId++;
      return new Promise((answer) => {
        pending.set(id, answer);
        send(worker, { type: 'call', id, name, input });
      });
    },
    online: () => {
      if (live && !closing) send(live, { type: 'online' });
    },
    close() {
      if (closed || closing) return Promise.resolve();
      if (!live && !starting) {
        closed = true;
        return Promise.resolve();
      }
      return new Promise<void>((done) => {
        closing = done;
        thread().then(
          (worker) => send(worker, { type: 'close' }),
          // A replacement that could not open the file has nothing left to close.
          () => {
            closed = true;
            done();
          },
        );
      });
    },
  }));
}
