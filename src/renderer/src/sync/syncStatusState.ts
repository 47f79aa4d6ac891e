import type { SyncStatus } from '../../../shared/domain';

export interface SyncStatusState {
  /** Null until the first answer. */
  status: SyncStatus | null;
  /** The last poll got no answer, so what is shown may be out of date. */
  failed: boolean;
  /** Syncs finished since the app opened: screens re-read their data when it moves. */
  rounds: number;
}

export const INITIAL_SYNC_STATE: SyncStatusState = { status: null, failed: false, rounds: 0 };

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The state after a status arrives. An unchanged status keeps the same object, so a poll that
 * brings nothing new re-renders nothing. A new lastSyncAt means a sync finished and may have
 * brought other laptops' changes.
 */
export function withStatus(state: SyncStatusState, status: SyncStatus): SyncStatusState {
  const previous = state.status;
  if (previous && !state.failed && sameStatus(previous, status)) return state;
  const synced = previous !== null && previous.lastSyncAt !== status.lastSyncAt;
  return { status, failed: false, rounds: state.rounds + (synced ? 1 : 0) };
}

export function withFailure(state: SyncStatusState): SyncStatusState {
  return state.failed ? state : { ...state, failed: true };
}
