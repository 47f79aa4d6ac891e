import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/chapter';

const root = join(import.meta.dirname, '..', '..');
/** A build of its own, inside the project (where its packages are found), removed afterwards. */
const out = join(root, 'out', `cli-test-${randomBytes(4).toString('hex')}`);
const temp = tempDir();

function run(command: string[], input?: string) {
  const result = spawnSync(process.execPath, command, { cwd: root, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const built = (...args: string[]) => run([join(out, 'index.js'), ...args]);
const source = (...args: string[]) => run(['--import', 'tsx', 'src/cli/index.ts', ...args]);

beforeAll(() => {
  const build = run(['scripts/build-node.mjs', '--out', out]);
  expect(build.code, build.stderr).toBe(0);
}, 180_000);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  temp.cleanup();
});

describe('the built command line', { timeout: 180_000 }, () => {
  it('lists the same commands as the sources, from the index the build wrote', () => {
    const help = built('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(source('--help').stdout);
    expect(help.stdout).toMatch(/restore \[options\] <file> +Put a backup in place/);
    // `help COMMAND` and an unknown command behave as commander does with every command loaded.
    expect(built('help', 'restore').stdout).toBe(source('help', 'restore').stdout);
    const unknown = built('nonsense');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(source('nonsense').stderr);
    const index = JSON.parse(readFileSync(join(out, 'commands.json'), 'utf8')) as { name: string }[];
    expect(index.map((c) => c.name)).toContain('server');
  });

  it('runs real commands: a chapter made, backed up, changed and restored', () => {
    const db = join(temp.dir, 'chapter.sqlite');
    const copy = join(temp.dir, 'copy.sqlite');
    expect(built('init', '--db', db, '--name', 'Lyon', '--country', 'FR', '--currency', 'EUR').code).toBe(0);
    expect(built('members', 'add', '--db', db, '--first-name', 'Amadou').code).toBe(0);
    const saved = built('backup', '--db', db, '--out', copy, '--json');
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ path: copy });
    expect(built('members', 'add', '--db', db, '--first-name', 'Binta').code).toBe(0);

    // Binta was never synced: without --yes, and no terminal to ask on, nothing happens.
    const refused = built('restore', copy, '--db', db);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/1 change made on this laptop has not reached the sync server/);
    expect(built('members', 'list', '--db', db).stdout).toMatch(/Binta/);

    const restored = built('restore', copy, '--db', db, '--yes', '--json');
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ restoredFrom: 'copy.sqlite', resyncs: false });
    const list = built('members', 'list', '--db', db);
    expect(list.stdout).toMatch(/Amadou/);
    expect(list.stdout).not.toMatch(/Binta/);
    const backups = JSON.parse(built('backups', '--db', db, '--json').stdout) as {
      backups: { kind: string }[];
    };
    expect(backups.backups.map((b) => b.kind)).toEqual(['restore']);
  });

  it('serves browser mode with its data thread from the build', async () => {
    const db = join(temp.dir, 'served.sqlite');
    const child = spawn(process.execPath, [join(out, 'index.js'), 'serve', '--db', db, '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const found = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(text);
          if (found) resolve(found[0]);
        });
        child.once('exit', (code) => reject(new Error(`serve stopped (${code})`)));
      });
      const [base, token] = url.split('/#token=') as [string, string];
      const reply = await fetch(`${base}/api/backup.list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: 'null',
      });
      expect(await reply.json()).toMatchObject({ ok: true, value: { backups: [] } });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
