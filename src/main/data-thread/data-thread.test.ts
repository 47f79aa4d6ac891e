import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/chapter';
import { fakeKeystore } from '../../../tests/helpers/keystore';
import { startSyncServer } from '../../../tests/helpers/sync-server';
import type { Result } from '../../shared/errors';
import type { ImportJobView } from '../../shared/imports';
import { openDatabase, type Db } from '../db/open';
import { keystoreSecretStore } from '../sync/secrets';
import { startDataThread, type DataThread } from './client';

let data: DataThread | null = null;
let other: Db | null = null;
let temp: { dir: string; cleanup(): void };
afterEach(async () => {
  if (other?.inTransaction) other.exec('ROLLBACK');
  other?.close();
  other = null;
  await data?.close();
  data = null;
  temp.cleanup();
});

async function started(): Promise<{ data: DataThread; path: string }> {
  temp = tempDir();
  const path = join(temp.dir, 'chapter.sqlite');
  data = await startDataThread({ dbPath: path, autoSync: false });
  const setup = await data.call('chapter.setup', {
    name: 'Lyon',
    country: 'FR',
    currency: 'EUR',
    officerName: 'Amina',
    locale: 'en',
    createDefaultTypes: true,
  });
  expect(setup.ok).toBe(true);
  return { data, path };
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const list = { offset: 0, limit: 50 };

/** Starts an import of 20,000 new members, a preview or a commit; its job id. */
async function startImport(data: DataThread, dryRun: boolean): Promise<string> {
  const rows = ['First name,Last name,Email'];
  for (let i = 0; i < 20_000; i++) rows.push(`Person${i},Family${i % 500},person${i}@example.org`);
  const draft = value<{ draftId: string; fields: unknown[] }>(
    await data.call('imports.inspect', {
      fileName: 'members.csv',
      data: Buffer.from(rows.join('\n')).toString('base64'),
    }),
  );
  return value<{ jobId: string }>(
    await data.call('imports.start', { draftId: draft.draftId, fields: draft.fields, dryRun }),
  ).jobId;
}

/** The job once it has reached its saving step (or ended). */
async function saving(data: DataThread, jobId: string): Promise<ImportJobView> {
  let job = value<ImportJobView>(await data.call('imports.job', { jobId }));
  while (job.state === 'running' && job.progress?.phase !== 'saving') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = value<ImportJobView>(await data.call('imports.job', { jobId }));
  }
  return job;
}

