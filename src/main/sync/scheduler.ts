/**
 * When to sync, independent of how: at start, a few seconds after local edits, when the network
 * comes back, on demand, and periodically; after a failure it retries with exponential backoff and
 * jitter so a hundred laptops coming back online do not knock on the server at the same moment.
 * One sync at a time; a request during a sync runs one more right after it.
 */
export interface SchedulerTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SchedulerOptions {
  /** `asked`: someone asked for this sync ("Sync now"), which goes ahead on a metered connection. */
  run: (reason: { asked: boolean }) => Promise<void>;
  /** Whether an error means "no connection" (retry quietly) rather than a problem to show. */
  isOffline: (error: unknown) => boolean;
  onChange?: () => void;
  timers?: SchedulerTimers;
  random?: () => number;
  nowMs?: () => number;
  editDelayMs?: number;
  periodMs?: number;
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export type SyncTrigger = 'start' | 'edit' | 'online' | 'manual' | 'timer';

export interface SchedulerState {
  running: boolean;
  failures: number;
  lastError: unknown;
  offline: boolean;
  nextAttemptAt: number | null;
}

export interface SyncScheduler {
  trigger(reason: SyncTrigger): void;
  state(): SchedulerState;
  stop(): void;
  /** Resolves when no sync is running or queued (for tests and orderly shutdown). */
  idle(): Promise<void>;
}

const defaultTimers: SchedulerTimers = {
  set: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const timers = options.timers ?? defaultTimers;
  const random = options.random ?? Math.random;
  const nowMs = options.nowMs ?? Date.now;
  const editDelayMs = options.editDelayMs ?? 3_000;
  const periodMs = options.periodMs ?? 5 * 60_000;
  const firstRetryMs = options.firstRetryMs ?? 5_000;
  const maxRetryMs = options.maxRetryMs ?? 15 * 60_000;

  const state: SchedulerState = {
    running: false,
    failures: 0,
    lastError: null,
    offline: false,
    nextAttemptAt: null,
  };
  let timer: unknown = null;
  let again = false;
  /** A manual request not yet served: the next run was asked for, even if it starts later. */
  let asked = false;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  function schedule(ms: number): void {
    if (timer !== null) timers.clear(timer);
    state.nextAttemptAt = nowMs() + ms;
    timer = timers.set(() => {
      timer = null;
      state.nextAttemptAt = null;
      void runOnce();
    }, ms);
  }

  function retryDelay(): number {
    const exponential = Math.min(maxRetryMs, firstRetryMs * 2 ** Math.min(state.failures - 1, 20));
    return Math.round(exponential * (0.5 + random() / 2));
  }

  async function runOnce(): Promise<void> {
    if (stopped) return;
    if (state.running) {
      again = true;
      return;
    }
    state.running = true;
    options.onChange?.();
    const wasAsked = asked;
    asked = false;
    try {
      await options.run({ asked: wasAsked });
      state.failures = 0;
      state.lastError = null;
      state.offline = false;
    } catch (error) {
      state.failures++;
      state.lastError = error;
      state.offline = options.isOffline(error);
    } finally {
      state.running = false;
    }
    // Stopped while this run went on: whoever waits for the sync to end (a restore closing the
    // file) is told now, as no run follows.
    if (stopped) {
      settleIdle();
      return;
    }
    if (again) {
      again = false;
      void runOnce();
      return;
    }
    schedule(state.failures > 0 ? retryDelay() : periodMs);
    options.onChange?.();
    settleIdle();
  }

  function settleIdle(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  return {
    trigger(reason) {
      if (stopped) return;
      if (reason === 'edit') {
        if (!state.running) schedule(editDelayMs);
        else again = true;
        return;
      }
      if (reason === 'manual') asked = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
      state.nextAttemptAt = null;
      void runOnce();
    },
    state: () => ({ ...state }),
    stop() {
      stopped = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
      // A run going on settles its waiters when it ends; none is going on, so none will.
      if (!state.running) settleIdle();
    },
    idle() {
      // A run queued behind the current one never starts once stopped.
      if (!state.running && (stopped || !again)) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
