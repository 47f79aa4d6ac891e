import { changeProblem, describeProblem } from '../shared/fields/check';
import { parseHlc } from '../shared/hlc';
import {
  changeSchema,
  SYNC_LIMITS,
  syncedColumns,
  type Change,
  type Rejection,
  type RejectionCode,
} from '../shared/sync-protocol';
import { describeIssues } from './http-error';

export interface TriageContext {
  /** The schema version the client declared. */
  schema: number;
  /** The node the pushing device enrolled as: it may only push its own changes. */
  nodeId: string;
  /** The pushing device's chapter: the only chapter row it may write. */
  chapterId: string;
  /** Server time, ms since the epoch. */
  now: number;
}

export interface Triage {
  valid: Change[];
  /** The index in the pushed batch of each valid change, for refusals decided later. */
  validIndexes: number[];
  rejected: Rejection[];
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Splits a pushed batch into changes to apply and changes refused for good, each refusal with a
 * reason, so that one bad change never holds up the rest of the queue. A creation arrives as one
 * change per field, so checking each field checks the whole row.
 */
export function triageChanges(changes: readonly unknown[], context: TriageContext): Triage {
  const columns = syncedColumns(context.schema);
  const valid: Change[] = [];
  const validIndexes: number[] = [];
  const rejected: Rejection[] = [];
  const reject = (index: number, code: RejectionCode, reason: string) =>
    rejected.push({ index, code, reason });

  changes.forEach((raw, index) => {
    const parsed = changeSchema.safeParse(raw);
    if (!parsed.success) {
      const reason = describeIssues(parsed.error.issues)
        .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
        .join('; ');
      reject(index, 'VALIDATION', `Malformed change: ${reason}`);
      return;
    }
    const change = parsed.data;
    const tableColumns = columns.get(change.tbl);
    if (!tableColumns) {
      reject(
        index,
        'VALIDATION',
        `Table ${JSON.stringify(change.tbl)} is not synced (schema ${context.schema}).`,
      );
      return;
    }
    if (!tableColumns.has(change.col)) {
      reject(
        index,
        'VALIDATION',
        `Column ${JSON.stringify(change.col)} of ${change.tbl} is not synced (schema ${context.schema}).`,
      );
      return;
    }
    if (change.nodeId !== context.nodeId) {
      reject(
        index,
        'FORBIDDEN',
        `The change was made by node ${change.nodeId}, but this device is enrolled as node ${context.nodeId}.`,
      );
      return;
    }
    // The same check every laptop makes of what it pulls: values that fit their column, and no
    // chapter row but the device's own.
    const problem = changeProblem(change, context.chapterId);
    if (problem) {
      rejected.push({
        index,
        code: problem.code === 'OTHER_CHAPTER' ? 'FORBIDDEN' : 'VALIDATION',
        reason: describeProblem(problem),
        problem,
      });
      return;
    }
    const wall = parseHlc(change.hlc).wall;
    if (wall > context.now + SYNC_LIMITS.maxClockAheadMs) {
      const ahead = Math.round((wall - context.now) / HOUR_MS);
      reject(
        index,
        'CLOCK_AHEAD',
        `The change is stamped ${new Date(wall).toISOString()}, about ${ahead} h ahead of the server's ` +
          `${new Date(context.now).toISOString()}; more than 24 h in the future is refused. Check the laptop's date and time.`,
      );
      return;
    }
    valid.push(change);
    validIndexes.push(index);
  });
  return { valid, validIndexes, rejected };
}
