import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/domain';
import { groupHistory } from './historyEdits';

const entry = (hlc: string, column: string, value: unknown): HistoryEntry => ({
  hlc,
  at: '2026-03-15T10:00:00.000Z',
  column,
  value,
  by: { officer: 'Amina', laptop: null, thisLaptop: true },
});

describe('groupHistory', () => {
  it('makes one edit per stamp, newest first', () => {
    const edits = groupHistory([
      entry('000000000000001:000000:a', 'firstName', 'Hélène'),
      entry('000000000000001:000000:a', 'lastName', 'Dupré'),
      entry('000000000000002:000000:a', 'city', 'Lyon'),
    ]);
    expect(edits.map((e) => e.changes.map((c) => c.field))).toEqual([['city'], ['firstName', 'lastName']]);
  });

  it('reads database column names as field names', () => {
    const [edit] = groupHistory([entry('000000000000001:000000:a', 'phone_e164', '+33612345678')]);
    expect(edit?.changes[0]?.field).toBe('phoneE164');
  });

  it('keeps a restore but hides the deleted flag that comes with creating a member', () => {
    const edits = groupHistory([
      entry('000000000000001:000000:a', 'firstName', 'Hélène'),
      entry('000000000000001:000000:a', 'deleted', 0),
      entry('000000000000002:000000:a', 'deleted', 1),
      entry('000000000000003:000000:a', 'deleted', 0),
    ]);
    expect(edits.map((e) => e.changes)).toEqual([
      [{ field: 'deleted', value: 0 }],
      [{ field: 'deleted', value: 1 }],
      [{ field: 'firstName', value: 'Hélène' }],
    ]);
  });
});
