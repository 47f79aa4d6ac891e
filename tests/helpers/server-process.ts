import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const CLI = resolve(import.meta.dirname, '../../src/cli/index.ts');

export interface ServerProcess {
  /** Where it answers, as it printed. */
  url: string;
  /** Everything it has written so far, stdout and stderr together. */
  output(): string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

/**
 * `chapterdesk server --port 0 …args` as a process of its own (through tsx, as `npm run server`
 * does), resolved once it prints where it listens.
 */
export async function spawnServerProcess(args: string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'server', '--port', '0', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  let seen = '';
  const url = await new Promise<string>((found, failed) => {
    const read = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) found(match[1]!);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => failed(new Error(`server exited early: ${seen}`)));
  });
  return {
    url,
    output: () => seen,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
