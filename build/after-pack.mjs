/**
 * electron-builder's afterPack hook: flips Electron's fuses in the packaged binary before it is
 * signed and wrapped into installers, so a shipped ChapterDesk cannot be turned into a general
 * Node runtime or inspector by whoever can start it with extra arguments or environment:
 * - RunAsNode off: ELECTRON_RUN_AS_NODE would make the signed binary run any script as Node.
 * - NODE_OPTIONS and --inspect off: both let a launcher inject code into the main process.
 * - Cookie encryption on: cookies at rest sealed with the OS keystore, like the sync token.
 * - ASAR integrity on and app only from the ASAR: the code that runs is the code that was signed
 *   (on macOS and Windows, where Electron checks the integrity electron-builder embeds).
 * The V8 snapshot and file:// privileges fuses keep Electron's defaults: the window loads from
 * file:// (lazily loaded screens included). FUSES is exported for tests/unit/packaging.test.ts.
 */
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** The Electron binary electron-builder just laid out in appOutDir, per platform. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${product}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${product}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  // Flipping fuses breaks an existing ad-hoc signature on Apple silicon: re-sign ad hoc until
  // electron-builder signs for real (Arch.arm64 is 3 and Arch.universal 4 in builder-util).
  const adHoc = context.electronPlatformName === 'darwin' && [3, 4].includes(context.arch);
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: adHoc });
}
