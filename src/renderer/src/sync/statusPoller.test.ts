import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller } from './statusPoller';

interface Pending {
  resolve: (value: number) => void;
  reject: (error: unknown) => void;
}

function setUp(isPaused = () => false) {
  const requests: Pending[] = [];
  const values: number[] = [];
  const errors: unknown[] = [];
  const poller = createPoller<number>({
    load: () => new Promise<number>((resolve, reject) => requests.push({ resolve, reject })),
    onValue: (value) => values.push(value),
    onError: (error) => errors.push(error),
    intervalMs: 2_000,
    isPaused,
  });
  return { poller, requests, values, errors };
}

/** Lets the promise callbacks of an answered request run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('createPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls at start, then once per interval after each answer', async () => {
    const { poller, requests, values } = setUp();
    poller.start();
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(1);
    requests[0]!.resolve(1);
    await settle();
    expect(values).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    poller.stop();
  });

  it('never has two requests in flight: pollNow during one asks again right after it', async () => {
    const { poller, requests } = setUp();
    poller.start();
    poller.pollNow();
    poller.pollNow();
    expect(requests).toHaveLength(1);
    requests[0]!.resolve(1);
    await settle();
    expect(requests).toHaveLength(2);
    poller.stop();
  });

  it('drops answers to polls asked before a pushed value', async () => {
    const { poller, requests, values } = setUp();
    poller.start();
    poller.push(5);
    requests[0]!.resolve(1);
    await settle();
    expect(values).toEqual([5]);
    poller.stop();
  });

  it('reports failures and keeps polling', async () => {
    const { poller, requests, errors } = setUp();
    poller.start();
    requests[0]!.reject(new Error('gone'));
    await settle();
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(requests).toHaveLength(2);
    poller.stop();
  });

  it('stays quiet while paused until asked again, and after stop', async () => {
    let paused = true;
    const { poller, requests, values } = setUp(() => paused);
    poller.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(0);
    paused = false;
    poller.pollNow();
    expect(requests).toHaveLength(1);
    poller.stop();
    requests[0]!.resolve(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(values).toEqual([]);
    expect(requests).toHaveLength(1);
  });
});
