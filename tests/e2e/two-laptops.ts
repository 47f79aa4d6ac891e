import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { expect, startServe } from './fixtures';
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

export interface ServedLaptop {
  page: Page;
  /** Browser mode's address, with its token. */
  url: string;
}

/**
 * The two laptops of `twoLaptops`, each served in browser mode and open in a browser context of
 * its own (downloads accepted); `close` stops both and removes their folder.
 */
export async function servedLaptops(
  browser: Browser,
  prefix: string,
): Promise<{ dir: string; a: ServedLaptop; b: ServedLaptop; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `chapterdesk-e2e-${prefix}-`));
  const paths = await twoLaptops(dir);
  const served = [await startServe(paths.a), await startServe(paths.b)];
  const contexts = [
    await browser.newContext({ locale: 'en-GB', acceptDownloads: true }),
    await browser.newContext({ locale: 'en-GB', acceptDownloads: true }),
  ];
  const open = async (i: number): Promise<ServedLaptop> => ({
    page: await contexts[i]!.newPage(),
    url: served[i]!.url,
  });
  return {
    dir,
    a: await open(0),
    b: await open(1),
    async close() {
      for (const context of contexts) await context.close();
      for (const server of served) {
        server.process.kill('SIGTERM');
        await new Promise((resolve) => server.process.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds a member by name through the Members screen's dialog, as a secretary would. */
export async function addMemberNamed(page: Page, firstName: string, lastName: string): Promise<void> {
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByLabel('First name').fill(firstName);
  await form.getByLabel('Last name').fill(lastName);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}
