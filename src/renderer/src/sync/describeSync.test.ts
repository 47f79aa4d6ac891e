import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/domain';
import { describeSync } from './describeSync';

const idle: SyncStatus = {
  state: 'idle',
  serverUrl: 'https://sync.example.org',
  pending: 0,
  lastSyncAt: '2025-03-10T11:55:00.000Z',
  error: null,
  progress: null,
  nextAttemptAt: '2025-03-10T12:00:00.000Z',
  openConflicts: 0,
  heldChanges: 0,
  network: { metered: false, monthlyBudgetBytes: null, largePushBytes: 1_000_000 },
  meteredWait: null,
  traffic: { sinceStart: { sent: 0, received: 0 }, thisMonth: { sent: 0, received: 0 }, lastSync: null },
};
const failing = (code: string, message = 'It broke'): SyncStatus => ({
  ...idle,
  state: 'error',
  error: { code, message },
});

describe('describeSync', () => {
  it('asks to connect when there is no server', () => {
    const d = describeSync({ ...idle, state: 'not-enrolled', serverUrl: null, lastSyncAt: null });
    expect(d).toMatchObject({ headline: 'notEnrolled', enrolled: false, lastSyncAt: null });
  });

  it('is up to date only when nothing waits to be sent', () => {
    expect(describeSync(idle)).toMatchObject({ headline: 'upToDate', pending: 0, enrolled: true });
    expect(describeSync({ ...idle, pending: 3 })).toMatchObject({ headline: null, pending: 3 });
    expect(describeSync({ ...idle, state: 'not-enrolled', pending: 33 })).toMatchObject({
      headline: 'notEnrolled',
      pending: 0,
    });
    expect(describeSync({ ...idle, lastSyncAt: null }).headline).toBe('connected');
  });

  it('shows progress only while syncing, and no retry time when nothing failed', () => {
    const progress = { phase: 'push' as const, done: 120, total: 400 };
    expect(describeSync({ ...idle, state: 'syncing', progress })).toMatchObject({
      headline: 'syncing',
      progress,
      nextAttemptAt: null,
    });
    expect(describeSync({ ...idle, progress }).progress).toBeNull();
  });

  it('turns error codes into advice, keeping the reason', () => {
    expect(describeSync(failing('UNAUTHORISED', 'Device revoked'))).toMatchObject({
      headline: 'revoked',
      reason: 'Device revoked',
      needsNewCode: true,
    });
    expect(describeSync(failing('CLOCK_AHEAD')).headline).toBe('clockAhead');
    expect(describeSync(failing('SCHEMA_TOO_NEW')).headline).toBe('serverOutdated');
    expect(describeSync(failing('RATE_LIMITED')).headline).toBe('busy');
    expect(describeSync(failing('INTERNAL'))).toMatchObject({
      headline: 'failed',
      reason: 'It broke',
      needsNewCode: false,
      nextAttemptAt: idle.nextAttemptAt,
    });
  });

  it('words a network failure as offline, whether or not the scheduler has said so yet', () => {
    expect(describeSync(failing('NETWORK')).headline).toBe('offline');
    expect(describeSync({ ...failing('NETWORK'), state: 'offline' }).headline).toBe('offline');
  });
});
