import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 in node_modules is built for Node (tests, CLI, server). The app loads a second
 * build for Electron's ABI, made by scripts/electron-native.mjs, through the `nativeBinding`
 * option: from node_modules/.chapterdesk-electron in development, from `native/` in a packaged app
 * (electron-builder.yml copies it there and keeps it unpacked beside the ASAR archive, where
 * Electron loads it from when asked for the path inside the archive).
 */
export const ELECTRON_BINDING_DIR = join('node_modules', '.chapterdesk-electron', 'better-sqlite3');
export const PACKAGED_BINDING = join('native', 'better_sqlite3.node');

export function electronNativeBinding(appPath: string): string | undefined {
  const candidates = [
    join(appPath, PACKAGED_BINDING),
    join(appPath, ELECTRON_BINDING_DIR, 'build', 'Release', 'better_sqlite3.node'),
  ];
  return candidates.find((candidate) => existsSync(candidate));
}
