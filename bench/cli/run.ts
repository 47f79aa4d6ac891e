/**
 * Command-line start-up: how long `chapterdesk --help` takes as a user runs it (the built bin, a new
 * Node process each time), with its ratio to the floor, `node -e ''` (Node starting and exiting),
 * measured in the same run, interleaved, so a busy machine weighs on both alike. Also a command
 * that opens a chapter file (`chapterdesk members list`), to show what a real command adds.
 *
 *   npm run bench:cli              30 runs each (target judged: --help p50 <= 300 ms)
 *   npm run bench:cli -- --smoke   10 runs each (CI; printed, not judged)
 *
 * It runs the build in out/cli; run `npm run build` first (the bin falls back to tsx without it,
 * which would measure the wrong thing, so the benchmark refuses).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, percentile } from '../lib/stats';

const smoke = process.argv.includes('--smoke');
const RUNS = smoke ? 10 : 30;
const WARM_UP = 3;
const HELP_TARGET_MS = 300;

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'chapterdesk.js');
if (!existsSync(join(root, 'out', 'cli', 'index.js'))) {
  process.stderr.write('bench:cli measures the built command line: run `npm run build` first.\n');
  process.exit(1);
}

function timed(args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  if (run.stderr.includes('running the sources through tsx'))
    throw new Error('the bin did not run the build');
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-bench-cli-'));
try {
  const db = join(dir, 'chapter.sqlite');
  timed([
    bin,
    'init',
    '--db',
    db,
    '--name',
    'Lyon',
    '--country',
    'FR',
    '--currency',
    'EUR',
    '--officer',
    'A',
  ]);
  const commands = {
    floor: ['-e', ''],
    help: [bin, '--help'],
    list: [bin, 'members', 'list', '--db', db],
  };
  const samples: Record<keyof typeof commands, number[]> = { floor: [], help: [], list: [] };
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    for (const [name, args] of Object.entries(commands) as [keyof typeof commands, string[]][]) {
      const ms = timed(args);
      if (i >= WARM_UP) samples[name].push(ms);
    }
  }
  const p50 = (name: keyof typeof commands) => percentile(samples[name], 50);
  const p95 = (name: keyof typeof commands) => percentile(samples[name], 95);
  const floor = p50('floor');
  const line = (label: string, name: keyof typeof commands) =>
    `${label.padEnd(34)} p50 ${fmt(p50(name)).padStart(10)}  p95 ${fmt(p95(name)).padStart(10)}  ×${(p50(name) / floor).toFixed(2)} of the floor`;
  const ok = p50('help') <= HELP_TARGET_MS;
  process.stdout.write(
    [
      `Command-line start-up, ${RUNS} runs each (${smoke ? 'smoke' : 'full'}), built code in out/cli`,
      line("node -e '' (floor)", 'floor'),
      line('chapterdesk --help', 'help'),
      line('chapterdesk members list --db F', 'list'),
      smoke
        ? `target: --help p50 <= ${HELP_TARGET_MS} ms; not judged at smoke size`
        : `target: --help p50 <= ${HELP_TARGET_MS} ms: ${ok ? 'PASS' : 'MISS'}`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
