import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { dispatch } from '../../api/dispatch';
import type { ImportJobView } from '../../../shared/imports';
import { createImportJobs } from './jobs';

let chapter: TestChapter;
afterEach(() => chapter?.close());

async function call<T>(op: string, input?: unknown): Promise<T> {
  const result = await dispatch(chapter.handlers, op, input, { error: () => undefined });
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

async function finished(jobId: string): Promise<ImportJobView> {
  for (let i = 0; i < 600; i++) {
    const job = await call<ImportJobView>('imports.job', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}

describe('the import operations the wizard uses', () => {
  it('inspects, previews, commits in a worker thread, lists and undoes', async () => {
    chapter = openTestChapter();
    const data = readFileSync('tests/fixtures/import/windows-1252-semicolon.csv').toString('base64');
    const draft = await call<{
      draftId: string;
      info: { encoding: string; delimiter: string };
      fields: unknown[];
    }>('imports.inspect', { fileName: 'adherents.csv', data });
    expect(draft.info).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(draft.fields).toContain('email');

    const preview = await finished(
      (
        await call<{ jobId: string }>('imports.start', {
          draftId: draft.draftId,
          fields: draft.fields,
          dryRun: true,
        })
      ).jobId,
    );
    expect(preview).toMatchObject({ state: 'done', result: { dryRun: true, batchId: null } });
    expect(chapter.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });

    const commit = await finished(
      (
        await call<{ jobId: string }>('imports.start', {
          draftId: draft.draftId,
          fields: draft.fields,
          dryRun: false,
        })
      ).jobId,
    );
    if (commit.state !== 'done' || preview.state !== 'done') throw new Error('import failed');
    expect(commit.result.counts).toEqual(preview.result.counts);
    const names = chapter.handlers['members.list']({
      query: 'helene',
      sort: 'name',
      direction: 'asc',
      offset: 0,
      limit: 10,
    });
    expect(names.rows.map((m) => m.firstName)).toContain('Hélène');

    const [batch] = await call<{ id: string }[]>('imports.list');
    await call('imports.undo', { id: batch!.id });
    expect(
      chapter.handlers['members.list']({ query: '', sort: 'name', direction: 'asc', offset: 0, limit: 10 })
        .total,
    ).toBe(0);
  });

  it('refuses an unreadable file with a clear message, and a wrong mapping length', async () => {
    chapter = openTestChapter();
    const corrupt = readFileSync('tests/fixtures/import/corrupt.xlsx').toString('base64');
    await expect(call('imports.inspect', { fileName: 'x.xlsx', data: corrupt })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/damaged/),
    });
    await expect(call('imports.inspect', { fileName: 'x.csv', data: 'not base64!!' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const draft = await call<{ draftId: string }>('imports.inspect', {
      fileName: 'a.csv',
      data: Buffer.from('Name,Email\nAna,ana@example.org\n').toString('base64'),
    });
    const job = await finished(
      (
        await call<{ jobId: string }>('imports.start', {
          draftId: draft.draftId,
          fields: ['fullName'],
          dryRun: false,
        })
      ).jobId,
    );
    expect(job).toMatchObject({
      state: 'failed',
      error: { code: 'VALIDATION', message: expect.stringMatching(/columns/) },
    });
  });

  it('exports the filtered members as CSV and as XLSX that imports back as nothing new', async () => {
    chapter = openTestChapter();
    chapter.handlers['members.create']({
      firstName: 'Hélène',
      lastName: 'Dupré',
      city: 'Lyon',
      phone: '0612345678',
    });
    chapter.handlers['members.create']({ firstName: 'Marc', city: 'Paris', notes: '=1+1' });
    const csv = await call<{ fileName: string; data: string }>('members.export', {
      format: 'csv',
      city: 'Lyon',
    });
    const text = Buffer.from(csv.data, 'base64').toString('utf8');
    expect(text).toContain('Hélène');
    expect(text).not.toContain('Marc');

    const xlsx = await call<{ fileName: string; data: string }>('members.export', { format: 'xlsx' });
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    const draft = await call<{ draftId: string; fields: unknown[] }>('imports.inspect', {
      fileName: xlsx.fileName,
      data: xlsx.data,
    });
    const job = await finished(
      (
        await call<{ jobId: string }>('imports.start', {
          draftId: draft.draftId,
          fields: draft.fields,
          dryRun: true,
        })
      ).jobId,
    );
    expect(job).toMatchObject({
      state: 'done',
      result: { counts: { rows: 2, created: 0, updated: 0, unchanged: 2 } },
    });
  });
});

describe('the import worker', () => {
  it('opens the chapter with the native build it is given (the Electron one, in the app)', async () => {
    chapter = openTestChapter();
    const request = {
      fileName: 'a.csv',
      bytes: new TextEncoder().encode('Name,Email\nAna,ana@example.org\n'),
      dryRun: true,
    };
    const given = createImportJobs(chapter.db, () => new Date(), {
      nativeBinding: 'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    });
    expect(await given.settled(given.start(request))).toMatchObject({ state: 'done' });
    const missing = createImportJobs(chapter.db, () => new Date(), {
      nativeBinding: '/nowhere/better_sqlite3.node',
    });
    expect(await missing.settled(missing.start(request))).toMatchObject({ state: 'failed' });
  });
});
