import { arch, platform, release } from 'node:os';
import { version } from '../../../../package.json';

/** What ChapterDesk runs as and on: for the log's start line and the diagnostics file. */
export function runtimeFields() {
  return {
    version,
    electron: process.versions['electron'] ?? null,
    node: process.versions.node,
    platform: platform(),
    osRelease: release(),
    arch: arch(),
  };
}
