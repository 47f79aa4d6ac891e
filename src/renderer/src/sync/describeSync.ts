import type { SyncStatus } from '../../../shared/domain';

/** The sentence that leads the indicator: what is happening, or what to do about it. */
export type SyncHeadline =
  | 'notEnrolled'
  | 'connected'
  | 'upToDate'
  | 'syncing'
  | 'offline'
  | 'revoked'
  | 'clockAhead'
  | 'serverOutdated'
  | 'busy'
  | 'failed';

export interface SyncDescription {
  /** Null when the pending changes say it all ("3 changes waiting to be sent"). */
  headline: SyncHeadline | null;
  /** What went wrong, in the words of the server or the network, for the curious and for support. */
  reason: string | null;
  pending: number;
  progress: SyncStatus['progress'];
  lastSyncAt: string | null;
  /** When the next automatic try is due, after a failure. */
  nextAttemptAt: string | null;
  /** Connected to a server, so "Sync now" means something. */
  enrolled: boolean;
  /** Nothing but a new enrolment code gets this laptop syncing again. */
  needsNewCode: boolean;
}

/** Error codes with advice of their own; any other failure is retried and reported as such. */
const ADVICE: Partial<Record<string, SyncHeadline>> = {
  NETWORK: 'offline',
  UNAUTHORISED: 'revoked',
  FORBIDDEN: 'revoked',
  CLOCK_AHEAD: 'clockAhead',
  SCHEMA_TOO_NEW: 'serverOutdated',
  RATE_LIMITED: 'busy',
};

function headlineOf(status: SyncStatus): SyncHeadline | null {
  switch (status.state) {
    case 'not-enrolled':
      return 'notEnrolled';
    case 'syncing':
      return 'syncing';
    case 'offline':
      return 'offline';
    case 'error':
      return ADVICE[status.error?.code ?? ''] ?? 'failed';
    case 'idle':
      if (status.pending > 0) return null;
      return status.lastSyncAt ? 'upToDate' : 'connected';
  }
}

export function describeSync(status: SyncStatus): SyncDescription {
  const headline = headlineOf(status);
  const failing = status.state === 'error' || status.state === 'offline';
  return {
    headline,
    reason: failing ? status.error?.message || null : null,
    // Before a server is set, everything ever written is "waiting": a count that only alarms.
    pending: status.state === 'not-enrolled' ? 0 : status.pending,
    progress: status.state === 'syncing' ? status.progress : null,
    lastSyncAt: status.state === 'not-enrolled' ? null : status.lastSyncAt,
    nextAttemptAt: failing ? status.nextAttemptAt : null,
    enrolled: status.state !== 'not-enrolled',
    needsNewCode: headline === 'revoked',
  };
}
