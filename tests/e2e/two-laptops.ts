import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSyncServer } from '../helpers/sync-server';

/** The command line, run without blocking: the sync server answering it lives in this process. */
async function cli(...args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args]);
}

/**
 * Two laptops of one chapter (both joined it through a server once, as a laptop must), each with
 * its own chapter file; the server is gone when they meet again.
 */
export async function twoLaptops(dir: string): Promise<{ a: string; b: string }> {
  const a = join(dir, 'a.sqlite');
  const b = join(dir, 'b.sqlite');
  const server = await startSyncServer();
  try {
    const { id } = await server.admin.addChapter('Lyon');
    await cli(
      'init',
      '--db',
      a,
      '--name',
      'Lyon',
      '--country',
      'FR',
      '--currency',
      'EUR',
      '--officer',
      'Amina',
    );
    await cli(
      'sync',
      '--db',
      a,
      '--server',
      server.url,
      '--enroll',
      (await server.admin.issueEnrolmentCode(id)).code,
    );
    await cli(
      'sync',
      '--db',
      b,
      '--server',
      server.url,
      '--enroll',
      (await server.admin.issueEnrolmentCode(id)).code,
    );
  } finally {
    await server.close();
  }
  return { a, b };
}
