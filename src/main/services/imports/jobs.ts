import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { problem } from '../../../shared/problems';
import type { Db } from '../../db/open';
import { startThread } from '../../threads';
import { createWriteContexts, resetDeviceClock } from '../device/device';
import { jobFailure } from './errors';
import { runImport, type ImportProgress, type ImportRequest, type ImportResult } from './job';
import type { ImportWorkerInput, ImportWorkerMessage } from './worker';

export type ImportJobState =
  | { state: 'running'; progress: ImportProgress | null }
  | { state: 'done'; result: ImportResult }
  | { state: 'failed'; error: { code: string; message: string } }
  | { state: 'cancelled' };

export interface ImportJobs {
  start(request: ImportRequest): string;
  get(jobId: string): ImportJobState;
  cancel(jobId: string): ImportJobState;
  /** Resolves when the job has ended (tests, the CLI). */
  settled(jobId: string): Promise<ImportJobState>;
}

/**
 * V8 lets a heap grow up to four times what survived its last full collection when the heap may
 * reach 2 GB or more, and at most twice below that; an import allocates far faster than it keeps,
 * so the limit sits just below 2 GB (measured before the collections between steps: a 100,000-row
 * file's heap peaked at 250-340 MB under the default limit, ~190 MB under this one, no slower).
 * The young generation (48 MB by default) is capped too: the rows an import keeps outlive it
 * anyway, and what dies young dies within a row; the cap takes ~20 MB off the peak, no slower.
 * With both, the largest file accepted (99 MB, 560,000 rows) peaks at ~720 MB for the whole process.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 2000, maxYoungGenerationSizeMb: 8 };

let collectionsExposed = false;

/** The imports running on each database, whoever started them. */
const running = new WeakMap<Db, Set<Promise<void>>>();

/**
 * Resolves once no import started on this database is running: a write that an import's lock
 * refused can then be tried again (the data thread, data-thread/writers.ts).
 */
export async function importsDone(db: Db): Promise<void> {
  await Promise.all([...(running.get(db) ?? [])]);
}

/**
 * The worker runs a full garbage collection between an import's steps (see `fullCollection` in
 * worker.ts). V8 offers it only under --expose-gc, which a worker cannot be given, but a worker
 * started after the flag is set has it. Set here, on this thread, before the first worker: contexts
 * that already exist, this thread's included, keep no `gc`.
 */
function exposeCollections(): void {
  if (collectionsExposed) return;
  collectionsExposed = true;
  try {
    setFlagsFromString('--expose-gc');
  } catch {
    // Then imports run without collections between steps, with a higher peak.
  }
}

/**
 * Where the worker's code is: next to this module when running from source (through tsx), or the
 * `import-worker.js` entry that electron-vite builds next to the main bundle. The file goes over in
 * a buffer of its own that is transferred, not cloned: the caller keeps its bytes (the wizard
 * reuses them for the commit after a preview) and the file is copied once, not twice.
 */
function spawnWorker(input: ImportWorkerInput): Worker {
  exposeCollections();
  const worker = startThread(import.meta.url, './worker.ts', 'import-worker.js', {
    resourceLimits: WORKER_LIMITS,
  });
  const bytes = new Uint8Array(input.request.bytes);
  worker.postMessage({ ...input, request: { ...input.request, bytes } }, [bytes.buffer]);
  return worker;
}

/**
 * Imports running for one chapter database. A file database gets a worker thread per import; an
 * in-memory one (tests) runs the import in this thread, as it cannot be opened twice. When a job
 * ends, this process's clock is rebuilt so its next stamps come after the import's.
 */
export function createImportJobs(
  db: Db,
  now: () => Date,
  options: { nativeBinding?: string; maxKept?: number } = {},
): ImportJobs {
  const maxKept = options.maxKept ?? 5;
  const jobs = new Map<
    string,
    { state: ImportJobState; worker?: Worker; abort?: AbortController; ended: Promise<void>; end: () => void }
  >();
  const inMemory = db.memory || db.name === ':memory:';

  function finish(jobId: string, state: ImportJobState): void {
    const job = jobs.get(jobId);
    if (!job || job.state.state !== 'running') return;
    job.state = state;
    resetDeviceClock(db);
    job.end();
    const ids = [...jobs.keys()];
    for (const old of ids.slice(0, Math.max(0, ids.length - maxKept))) {
      if (jobs.get(old)?.state.state !== 'running') jobs.delete(old);
    }
  }

  function start(request: ImportRequest): string {
    const jobId = randomUUID();
    let end = () => undefined as void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    jobs.set(jobId, { state: { state: 'running', progress: null }, ended, end });
    const onDb = running.get(db) ?? new Set();
    running.set(db, onDb.add(ended));
    void ended.then(() => onDb.delete(ended));
    const onProgress = (progress: ImportProgress) => {
      const job = jobs.get(jobId);
      if (job?.state.state === 'running') job.state = { state: 'running', progress };
    };
    if (inMemory) {
      const abort = new AbortController();
      jobs.get(jobId)!.abort = abort;
      runImport(createWriteContexts(db, now)(), request, onProgress, abort.signal).then(
        (result) => finish(jobId, { state: 'done', result }),
        (error: unknown) =>
          finish(jobId, {
            state: 'failed',
            error: jobFailure(error),
          }),
      );
      return jobId;
    }
    const worker = spawnWorker({ dbPath: db.name, nativeBinding: options.nativeBinding, request });
    jobs.get(jobId)!.worker = worker;
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') finish(jobId, { state: 'done', result: message.result });
      else finish(jobId, { state: 'failed', error: message.error });
    });
    worker.on('error', () =>
      finish(jobId, {
        state: 'failed',
        error: { code: 'INTERNAL', message: 'The import stopped; nothing was changed.' },
      }),
    );
    worker.on('exit', () =>
      finish(jobId, {
        state: 'failed',
        error: { code: 'INTERNAL', message: 'The import stopped; nothing was changed.' },
      }),
    );
    return jobId;
  }

  function job(jobId: string) {
    const found = jobs.get(jobId);
    if (!found) {
      throw new AppError('NOT_FOUND', 'No such import in progress.', {
        problem: problem('IMPORT_JOB_NOT_FOUND'),
      });
    }
    return found;
  }

  return {
    start,
    get: (jobId) => job(jobId).state,
    cancel(jobId) {
      const found = job(jobId);
      if (found.state.state === 'running') {
        void found.worker?.terminate();
        found.abort?.abort();
        finish(jobId, { state: 'cancelled' });
      }
      return found.state;
    },
    async settled(jobId) {
      await job(jobId).ended;
      return job(jobId).state;
    },
  };
}
