import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 in node_modules is built for Node (tests, CLI, server). The app loads a second
 * build for Electron's ABI, made by scripts/electron-native.mjs, through the `nativeBinding`
 * option. A packaged app whose builder rebuilt native modules for Electron has none and uses the
 * default.
 */
export const ELECTRON_BINDING_DIR = join('node_modules', '.chapterdesk-electron', 'better-sqlite3');

export function electronNativeBinding(appPath: string): string | undefined {
  const candidate = join(appPath, ELECTRON_BINDING_DIR, 'build', 'Release', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}
