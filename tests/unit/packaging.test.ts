import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { load } from 'js-yaml';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import afterPack, { FUSES } from '../../build/after-pack.mjs';

/**
 * The installers cannot be built here (electron-builder downloads Electron), so these check what
 * `npm run dist` is given: the targets, the archive and its unpacked native module, the hook that
 * flips the fuses (run on a stand-in binary with Electron's fuse wire) and the icons.
 */
const root = join(__dirname, '..', '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  directories: { buildResources: string };
  files: (string | { from: string; to: string; filter: string[] })[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string; entitlements: string; hardenedRuntime: boolean };
  publish: { provider: string; url: string }[];
}
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** The fuse wire as Electron's binary carries it: sentinel, version, length, one byte a fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
function standInElectron(dir: string, name: string): string {
  const path = join(dir, name);
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10111011')]);
  writeFileSync(path, Buffer.concat([Buffer.alloc(64, 7), wire, Buffer.alloc(64, 7)]));
  return path;
}

/** electron-builder's own loader and schema check (app-builder-lib, as pinned in package.json). */
const builderConfig = require('app-builder-lib/out/util/config/config.js') as {
  getConfig: (projectDir: string, configPath: null, fromOptions: null) => Promise<object>;
  validateConfiguration: (config: object, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('electron-builder configuration', () => {
  it('is the file electron-builder loads, and passes its schema', async () => {
    const loaded = await builderConfig.getConfig(root, null, null);
    expect(loaded).toMatchObject({ appId: 'org.chapterdesk.desktop', asar: true });
    await expect(
      builderConfig.validateConfiguration(loaded, new DebugLogger(false)),
    ).resolves.toBeUndefined();
    // The check is real: a misspelt option is refused.
    await expect(
      builderConfig.validateConfiguration(
        { ...loaded, asarUnpak: ['native/*.node'] },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/asarUnpak/);
  });

  it('makes AppImage and deb, NSIS, dmg and zip installers', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
  });

  it('packs the app in an ASAR with the Electron build of better-sqlite3 beside it, unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContainEqual({
      from: 'node_modules/.chapterdesk-electron/better-sqlite3/build/Release',
      to: 'native',
      filter: ['better_sqlite3.node'],
    });
    expect(config.asarUnpack).toContain('native/*.node');
    // The Node build would fail to load in Electron: it is left out, and so is the command line.
    expect(config.files).toContain('!node_modules/better-sqlite3/build/**');
    expect(config.files).toContain('!out/cli/**');
  });

  it('publishes to a generic feed whose address is given when packaging', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.CHAPTERDESK_UPDATES_URL}' }]);
  });

  it('has its resources in build/: icons, entitlements and the afterPack hook', () => {
    expect(config.directories.buildResources).toBe('build');
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    const icon = PNG.sync.read(readFileSync(join(root, config.linux.icon)));
    expect([icon.width, icon.height]).toEqual([512, 512]);
    expect(config.mac.icon).toBe(config.linux.icon);
    const ico = readFileSync(join(root, config.win.icon));
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 1]);
    expect(ico.subarray(22, 26).toString('latin1')).toBe('\x89PNG');
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(join(root, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
    expect(existsSync(join(root, 'resources', 'icon.png'))).toBe(true);
  });
});

describe('the afterPack hook', () => {
  it('asks for run-as-node, NODE_OPTIONS and --inspect off, cookie encryption, ASAR integrity and ASAR-only on', () => {
    expect(FUSES).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('flips those fuses in the packaged Linux and Windows binaries and leaves the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-fuses-'));
    const linux = standInElectron(dir, 'chapterdesk');
    const windows = standInElectron(dir, 'ChapterDesk.exe');
    const packager = { appInfo: { productFilename: 'ChapterDesk' }, executableName: 'chapterdesk' };
    await afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager });
    await afterPack({ appOutDir: dir, electronPlatformName: 'win32', arch: 1, packager });
    for (const binary of [linux, windows]) {
      const wire = (await getCurrentFuseWire(binary)) as Record<number, number>;
      const states = Array.from({ length: 8 }, (_, i) => String.fromCharCode(wire[i]!)).join('');
      // RunAsNode 0, cookies 1, NODE_OPTIONS 0, inspect 0, integrity 1, ASAR only 1; the V8
      // snapshot and file:// privileges fuses keep Electron's defaults (1, 1 in the stand-in).
      expect(states).toBe('010011' + '11');
    }
  });

  it("refuses a binary without Electron's fuse wire rather than ship it unflipped", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-fuses-'));
    writeFileSync(join(dir, 'chapterdesk'), Buffer.alloc(256, 1));
    const packager = { appInfo: { productFilename: 'ChapterDesk' }, executableName: 'chapterdesk' };
    await expect(
      afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager }),
    ).rejects.toThrow(/sentinel/);
  });
});
