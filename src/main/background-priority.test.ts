import { platform } from 'node:os';
import { describe, expect, it } from 'vitest';
import { threadNice } from './background-priority.test-support';
import { startThread } from './threads';

describe.runIf(platform() === 'linux')('background priority', () => {
  it('lowers only the thread that asks, never the thread that answers the screens', async () => {
    const before = threadNice();
    expect(before).toBeLessThanOrEqual(9);
    const worker = startThread(import.meta.url, './background-priority.fixture.ts', 'unused.js', {});
    const reply = await new Promise<{ lowered: boolean; nice: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(reply).toEqual({ lowered: true, nice: before + 10 });
    expect(threadNice()).toBe(before);
  });
});
