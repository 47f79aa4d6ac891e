import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/chapter';
import type { BackupList, RecoveryState, RestoreResult } from '../../shared/backup';
import type { Result } from '../../shared/errors';
import type { ImportJobView } from '../../shared/imports';
import { startDataThread, type DataThread } from './client';

let data: DataThread | null = null;
let temp: { dir: string; cleanup(): void };
afterEach(async () => {
  await data?.close();
  data = null;
  temp.cleanup();
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function started(): Promise<{ data: DataThread; path: string }> {
  temp = tempDir();
  const path = join(temp.dir, 'chapter.sqlite');
  data = await startDataThread({ dbPath: path, autoSync: false });
  value(
    await data.call('chapter.setup', {
      name: 'Lyon',
      country: 'FR',
      currency: 'EUR',
      officerName: 'Amina',
      locale: 'en',
      createDefaultTypes: true,
    }),
  );
  return { data, path };
}

async function firstNames(data: DataThread): Promise<string[]> {
  const page = value<{ rows: { firstName: string }[] }>(
    await data.call('members.list', { offset: 0, limit: 50, sort: 'name', direction: 'asc' }),
  );
  return page.rows.map((row) => row.firstName).sort();
}

async function importMembers(data: DataThread, names: string[]): Promise<void> {
  const draft = value<{ draftId: string; fields: unknown[] }>(
    await data.call('imports.inspect', {
      fileName: 'members.csv',
      data: Buffer.from(['First name,Last name', ...names.map((n) => `${n},Imported`)].join('\n')).toString(
        'base64',
      ),
    }),
  );
  const { jobId } = value<{ jobId: string }>(
    await data.call('imports.start', { draftId: draft.draftId, fields: draft.fields, dryRun: false }),
  );
  let job = value<ImportJobView>(await data.call('imports.job', { jobId }));
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = value<ImportJobView>(await data.call('imports.job', { jobId }));
  }
  expect(job.state).toBe('done');
}

describe('backups on the data thread', () => {
  it('are made before an import, and one is restored while the app runs, after asking about unsynced changes', async () => {
    const { data } = await started();
    value(await data.call('members.create', { firstName: 'Amadou', lastName: 'Sow' }));
    await importMembers(data, ['Binta', 'Chidi']);
    const { backups } = value<BackupList>(await data.call('backup.list', undefined));
    // The newest (a daily one may come first on a slow machine, 10 s after the file opened).
    expect(backups[0]!.kind).toBe('import');
    expect(await firstNames(data)).toEqual(['Amadou', 'Binta', 'Chidi']);

    // The import's two new members are what the backup made before it lacks.
    const refused = await data.call('backup.restore', { name: backups[0]!.name });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { problem: { code: 'UNSYNCED_CHANGES', params: { count: 2 } } } },
    });
    expect(await firstNames(data)).toEqual(['Amadou', 'Binta', 'Chidi']);

    const restored = value<RestoreResult>(
      await data.call('backup.restore', { name: backups[0]!.name, confirmUnsynced: true }),
    );
    expect(restored.safetyBackup).toMatch(/-restore\.sqlite$/);
    // The same thread goes on with the restored file: reads and writes.
    expect(await firstNames(data)).toEqual(['Amadou']);
    value(await data.call('members.create', { firstName: 'Dior', lastName: 'Ndiaye' }));
    expect(await firstNames(data)).toEqual(['Amadou', 'Dior']);
    const after = value<BackupList>(await data.call('backup.list', undefined)).backups;
    expect(after.slice(0, 2).map((b) => b.kind)).toEqual(['restore', 'import']);
  }, 60_000);

  it('save a copy as bytes for "Save a backup as…", and take one back from bytes', async () => {
    const { data } = await started();
    value(await data.call('members.create', { firstName: 'Amadou', lastName: 'Sow' }));
    const copy = value<{ fileName: string; contentBase64: string }>(
      await data.call('backup.export', undefined),
    );
    value(await data.call('members.delete', { id: (await listIds(data))[0]! }));
    expect(await firstNames(data)).toEqual([]);
    value(
      await data.call('backup.restore', {
        fileName: copy.fileName,
        contentBase64: copy.contentBase64,
        confirmUnsynced: true,
      }),
    );
    expect(await firstNames(data)).toEqual(['Amadou']);
    expect(
      await data.call('backup.restore', { name: 'chapter-2020-01-01T00-00-00Z-daily.sqlite' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { problem: { code: 'BACKUP_NOT_FOUND' } } },
    });
  }, 60_000);

  it('open a damaged file in recovery: everything says so, the newest good backup is offered and restored', async () => {
    const { data: first, path } = await started();
    value(await first.call('members.create', { firstName: 'Amadou', lastName: 'Sow' }));
    await importMembers(first, ['Binta']);
    await first.close();
    data = null;
    truncateSync(path, statSync(path).size - 4096 * 4);
    const damaged = createHash('sha256').update(readFileSync(path)).digest('hex');

    data = await startDataThread({ dbPath: path, autoSync: false });
    expect(await data.call('chapter.get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'DB_DAMAGED' },
    });
    const recovery = value<RecoveryState>(await data.call('backup.recovery', undefined));
    expect(recovery).toMatchObject({ damaged: true, newestGood: { kind: 'import' } });
    const newestGood = (recovery as Extract<RecoveryState, { damaged: true }>).newestGood!;

    const restored = value<RestoreResult>(await data.call('backup.restore', { name: newestGood.name }));
    expect(restored.damagedKeptAs).not.toBeNull();
    expect(createHash('sha256').update(readFileSync(restored.damagedKeptAs!)).digest('hex')).toBe(damaged);
    expect(existsSync(path)).toBe(true);
    expect(value<RecoveryState>(await data.call('backup.recovery', undefined))).toEqual({ damaged: false });
    expect(await firstNames(data)).toEqual(['Amadou']);
  }, 60_000);
});

async function listIds(data: DataThread): Promise<string[]> {
  const page = value<{ rows: { id: string }[] }>(
    await data.call('members.list', { offset: 0, limit: 50, sort: 'name', direction: 'asc' }),
  );
  return page.rows.map((row) => row.id);
}
