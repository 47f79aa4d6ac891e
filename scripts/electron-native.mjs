#!/usr/bin/env node
/**
 * Builds a second copy of better-sqlite3 for Electron's ABI in
 * node_modules/.chapterdesk-electron/better-sqlite3, leaving node_modules/better-sqlite3 built for
 * Node (tests, CLI, server). The main process loads this copy through `nativeBinding`.
 *
 * Tries better-sqlite3's prebuilt Electron binary first (prebuild-install), then compiles against
 * Electron's headers with node-gyp. With --if-electron (postinstall) it does nothing where the
 * Electron binary was not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1, CI).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const onlyIfElectron = process.argv.includes('--if-electron');

function electronVersion() {
  try {
    const pkg = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
    const binaryPresent = existsSync(join(dirname(require.resolve('electron/package.json')), 'path.txt'));
    return { version: pkg.version, binaryPresent };
  } catch {
    return null;
  }
}

const electron = electronVersion();
if (!electron || !electron.binaryPresent) {
  const why = 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?)';
  if (onlyIfElectron) {
    console.log(`chapterdesk: skipping the Electron build of better-sqlite3: ${why}.`);
    process.exit(0);
  }
  console.error(
    `chapterdesk: cannot start the desktop app: ${why}. Run \`npm install\` with network access, or use browser mode: npm run serve -- --db chapter.sqlite`,
  );
  process.exit(1);
}

const source = dirname(require.resolve('better-sqlite3/package.json'));
const target = join(root, 'node_modules', '.chapterdesk-electron', 'better-sqlite3');
const stamp = join(target, '.electron-version');
const binary = join(target, 'build', 'Release', 'better_sqlite3.node');

if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electron.version)
  process.exit(0);

console.log(`chapterdesk: building better-sqlite3 for Electron ${electron.version}…`);
rmSync(target, { recursive: true, force: true });
mkdirSync(dirname(target), { recursive: true });
cpSync(source, target, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });

const run = (command, args) => execFileSync(command, args, { cwd: target, stdio: 'inherit' });
try {
  run(process.execPath, [
    require.resolve('prebuild-install/bin.js'),
    '--runtime=electron',
    `--target=${electron.version}`,
    `--arch=${process.arch}`,
  ]);
} catch {
  console.log('chapterdesk: no prebuilt binary; compiling against Electron headers with node-gyp…');
  run(process.execPath, [
    require.resolve('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electron.version}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
}
writeFileSync(stamp, electron.version);
console.log(`chapterdesk: Electron build of better-sqlite3 ready in ${target}`);
