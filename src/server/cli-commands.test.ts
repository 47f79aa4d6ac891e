import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { Command, CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerServerCommands } from '../cli/server/index';
import { spawnServerProcess } from '../../tests/helpers/server-process';
import { readLiveLock } from './data-dir';
import { runningServersDir } from './running-servers';
import { startServer } from './start';
import { ADMIN_TOKEN, backends, DATABASE_TIMEOUT_MS } from './test-support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CODE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/;
const RUN = resolve(import.meta.dirname, '../cli/index.ts');

interface Outcome {
  out: string[];
  err: string[];
  failed: boolean;
}

/** Runs `chapterdesk server …` in this process, as the main program would after registering. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  const outcome: Outcome = { out: [], err: [], failed: false };
  const program = new Command('chapterdesk').exitOverride().configureOutput({
    writeOut: (text) => outcome.out.push(text),
    writeErr: (text) => outcome.err.push(text),
  });
  registerServerCommands(program, {
    env,
    io: {
      out: (line) => outcome.out.push(line),
      err: (line) => outcome.err.push(line),
      fail: () => {
        outcome.failed = true;
      },
    },
  });
  try {
    await program.parseAsync(['node', 'chapterdesk', 'server', ...args]);
  } catch (error) {
    // With exitOverride, commander throws where it would print usage errors and exit.
    if (!(error instanceof CommanderError)) throw error;
    outcome.failed = true;
  }
  return outcome;
}

const last = (outcome: Outcome) => outcome.out[outcome.out.length - 1];

describe('chapterdesk server admin commands', { timeout: DATABASE_TIMEOUT_MS }, () => {
  let root: string;
  let data: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'chapterdesk-cli-'));
    data = join(root, 'data');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('works on the embedded database while no server runs', async () => {
    const listedBefore = await cli(['chapter', 'list', '--data', data]);
    expect(listedBefore).toMatchObject({ failed: true, out: [] });
    expect(listedBefore.err[0]).toMatch(/^chapterdesk server: There is no server data in /);

    const added = await cli(['chapter', 'add', '--name', 'Nairobi', '--data', data]);
    expect(added.failed).toBe(false);
    const chapterId = last(added)!;
    expect(chapterId).toMatch(UUID);

    const json = await cli(['chapter', 'add', '--name', 'Lyon', '--json', '--data', data]);
    expect(json.out).toHaveLength(1);
    expect(JSON.parse(json.out[0]!)).toMatchObject({ id: expect.stringMatching(UUID), name: 'Lyon' });

    const chapters = await cli(['--data', data, 'chapter', 'list']);
    expect(chapters.out.join('\n')).toMatch(/Lyon[\s\S]*Nairobi/);

    const code = await cli(['enroll', '--chapter', chapterId, '--data', data]);
    expect(code.out[0]).toContain('"Nairobi"');
    expect(last(code)).toMatch(CODE);
    const codeJson = JSON.parse(
      (await cli(['enroll', '--chapter', chapterId, '--expires', '2h', '--json', '--data', data])).out[0]!,
    );
    expect(codeJson).toMatchObject({ code: expect.stringMatching(CODE), chapterId, chapterName: 'Nairobi' });

    expect((await cli(['devices', 'list', '--data', data])).out).toEqual(['No devices enrolled yet.']);
    expect(JSON.parse((await cli(['devices', 'list', '--json', '--data', data])).out[0]!)).toEqual([]);

    for (const [args, message] of [
      [['devices', 'revoke', crypto.randomUUID()], /There is no device/],
      [['devices', 'revoke', 'not-a-uuid'], /device id is a UUID/],
      [['enroll', '--chapter', crypto.randomUUID()], /There is no chapter/],
      [['enroll', '--chapter', chapterId, '--expires', 'soon'], /Cannot read the duration "soon"/],
      [['enroll', '--chapter', chapterId, '--expires', '100d'], /at most 90 days/],
      [['chapter', 'add', '--name', '   '], /Give the chapter a name/],
      [['chapter', 'list', '--database-url', 'postgres://x'], /either --data or --database-url/],
      [['--trust-proxy', 'banana'], /Cannot read "banana" as a proxy/],
      [['--trust-proxy', '0'], /from 1 to 16 proxy hops/],
    ] as const) {
      const outcome = await cli([...args, '--data', data]);
      expect(outcome.failed, args.join(' ')).toBe(true);
      expect(outcome.err.join('\n')).toMatch(message);
    }
    expect(readLiveLock(data)).toBeNull();
  });

  it('goes through the running server when it owns the embedded database', async () => {
    const log: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log.push(String(chunk));
        done();
      },
    });
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: data,
      adminToken: ADMIN_TOKEN,
      logger: { level: 'info', stream },
    });
    try {
      const chapterId = last(await cli(['chapter', 'add', '--name', 'Live', '--data', data]))!;
      expect(chapterId).toMatch(UUID);
      const code = last(await cli(['enroll', '--chapter', chapterId, '--data', data]))!;
      const enrolled = await fetch(`${server.url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, nodeId: 'node-live', deviceName: 'Live laptop' }),
      });
      const { token, deviceId } = (await enrolled.json()) as { token: string; deviceId: string };

      const devices = JSON.parse((await cli(['devices', 'list', '--json', '--data', data])).out[0]!);
      expect(devices).toEqual([
        expect.objectContaining({ id: deviceId, name: 'Live laptop', revokedAt: null }),
      ]);
      const revoked = await cli(['devices', 'revoke', deviceId, '--data', data]);
      expect(last(revoked)).toBe(deviceId);
      const refused = await fetch(`${server.url}/v1/sync/pull`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.status).toBe(401);

      expect(log.join('')).toContain('/v1/admin/devices');
    } finally {
      await server.close();
    }
    expect(readLiveLock(data)).toBeNull();
    const afterwards = JSON.parse((await cli(['devices', 'list', '--json', '--data', data])).out[0]!);
    expect(afterwards[0].revokedAt).not.toBeNull();
  });

  const postgres = backends.find((b) => b.name === 'postgres');
  it.runIf(postgres)('works on PostgreSQL with --database-url or DATABASE_URL', async () => {
    const database = await postgres!.create();
    const client = await database.connect();
    try {
      const chapterId = last(await cli(['chapter', 'add', '--name', 'Pg', '--database-url', database.url!]))!;
      expect(chapterId).toMatch(UUID);
      const listed = await cli(['chapter', 'list', '--json'], { DATABASE_URL: database.url });
      expect(JSON.parse(listed.out[0]!)).toEqual([expect.objectContaining({ id: chapterId, name: 'Pg' })]);
      expect(last(await cli(['enroll', '--chapter', chapterId], { DATABASE_URL: database.url }))).toMatch(
        CODE,
      );
    } finally {
      await client.close();
      await database.dispose();
    }
  });

  it('runs as real processes: a server, and commands beside it and after it', async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.CHAPTERDESK_ADMIN_TOKEN;
    const run = promisify(execFile);
    const command = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', RUN, 'server', ...args, '--data', data], { env });

    // A bare --trust-proxy means one hop.
    const server = spawn(
      process.execPath,
      ['--import', 'tsx', RUN, 'server', '--port', '0', '--data', data, '--trust-proxy'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)));
    let seen = '';
    try {
      const url = await new Promise<string>((found, failed) => {
        const read = (chunk: Buffer) => {
          seen += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(seen);
          if (match) found(match[1]!);
        };
        server.stdout.on('data', read);
        server.stderr.on('data', read);
        server.on('exit', () => failed(new Error(`server exited early: ${seen}`)));
      });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      const added = await command('chapter', 'add', '--name', 'Child');
      const chapterId = added.stdout.trim().split('\n').pop()!;
      expect(chapterId).toMatch(UUID);
      const issued = JSON.parse((await command('enroll', '--chapter', chapterId, '--json')).stdout);
      expect(issued.code).toMatch(CODE);
      const enrolled = await fetch(`${url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: issued.code, nodeId: 'node-child', deviceName: 'Child laptop' }),
      });
      expect(enrolled.status).toBe(200);

      const failure = await command('enroll', '--chapter', 'nope').then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain('chapter id is a UUID');
      expect(seen).toContain('Client addresses: from X-Forwarded-For, behind 1 proxy hop');
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(readLiveLock(data)).toBeNull();

    const devices = JSON.parse((await command('devices', 'list', '--json')).stdout);
    expect(devices).toEqual([expect.objectContaining({ name: 'Child laptop', chapterName: 'Child' })]);
  });

  it('finds the running server’s data without --data, and refuses when there is none', async () => {
    // The user's folders, inside this test's root: the default data folder and the servers' records.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: join(root, 'home'),
      XDG_DATA_HOME: join(root, 'share'),
      XDG_STATE_HOME: join(root, 'state'),
    };
    delete env.DATABASE_URL;
    delete env.CHAPTERDESK_ADMIN_TOKEN;
    const noData =
      /No server data here \(no server is running, and .*share.chapterdesk-server holds none\); pass --data DIR/;

    const early = await cli(['chapter', 'add', '--name', 'Nowhere'], env);
    expect(early.failed).toBe(true);
    expect(early.err.join('\n')).toMatch(noData);
    expect(existsSync(join(root, 'share'))).toBe(false);

    const server = await spawnServerProcess(['--data', data], env);
    let chapterId: string;
    let exitCode: number | null;
    try {
      chapterId = last(await cli(['chapter', 'add', '--name', 'Mombasa'], env))!;
      expect(chapterId).toMatch(UUID);
      const code = last(await cli(['enroll', '--chapter', chapterId], env))!;
      const enrolled = await fetch(`${server.url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, nodeId: 'node-found', deviceName: 'Mombasa laptop' }),
      });
      expect(enrolled.status).toBe(200);
      const devices = JSON.parse((await cli(['devices', 'list', '--json'], env)).out[0]!);
      expect(devices).toEqual([expect.objectContaining({ name: 'Mombasa laptop', chapterName: 'Mombasa' })]);
    } finally {
      // Stopped whatever happened above, and checked after, so a failure above is the one reported.
      exitCode = await server.stop();
    }
    expect(exitCode).toBe(0);
    expect(readdirSync(runningServersDir(env))).toEqual([]);
    expect(existsSync(join(root, 'share'))).toBe(false);
    const listed = await cli(['chapter', 'list', '--json', '--data', data], env);
    expect(JSON.parse(listed.out[0]!)).toEqual([expect.objectContaining({ id: chapterId, name: 'Mombasa' })]);

    // A record left by a server that died is not a running server.
    writeFileSync(
      join(runningServersDir(env), '999999999.json'),
      JSON.stringify({ pid: 999_999_999, startedAt: '', dataDir: data }),
    );
    const afterwards = await cli(['chapter', 'list'], env);
    expect(afterwards.failed).toBe(true);
    expect(afterwards.err.join('\n')).toMatch(noData);
    expect(readdirSync(runningServersDir(env))).toEqual([]);
  });
});
