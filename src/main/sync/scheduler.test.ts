import { describe, expect, it } from 'vitest';
import { createSyncScheduler, type SchedulerTimers } from './scheduler';

/** Timers that never fire by themselves: the test decides when time passes. */
function manualTimers(): SchedulerTimers & { fire(): void } {
  let pending: (() => void) | null = null;
  return {
    set: (fn) => {
      pending = fn;
      return fn;
    },
    clear: () => (pending = null),
    fire: () => {
      const fn = pending;
      pending = null;
      fn?.();
    },
  };
}

describe('sync scheduler: who asked', () => {
  it('tells the run whether someone asked for it, so only "Sync now" overrides a metered connection', async () => {
    const asked: boolean[] = [];
    const timers = manualTimers();
    let release: () => void = () => undefined;
    const scheduler = createSyncScheduler({
      run: ({ asked: wasAsked }) => {
        asked.push(wasAsked);
        return new Promise<void>((resolve) => (release = resolve));
      },
      isOffline: () => false,
      timers,
    });
    scheduler.trigger('start');
    release();
    await scheduler.idle();
    scheduler.trigger('online');
    release();
    await scheduler.idle();
    timers.fire();
    release();
    await scheduler.idle();
    expect(asked).toEqual([false, false, false]);

    // Asked while a sync runs: the run queued after it is the one asked for, once.
    scheduler.trigger('timer');
    scheduler.trigger('manual');
    release();
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await scheduler.idle();
    timers.fire();
    release();
    await scheduler.idle();
    expect(asked).toEqual([false, false, false, false, true, false]);
    scheduler.stop();
  });
});

describe('sync scheduler: stopping', () => {
  it('tells whoever waits after a stop that the running sync has ended, when it ends', async () => {
    let release: () => void = () => undefined;
    const scheduler = createSyncScheduler({
      run: () => new Promise<void>((resolve) => (release = resolve)),
      isOffline: () => false,
      timers: manualTimers(),
    });
    scheduler.trigger('start');
    // Another run asked for while this one goes on: it never starts once stopped.
    scheduler.trigger('online');
    let endedBefore = false;
    const before = scheduler.idle().then(() => (endedBefore = true));
    scheduler.stop();
    let ended = false;
    const idle = scheduler.idle().then(() => (ended = true));
    await new Promise((resolve) => setImmediate(resolve));
    // Neither who waited before the stop nor who waits after it is told while the run goes on.
    expect([endedBefore, ended]).toEqual([false, false]);
    release();
    await Promise.all([before, idle]);
    expect([endedBefore, ended]).toEqual([true, true]);
    expect(scheduler.state().running).toBe(false);
    await scheduler.idle();
  });
});