describe('the data thread', () => {
  it('runs operations on the chapter file and answers with their results', async () => {
    const { data } = await started();
    const created = value<{ id: string; firstName: string }>(
      await data.call('members.create', { firstName: 'Hélène', lastName: 'Dupré' }),
    );
    const found = value<{ rows: { id: string }[]; total: number }>(
      await data.call('members.list', { ...list, query: 'helene' }),
    );
    expect(found.rows.map((row) => row.id)).toEqual([created.id]);
    expect(value<{ firstName: string }>(await data.call('members.get', { id: created.id })).firstName).toBe(
      'Hélène',
    );
  });

  it('answers a failure with its code, as dispatch does', async () => {
    const { data } = await started();
    const missing = await data.call('members.get', { id: '8f2d5a38-3f51-4a0e-9a57-3b1f0f5b2c11' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const invalid = await data.call('members.create', { firstName: 42 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await data.call('members.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION' },
    });
  });

  it('starts a new thread on the file after its thread crashed, and the data is all there', async () => {
    temp = tempDir();
    const path = join(temp.dir, 'chapter.sqlite');
    const threads: Worker[] = [];
    data = await startDataThread({ dbPath: path, autoSync: false, onThread: (w) => threads.push(w) });
    const setup = await data.call('chapter.setup', {
      name: 'Lyon',
      country: 'FR',
      currency: 'EUR',
      officerName: 'Amina',
      locale: 'en',
      createDefaultTypes: true,
    });
    expect(setup.ok).toBe(true);
    const created = value<{ id: string }>(await data.call('members.create', { firstName: 'Hélène' }));
    // What a crash looks like from outside: the thread is gone without being asked to close.
    await threads[0]!.terminate();
    const after = await data.call('members.get', { id: created.id });
    expect(after).toMatchObject({ ok: true, value: { firstName: 'Hélène' } });
    expect(threads).toHaveLength(2);
    expect(value<{ id: string }>(await data.call('members.create', { firstName: 'Kwame' })).id).toBeTruthy();
    await data.close();
    expect(await data.call('members.get', { id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    data = null;
  });

  it('refuses a chapter file from a newer version with its code, before anything runs', async () => {
    temp = tempDir();
    const path = join(temp.dir, 'chapter.sqlite');
    const newer = openDatabase(path);
    newer.pragma('user_version = 9999');
    newer.close();
    await expect(startDataThread({ dbPath: path, autoSync: false })).rejects.toMatchObject({
      code: 'DB_TOO_NEW',
    });
  });

  it('answers reads while another connection holds the write lock, and runs a write once it lets go', async () => {
    const { data, path } = await started();
    other = openDatabase(path);
    other.exec('BEGIN IMMEDIATE');
    other.prepare(`UPDATE chapter SET name = ?`).run('Lyon Centre');

    const order: string[] = [];
    const write = data
      .call('members.create', { firstName: 'Queued', lastName: 'Write' })
      .then((result) => (order.push('write'), result));
    const read = await data.call('members.list', list);
    order.push('read');
    expect(read.ok).toBe(true);
    expect(order).toEqual(['read']);

    other.exec('COMMIT');
    expect((await write).ok).toBe(true);
    expect(order).toEqual(['read', 'write']);
    const names = value<{ rows: { firstName: string }[] }>(await data.call('members.list', list)).rows;
    expect(names.map((row) => row.firstName)).toEqual(['Queued']);
  });

  it('goes on answering while command-line runs write to the same file, and their writes go through too', async () => {
    const { data, path } = await started();
    const cli = (firstName: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const run = spawn(
          process.execPath,
          ['--import', 'tsx', 'src/cli/index.ts', 'members', 'add', '--db', path, '--first-name', firstName],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let stderr = '';
        run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        run.on('exit', (code) => resolve({ code, stderr }));
      });
    let running = true;
    const runs = Promise.all(['Cli1', 'Cli2', 'Cli3'].map(cli)).finally(() => (running = false));
    // The app keeps writing all through the runs, as a secretary at work would: each commit
    // refuses a run's transaction that began reading before it (SQLITE_BUSY_SNAPSHOT).
    const answers: Result<unknown>[] = [];
    for (let n = 0; running; n++) {
      answers.push(await data.call('members.create', { firstName: `App${n}` }));
      answers.push(await data.call('chapter.get', undefined));
    }
    expect(await runs).toEqual([0, 0, 0].map((code) => ({ code, stderr: '' })));
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);
    const names = value<{ rows: { firstName: string }[] }>(
      await data.call('members.list', { ...list, query: 'cli', limit: 10 }),
    ).rows.map((row) => row.firstName);
    expect(names.sort()).toEqual(['Cli1', 'Cli2', 'Cli3']);
  }, 120_000);

  it('answers the members screen and takes a new member while a large import saves', async () => {
    const { data } = await started();
    const jobId = await startImport(data, false);
    let job = await saving(data, jobId);
    const [listed, searched, created] = await Promise.all([
      data.call('members.list', list),
      data.call('members.list', { ...list, query: 'person1' }),
      data.call('members.create', { firstName: 'During', lastName: 'Import' }),
    ]);
    expect([listed.ok, searched.ok, created.ok]).toEqual([true, true, true]);
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = value<ImportJobView>(await data.call('imports.job', { jobId }));
    }
    expect(job).toMatchObject({ state: 'done', result: { counts: { created: 20_000 } } });
    const all = value<{ total: number }>(await data.call('members.list', list));
    expect(all.total).toBe(20_001);
  }, 120_000);

  it("seals the sync token with the app's keystore, which lives outside the thread, and reads it back to sync", async () => {
    const server = await startSyncServer('pglite');
    try {
      temp = tempDir();
      const path = join(temp.dir, 'chapter.sqlite');
      data = await startDataThread({
        dbPath: path,
        autoSync: false,
        secrets: keystoreSecretStore(fakeKeystore()),
      });
      const chapterId = (await server.admin.addChapter('Lyon')).id;
      const { code } = await server.admin.issueEnrolmentCode(chapterId);
      expect(
        value<{ error: unknown }>(
          await data.call('sync.enroll', { serverUrl: server.url, code, officerName: 'Amina' }),
        ).error,
      ).toBeNull();
      other = openDatabase(path);
      const stored = other.prepare('SELECT token FROM sync_state').get() as { token: string };
      expect(stored.token).toMatch(/^ks1:/);
      expect(value<{ error: unknown }>(await data.call('sync.now', undefined)).error).toBeNull();
    } finally {
      await server.close();
    }
  }, 60_000);

  it('lets another connection write all through a preview, and the preview leaves the file as it was', async () => {
    const { data, path } = await started();
    const jobId = await startImport(data, true);
    let job = await saving(data, jobId);
    other = openDatabase(path);
    // Hardly any waiting: a preview holding the file's write lock (seconds) would refuse these.
    // Not none: the import thread's connection locks the file for a moment as it opens and closes
    // (SQLite checks whether it is the last one), as any connection does.
    other.pragma('busy_timeout = 500');
    const rename = other.prepare(`UPDATE chapter SET name = ?`);
    let writes = 0;
    while (job.state === 'running') {
      rename.run(`Lyon ${++writes}`);
      job = value<ImportJobView>(await data.call('imports.job', { jobId }));
    }
    expect(job).toMatchObject({ state: 'done', result: { dryRun: true, counts: { created: 20_000 } } });
    expect(value<{ total: number }>(await data.call('members.list', list)).total).toBe(0);
    expect(value<{ name: string }>(await data.call('chapter.get', undefined)).name).toBe(`Lyon ${writes}`);
  }, 120_000);

  it('stops a nearby-laptop wait when a restore closes the chapter file: the port no longer answers', async () => {
    const server = await startSyncServer('pglite');
    try {
      temp = tempDir();
      data = await startDataThread({
        dbPath: join(temp.dir, 'chapter.sqlite'),
        autoSync: false,
        secrets: keystoreSecretStore(fakeKeystore()),
      });
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
      const chapterId = (await server.admin.addChapter('Lyon')).id;
      const { code } = await server.admin.issueEnrolmentCode(chapterId);
      value(await data.call('sync.enroll', { serverUrl: server.url, code, officerName: 'Amina' }));
      // The first sync confirms the chapter key, which a laptop needs to prove itself to another.
      value(await data.call('sync.now', undefined));
      const copy = value<{ fileName: string; contentBase64: string }>(
        await data.call('backup.export', undefined),
      );
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const { port } = probe.address() as { port: number };
      await new Promise((resolve) => probe.close(resolve));
      value(await data.call('sync.peerListen', { port }));
      expect(value<{ state: string }>(await data.call('sync.peerStatus', undefined)).state).toBe('listening');

      value(await data.call('backup.restore', { ...copy, confirmUnsynced: true }));
      expect(value(await data.call('sync.peerStatus', undefined))).toEqual({
        state: 'idle',
        stoppedWaiting: false,
      });
      const refused = await new Promise<string>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(refused).toBe('ECONNREFUSED');
    } finally {
      await server.close();
    }
  }, 60_000);
});
