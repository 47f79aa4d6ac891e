import type { SyncStatus } from '../../shared/domain';
import type { ByteCount, MeteredWait, NetworkSettings } from '../../shared/network';
import { AppError, fieldError } from '../../shared/errors';
import { problem } from '../../shared/problems';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { countOpenConflicts } from './conflicts';
import { enrollDevice, type EnrollInput } from './enroll';
import { pendingCount } from './outbox';
import { runSync, type SyncProgress, type SyncSummary } from './run';
import { createSyncScheduler, type SchedulerTimers, type SyncScheduler } from './scheduler';
import { fileSecretStore, isSealed, type SecretStore } from './secrets';
import { getNetworkSettings, meteredDecision, setNetworkSettings } from './metered';
import { getSyncState, saveToken, updateSyncState, type SyncState } from './state';
import { recordTraffic, trafficFigures } from './traffic';
import { httpTransport, SyncTransportError, type SyncTransport } from './transport';

/** A transport to the server; `count` hears the bytes each request sends and receives. */
export type TransportFor = (
  serverUrl: string,
  token?: string,
  count?: (bytes: Partial<ByteCount>) => void,
) => SyncTransport;

export interface SyncServiceOptions {
  db: Db;
  now: () => Date;
  transportFor?: TransportFor;
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
  /** Told how each sync with the server ended, with the bytes it moved (for the app's log). */
  onRun?: (outcome: SyncRunOutcome) => void;
}

export type SyncRunOutcome =
  { ok: true; summary: SyncSummary; bytes: ByteCount } | { ok: false; error: unknown; bytes: ByteCount };

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
  /** This laptop's connection: metered or not, its budget; automatic sync follows it from now on. */
  setNetwork(settings: NetworkSettings): SyncStatus;
}

/** What went wrong with an enrolment, said next to the field the secretary can fix. */
function enrolmentError(error: unknown): unknown {
  if (!(error instanceof SyncTransportError)) return error;
  if (error.code === 'NETWORK') {
    const message = 'Cannot reach the server at this address. Check it, and that this laptop is online.';
    return fieldError('UNREACHABLE', 'serverUrl', message, problem('SERVER_UNREACHABLE'), message);
  }
  if (error.code === 'UNAUTHORISED' || error.code === 'VALIDATION' || error.code === 'NOT_FOUND') {
    const message = error.message || 'This code is not valid: it may be mistyped, used already or expired.';
    return fieldError('VALIDATION', 'code', message, problem('ENROL_CODE_REFUSED'), message);
  }
  return new AppError('INTERNAL', `The server refused: ${error.message}`, {
    problem: problem('SERVER_REFUSED'),
  });
}

const defaultTransportFor: TransportFor = (serverUrl, token, count) =>
  httpTransport({
    baseUrl: serverUrl,
    token,
    onBytesSent: (sent) => count?.({ sent }),
    onBytesReceived: (received) => count?.({ received }),
  });

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
  /** Why the last automatic sync held back on a metered connection, if it did. */
  let meteredWait: MeteredWait = null;

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

  async function runOnce(push = true): Promise<SyncSummary> {
    const state = getSyncState(db);
    if (!state)
      throw new SyncTransportError('NOT_ENROLLED', 'This laptop is not connected to a sync server yet.');
    const token = tokenOf(state);
    const bytes: ByteCount = { sent: 0, received: 0 };
    const count = (b: Partial<ByteCount>) => {
      bytes.sent += b.sent ?? 0;
      bytes.received += b.received ?? 0;
    };
    try {
      const summary = await runSync({
        db,
        now,
        transport: transportFor(state.serverUrl, token, count),
        onProgress: (p) => (progress = p),
        push,
      });
      options.onRun?.({ ok: true, summary, bytes });
      return summary;
    } catch (error) {
      options.onRun?.({ ok: false, error, bytes });
      throw error;
    } finally {
      progress = null;
      // A sync that failed half-way still spent what it sent and received.
      recordTraffic(db, 'server', bytes, now());
    }
  }

  const scheduler: SyncScheduler = createSyncScheduler({
    run: async ({ asked }) => {
      await options.writersDone?.();
      if (!getSyncState(db)) return;
      const decision = meteredDecision(db, now(), asked);
      meteredWait = decision.wait;
      if (decision.pull) await runOnce(decision.push);
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
      network: getNetworkSettings(db),
      meteredWait,
      traffic: trafficFigures(db, now()),
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
    setNetwork(settings) {
      setNetworkSettings(db, settings);
      // What held sync back may be gone (unmetered now, a larger budget): it looks again.
      if (meteredWait !== null && autoSync) scheduler.trigger('timer');
      return status();
    },
  };
}
