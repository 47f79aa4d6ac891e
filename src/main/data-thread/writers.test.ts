import { describe, expect, it } from 'vitest';
import type { Handlers } from '../api/handlers';
import { openDatabase } from '../db/open';
import { queueBehindWriters } from './writers';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' });
const noWait = () => Promise.resolve();

function queued(
  db: ReturnType<typeof openDatabase>,
  run: () => unknown,
): (input: unknown) => Promise<unknown> {
  const handlers = queueBehindWriters(db, { 'members.erase': run } as unknown as Handlers, noWait);
  return handlers['members.erase'] as unknown as (input: unknown) => Promise<unknown>;
}

describe('queueBehindWriters', () => {
  it('runs again an operation refused before it changed anything', async () => {
    const db = openDatabase(':memory:');
    let attempts = 0;
    const erase = queued(db, () => {
      if (++attempts < 3) throw busy();
      return 'done';
    });
    await expect(erase({})).resolves.toBe('done');
    expect(attempts).toBe(3);
  });

  it('does not run again an operation refused after one of its transactions committed, and says the file is busy', async () => {
    const db = openDatabase(':memory:');
    db.exec('CREATE TABLE erased (id TEXT)');
    let attempts = 0;
    const erase = queued(db, () => {
      attempts++;
      db.prepare('INSERT INTO erased VALUES (?)').run('m1');
      throw busy();
    });
    await expect(erase({})).rejects.toMatchObject({ code: 'BUSY' });
    expect(attempts).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM erased').get()).toEqual({ n: 1 });
  });

  it('gives up with BUSY, not a generic failure, when the other writer outlasts the retries', async () => {
    const db = openDatabase(':memory:');
    const erase = queued(db, () => {
      throw busy();
    });
    await expect(erase({})).rejects.toMatchObject({ code: 'BUSY' });
  });
});
