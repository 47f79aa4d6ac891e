import { describe, expect, it } from 'vitest';
import { initialStatus, nextStatus, type UpdateEvent } from './machine';
import { inStagedRollout } from './staging';

const run = (...events: UpdateEvent[]) => events.reduce(nextStatus, initialStatus('0.1.0', true));
const found: UpdateEvent[] = [
  { type: 'check-started', at: '2026-12-01T09:00:00.000Z' },
  { type: 'check-found', version: '0.2.0', size: 1000 },
];
const want = (over: Partial<{ syncing: boolean; metered: boolean; asked: boolean }> = {}): UpdateEvent => ({
  type: 'download-wanted',
  syncing: false,
  metered: false,
  asked: false,
  ...over,
});

describe('the update state machine', () => {
  it('goes idle → checking → available → downloading → ready → restarting', () => {
    const states = [
      ...found,
      want(),
      { type: 'progress', transferred: 400, total: 1000 } as const,
      { type: 'downloaded' } as const,
      { type: 'restart-asked' } as const,
    ].reduce(
      (seen, event) => {
        const next = nextStatus(seen.status, event);
        return { status: next, states: [...seen.states, next.state] };
      },
      { status: initialStatus('0.1.0', true), states: [] as string[] },
    ).states;
    expect(states).toEqual(['checking', 'available', 'downloading', 'downloading', 'ready', 'restarting']);
  });

  it('never downloads during a sync: it waits, and goes on once the sync has ended', () => {
    const waiting = run(...found, want({ syncing: true }));
    expect(waiting.state).toBe('deferred-syncing');
    expect(nextStatus(waiting, { type: 'progress', transferred: 1, total: 1000 }).progress?.transferred).toBe(
      0,
    );
    expect(nextStatus(waiting, want()).state).toBe('downloading');
  });

  it('holds a download back on a metered connection until the secretary asks', () => {
    const held = run(...found, want({ metered: true }));
    expect(held.state).toBe('deferred-metered');
    expect(nextStatus(held, want({ metered: true })).state).toBe('deferred-metered');
    expect(nextStatus(held, want({ metered: true, asked: true })).state).toBe('downloading');
    // Asked, but a sync runs: it still waits for the sync.
    expect(nextStatus(held, want({ metered: true, asked: true, syncing: true })).state).toBe(
      'deferred-syncing',
    );
  });

  it('keeps the bytes of a dropped download and resumes from them', () => {
    const dropped = run(
      ...found,
      want(),
      { type: 'progress', transferred: 600, total: 1000 },
      { type: 'download-failed', failure: 'interrupted' },
    );
    expect(dropped).toMatchObject({ state: 'error', failure: 'interrupted', progress: { transferred: 600 } });
    const again = nextStatus(dropped, want());
    expect(again).toMatchObject({ state: 'downloading', failure: null, progress: { transferred: 600 } });
    // A new check that finds the same version keeps the part too.
    const rechecked = [{ type: 'check-started', at: 'x' } as const, found[1]!].reduce(nextStatus, dropped);
    expect(rechecked.progress?.transferred).toBe(600);
  });

  it('throws away a download that fails its checksum', () => {
    const corrupt = run(...found, want(), { type: 'download-failed', failure: 'corrupt' });
    expect(corrupt.progress).toBeNull();
    expect(nextStatus(corrupt, want()).state).toBe('error');
  });

  it('asks to restart only once ready', () => {
    for (const status of [
      run(),
      run(...found),
      run(...found, want()),
      run(...found, want({ syncing: true })),
      run(...found, want(), { type: 'download-failed', failure: 'interrupted' }),
    ]) {
      expect(nextStatus(status, { type: 'restart-asked' }).state).toBe(status.state);
    }
    expect(nextStatus(run(...found, want(), { type: 'downloaded' }), { type: 'restart-asked' }).state).toBe(
      'restarting',
    );
  });

  it('does not let a check interrupt a download or a ready update', () => {
    const downloading = run(...found, want());
    expect(nextStatus(downloading, { type: 'check-started', at: 'x' }).state).toBe('downloading');
    const ready = nextStatus(downloading, { type: 'downloaded' });
    expect(nextStatus(ready, { type: 'check-started', at: 'x' }).state).toBe('ready');
  });

  it('says up to date when nothing newer is offered, and why a check failed', () => {
    expect(run(found[0]!, { type: 'check-none' }).state).toBe('up-to-date');
    expect(run(found[0]!, { type: 'check-failed', failure: 'offline' })).toMatchObject({
      state: 'error',
      failure: 'offline',
    });
  });
});

describe('staged rollouts', () => {
  // Bytes 12–15 of the id decide, as electron-updater reads them.
  const at = (fraction: number) =>
    `00000000-0000-4000-8000-0000${Math.floor(fraction * 0xffffffff)
      .toString(16)
      .padStart(8, '0')}`;

  it('reaches the laptops whose id falls within the percentage', () => {
    expect(inStagedRollout(at(0.1), 20)).toBe(true);
    expect(inStagedRollout(at(0.3), 20)).toBe(false);
    expect(inStagedRollout(at(0.99), 100)).toBe(true);
    expect(inStagedRollout(at(0), 0)).toBe(false);
  });

  it('reaches every laptop without a percentage, as electron-updater does', () => {
    expect(inStagedRollout(at(0.9), undefined)).toBe(true);
    expect(inStagedRollout(at(0.9), 'not a number')).toBe(true);
  });
});
