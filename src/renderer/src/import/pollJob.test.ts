import { describe, expect, it, vi } from 'vitest';
import type { ImportJobView, ImportResultView } from '../../../shared/imports';
import { percentDone, pollJob, type PollOptions } from './pollJob';

const result = { dryRun: true } as ImportResultView;
const running = (processed: number): ImportJobView => ({
  state: 'running',
  progress: { phase: 'reading', processed, total: 10, rowsPerSecond: 5 },
});

function options(views: ImportJobView[], overrides: Partial<PollOptions> = {}) {
  const queue = [...views];
  const mocks = {
    fetchJob: vi.fn(async (): Promise<ImportJobView> => queue.shift() ?? { state: 'cancelled' }),
    wait: vi.fn(async (): Promise<void> => undefined),
    onProgress: vi.fn(),
  };
  return { mocks, options: { ...mocks, isCurrent: () => true, ...overrides } satisfies PollOptions };
}

describe('pollJob', () => {
  it('reports progress until the job is done, waiting between asks', async () => {
    const { mocks, options: opts } = options([
      { state: 'running', progress: null },
      running(4),
      { state: 'done', result },
    ]);
    await expect(pollJob('job', opts)).resolves.toEqual({ state: 'done', result });
    expect(mocks.onProgress.mock.calls).toEqual([
      [null],
      [{ phase: 'reading', processed: 4, total: 10, rowsPerSecond: 5 }],
    ]);
    expect(mocks.wait).toHaveBeenCalledTimes(2);
    expect(mocks.wait).toHaveBeenCalledWith(300);
    expect(mocks.fetchJob).toHaveBeenCalledWith('job');
  });

  it('returns a failure or a cancellation as it is', async () => {
    const failed: ImportJobView = { state: 'failed', error: { code: 'VALIDATION', message: 'Row 2: bad' } };
    await expect(pollJob('job', options([failed]).options)).resolves.toEqual(failed);
    const cancelled = options([running(1), { state: 'cancelled' }]).options;
    await expect(pollJob('job', cancelled)).resolves.toEqual({ state: 'cancelled' });
  });

  it('stops quietly once the caller has moved on', async () => {
    let current = true;
    const { mocks, options: opts } = options([running(1), running(2), { state: 'done', result }], {
      isCurrent: () => current,
      wait: async () => {
        current = false;
      },
    });
    await expect(pollJob('job', opts)).resolves.toBeNull();
    expect(mocks.fetchJob).toHaveBeenCalledTimes(1);
  });

  it('lets a failed request reject', async () => {
    const { options: opts } = options([], { fetchJob: () => Promise.reject(new Error('gone')) });
    await expect(pollJob('job', opts)).rejects.toThrow('gone');
  });
});

describe('percentDone', () => {
  it('is a whole percentage, and unknown before the total is', () => {
    expect(percentDone(null)).toBeNull();
    expect(percentDone({ phase: 'reading', processed: 0, total: 0, rowsPerSecond: 0 })).toBeNull();
    expect(percentDone({ phase: 'reading', processed: 1, total: 3, rowsPerSecond: 0 })).toBe(33);
    expect(percentDone({ phase: 'saving', processed: 3, total: 3, rowsPerSecond: 0 })).toBe(100);
  });
});
