import type { SyncStatus } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { countOpenConflicts } from './conflicts';
import { enrollDevice, type EnrollInput } from './enroll';
import { pendingCount } from './outbox';
import { runSync, type SyncProgress, type SyncSummary } from './run';
import { createSyncScheduler, type SchedulerTimers, type SyncScheduler } from './scheduler';
import { fileSecretStore, isSealed, type SecretStore } from './secrets';
import { getSyncState, saveToken, updateSyncState, type SyncState } from './state';
import { httpTransport, SyncTransportError, type SyncTransport } from './transport';

export interface SyncServiceOptions {
  db: Db;
  now: () => Date;
  transportFor?: (serverUrl: string, token?: string) => SyncTransport;
  timers?: SchedulerTimers;
  random?: () => number;
  /** How the sync token is kept: the app's keystore, else as it is in the (0600) chapter file. */
  secrets?: SecretStore;
  /**
   * Sync by itself (at start, after edits, periodically, with retries): the app and browser mode.
   * Off for one-shot commands and tests, where only an explicit request syncs.
   */
  autoSync?: boolean;
  /**
   * Resolves once the file's long writers (an import saving on its own thread) are done: the data
   * thread waits for them before each sync, whose writes would otherwise be refused meanwhile.
   */
  writersDone?: () => Promise<void>;
}

export interface SyncService {
  status(): SyncStatus;
  /** Starts a sync now and returns at once with the status; the UI follows it with status(). */
  syncNow(): SyncStatus;
  enroll(input: EnrollInput): Promise<SyncStatus>;
  /** Called after every local write: syncs a few seconds later, batching a burst of edits. */
  localChange(): void;
  /** Called when the system reports the network is back. */
  online(): void;
  start(): void;
  stop(): void;
  idle(): Promise<void>;
  /** One full sync, awaited: for the CLI and tests. */
  runOnce(): Promise<SyncSummary>;
}

/** What went wrong with an enrolment, said next to the field the secretary can fix. */
function enrolmentError(error: unknown): unknown {
  if (!(error instanceof SyncTransportError)) return error;
  if (error.code === 'NETWORK') {
    const message = 'Cannot reach the server at this address. Check it, and that this laptop is online.';
    return new AppError('UNREACHABLE', message, { fields: [{ field: 'serverUrl', message }] });
  }
  if (error.code === 'UNAUTHORISED' || error.code === 'VALIDATION' || error.code === 'NOT_FOUND') {
    const message = error.message || 'This code is not valid: it may be mistyped, used already or expired.';
    return new AppError('VALIDATION', message, { fields: [{ field: 'code', message }] });
  }
  return new AppError('INTERNAL', `The server refused: ${error.message}`);
}

const defaultTransportFor = (serverUrl: string, token?: string) =>
  httpTransport({ baseUrl: serverUrl, token });

const TOKEN_UNREADABLE: Record<SecretStore['kind'], string> = {
  file:
    "The sync token in this chapter file was sealed by the ChapterDesk app with this computer's keystore, " +
    'which is not available here. Sync from the app, or ask your administrator to revoke this ' +
    "laptop's old access and connect again with a new code.",
  keystore:
    "This computer's keystore cannot open the sync token in this chapter file: it was sealed on another " +
    "computer or user account, or the keyring has changed. Ask your administrator to revoke this laptop's " +
    'old access, then connect again with a new code.',
};

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { db, now } = options;
  const transportFor = options.transportFor ?? defaultTransportFor;
  const autoSync = options.autoSync ?? true;
  const secrets = options.secrets ?? fileSecretStore;
  let progress: SyncProgress | null = null;

  function tokenOf(state: SyncState): string {
    const token = secrets.reveal(state.token);
    if (token === null) {
      const error = new SyncTransportError('UNAUTHORISED', TOKEN_UNREADABLE[secrets.kind]);
      updateSyncState(db, { lastErrorCode: error.code, lastError: error.message });
      throw error;
    }
    // A token stored in the clear (by the command line, or before a keystore) is sealed at its first use.
    if (secrets.kind === 'keystore' && !isSealed(state.token)) saveToken(db, secrets.protect(token));
    return token;
  }

  async function runOnce(): Promise<SyncSummary> {
    const state = getSyncState(db);
    if (!state)
      throw new SyncTransportError('NOT_ENROLLED', 'This laptop is not connected to a sync server yet.');
    const token = tokenOf(state);
    try {
      return await runSync({
        db,
        now,
        transport: transportFor(state.serverUrl, token),
        onProgress: (p) => (progress = p),
      });
    } finally {
      progress = null;
    }
  }

  const scheduler: SyncScheduler = createSyncScheduler({
    run: async () => {
      await options.writersDone?.();
      if (getSyncState(db)) await runOnce();
    },
    isOffline: (error) => error instanceof SyncTransportError && error.code === 'NETWORK',
    timers: options.timers,
    random: options.random,
  });

  function status(): SyncStatus {
    const state = getSyncState(db);
    const schedule = scheduler.state();
    const openConflicts = countOpenConflicts(db);
    const heldChanges = (statement(db, `SELECT count(*) AS n FROM held_changes`).get() as { n: number }).n;
    const base = {
      serverUrl: state?.serverUrl ?? null,
      pending: pendingCount(db),
      lastSyncAt: state?.lastSyncAt ?? null,
      progress,
      nextAttemptAt: schedule.nextAttemptAt ? new Date(schedule.nextAttemptAt).toISOString() : null,
      openConflicts,
      heldChanges,
    };
    if (!state) return { ...base, state: 'not-enrolled', error: null };
    if (schedule.running) return { ...base, state: 'syncing', error: null };
    if (state.lastErrorCode) {
      return {
        ...base,
        state: schedule.offline ? 'offline' : 'error',
        error: { code: state.lastErrorCode, message: state.lastError ?? '' },
      };
    }
    return { ...base, state: 'idle', error: null };
  }

  return {
    status,
    syncNow() {
      scheduler.trigger('manual');
      return status();
    },
    async enroll(input) {
      await enrollDevice({ db, now, transportFor, secrets }, input).catch((error: unknown) => {
        throw enrolmentError(error);
      });
      if (autoSync) scheduler.trigger('manual');
      return status();
    },
    localChange: () => {
      if (autoSync) scheduler.trigger('edit');
    },
    online: () => {
      if (autoSync) scheduler.trigger('online');
    },
    start: () => {
      if (autoSync) scheduler.trigger('start');
    },
    stop: () => scheduler.stop(),
    idle: () => scheduler.idle(),
    async runOnce() {
      await scheduler.idle();
      return runOnce();
    },
  };
}
