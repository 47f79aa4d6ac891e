import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/domain';
import { INITIAL_SYNC_STATE, withFailure, withStatus } from './syncStatusState';

const status: SyncStatus = {
  state: 'idle',
  serverUrl: 'https://sync.example.org',
  pending: 0,
  lastSyncAt: '2025-03-10T11:55:00.000Z',
  error: null,
  progress: null,
  nextAttemptAt: null,
  openConflicts: 0,
  heldChanges: 0,
  network: { metered: false, monthlyBudgetBytes: null, largePushBytes: 1_000_000 },
  meteredWait: null,
  traffic: { sinceStart: { sent: 0, received: 0 }, thisMonth: { sent: 0, received: 0 }, lastSync: null },
};

describe('withStatus', () => {
  it('keeps the same state object when nothing changed', () => {
    const first = withStatus(INITIAL_SYNC_STATE, status);
    expect(withStatus(first, { ...status })).toBe(first);
  });

  it('counts a round when a sync finishes, but not for the first status seen', () => {
    const first = withStatus(INITIAL_SYNC_STATE, status);
    expect(first.rounds).toBe(0);
    const pending = withStatus(first, { ...status, pending: 2 });
    expect(pending.rounds).toBe(0);
    const synced = withStatus(pending, { ...status, lastSyncAt: '2025-03-10T12:00:00.000Z' });
    expect(synced.rounds).toBe(1);
  });

  it('clears a failure when an answer comes back, even an unchanged one', () => {
    const failed = withFailure(withStatus(INITIAL_SYNC_STATE, status));
    expect(failed.failed).toBe(true);
    expect(withFailure(failed)).toBe(failed);
    expect(withStatus(failed, status).failed).toBe(false);
  });
});
