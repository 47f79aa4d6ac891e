import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type Result } from '../../shared/errors';
import type { SecretStore } from '../sync/secrets';
import { startThread } from '../threads';
import type { DataThreadOptions, FromDataThread, ToDataThread } from './protocol';
import { serveSecrets } from './secrets';

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
}

const stopped: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'The app stopped working with its data. Restart it; nothing was lost.',
  },
};

/** Starts the data thread on a chapter file; rejects as the file's opening failed (DB_TOO_NEW…). */
export function startDataThread(options: StartDataThreadOptions): Promise<DataThread> {
  const keystore = options.secrets?.kind === 'keystore' ? serveSecrets(options.secrets) : null;
  const workerData: DataThreadOptions = {
    dbPath: options.dbPath,
    nativeBinding: options.nativeBinding,
    autoSync: options.autoSync,
    secrets: keystore ? 'keystore' : 'file',
    secretsBridge: keystore?.end,
  };
  const worker: Worker = startThread(import.meta.url, './thread.ts', 'data-thread.js', {
    workerData,
    transferList: keystore ? [keystore.end.port] : [],
  });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let running = true;
  const send = (message: ToDataThread) => worker.postMessage(message);

  return new Promise<DataThread>((resolve, reject) => {
    let closed: () => void = () => undefined;
    const ended = () => {
      running = false;
      keystore?.close();
      for (const answer of pending.values()) answer(stopped);
      pending.clear();
      closed();
    };
    worker.on('error', (error) => {
      ended();
      reject(error);
    });
    worker.on('exit', () => {
      ended();
      reject(new AppError('INTERNAL', 'The data thread stopped before it opened the chapter file.'));
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
        resolve({
          call(name, input) {
            if (!running) return Promise.resolve(stopped);
            const id = nextId++;
            return new Promise((answer) => {
              pending.set(id, answer);
              send({ type: 'call', id, name, input });
            });
          },
          online: () => {
            if (running) send({ type: 'online' });
          },
          close() {
            if (!running) return Promise.resolve();
            return new Promise<void>((done) => {
              closed = done;
              send({ type: 'close' });
            });
          },
        });
      }
    });
  });
}
