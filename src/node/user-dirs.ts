import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user folders where programs keep their data and their state, as each platform names
 * them (the XDG base directories on Linux and other Unixes). Read from `env` so that a test, or an
 * administrator, can point them elsewhere.
 */
function home(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || homedir();
}

function platformFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  if (platform === 'win32') return env.LOCALAPPDATA || join(home(env), 'AppData', 'Local');
  if (platform === 'darwin') return join(home(env), 'Library', 'Application Support');
  return null;
}

/** Long-lived data: `$XDG_DATA_HOME`, else `~/.local/share`. */
export function userDataHome(env: NodeJS.ProcessEnv, platform = process.platform): string {
  return platformFolder(env, platform) ?? (env.XDG_DATA_HOME || join(home(env), '.local', 'share'));
}

/** State that matters only while programs run: `$XDG_STATE_HOME`, else `~/.local/state`. */
export function userStateHome(env: NodeJS.ProcessEnv, platform = process.platform): string {
  return platformFolder(env, platform) ?? (env.XDG_STATE_HOME || join(home(env), '.local', 'state'));
}
