#!/usr/bin/env node
/**
 * Builds the command line and the sync server (which `chapterdesk server` starts) to JavaScript in
 * out/cli, for Node: `bin/chapterdesk.js` and `npm run server` run this, not TypeScript through tsx.
 *
 * - ES modules, split: every command module is a chunk of its own, imported only when one of its
 *   commands runs (src/cli/program.ts), so `chapterdesk --help` loads commander and little else.
 * - Packages stay external (node_modules): better-sqlite3 is native, PGlite finds its wasm beside
 *   its own module, and Node loads a package faster from its own files than from a copy inlined.
 * - The data thread and the import worker are entries of their own, beside the chunks that start
 *   them: src/main/threads.ts loads `data-thread.js` and `import-worker.js` from the starting
 *   module's folder, as it does in the desktop app's build. Chunks therefore sit in out/cli too.
 * - commands.json lists the top-level commands (name, usage, description, module) for `--help`,
 *   written from the built code itself so it can never disagree with it.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--out DIR` (a test's own build): inside the project, where Node finds node_modules.
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? resolve(root, process.argv[outFlag + 1]) : join(root, 'out', 'cli');

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    index: 'src/cli/index.ts',
    program: 'src/cli/program.ts',
    'data-thread': 'src/main/data-thread/thread.ts',
    'import-worker': 'src/main/services/imports/worker.ts',
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
});

const { describeCommands } = await import(pathToFileURL(join(out, 'program.js')).href);
const commands = await describeCommands();
writeFileSync(join(out, 'commands.json'), `${JSON.stringify(commands, null, 2)}\n`);
process.stdout.write(`Built the command line and the server in ${out} (${commands.length} commands).\n`);
