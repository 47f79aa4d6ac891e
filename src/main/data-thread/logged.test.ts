import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import type { AppLog } from '../services/diagnostics/log';
import { createOperationLog } from './logged';

function collectingLog(): AppLog & { events: { event: string; fields?: unknown }[] } {
  const events: { event: string; fields?: unknown }[] = [];
  return {
    events,
    info: (event, fields) => events.push({ event, fields }),
    error: (event) => events.push({ event }),
  };
}

const refused = (code: ErrorCode) => ({ ok: false as const, error: { code, message: 'refused' } });

describe('the operation log', () => {
  it('leaves out refusals a secretary meets every day, and a new window reading before setup', () => {
    const log = collectingLog();
    const record = createOperationLog(log);
    record('members.list', {}, refused('NOT_INITIALISED'));
    record('chapter.update', {}, refused('VALIDATION'));
    record('members.get', {}, refused('NOT_FOUND'));
    expect(log.events).toEqual([]);
  });

  it('writes any other refusal, and every refusal of an operation always logged, with its code only', () => {
    const log = collectingLog();
    const record = createOperationLog(log);
    record('members.update', {}, refused('CONFLICT'));
    record('backup.restore', {}, refused('NOT_FOUND'));
    record('sync.exportFile', {}, refused('NOT_INITIALISED'));
    expect(log.events).toEqual([
      { event: 'operation.refused', fields: { operation: 'members.update', code: 'CONFLICT' } },
      { event: 'operation.refused', fields: { operation: 'backup.restore', code: 'NOT_FOUND' } },
      { event: 'operation.refused', fields: { operation: 'sync.exportFile', code: 'NOT_INITIALISED' } },
    ]);
  });
});
