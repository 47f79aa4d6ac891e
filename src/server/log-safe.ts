import { isIPv4, isIPv6 } from 'node:net';
import { clientKey } from './client-address';

/**
 * What the server's logs may say. They name chapters, devices and node ids (random, no one's name)
 * and counts, never what a change carries or who sent it: an address is logged as its network (an
 * IPv4 /24, an IPv6 /48), enough to see a flood from one place, not to name a household; a database
 * error keeps its SQLSTATE code and its stack frames but not its message or detail, which quote the
 * value that failed (`invalid input syntax for type uuid: "…"`, `Key (col)=(…)`).
 */
export function logAddress(ip: string): string {
  const key = clientKey(ip);
  if (isIPv4(key)) return `${key.split('.').slice(0, 3).join('.')}.0/24`;
  if (key.endsWith('::/64')) {
    const groups = key.slice(0, -'::/64'.length).split(':');
    return `${groups.slice(0, 3).join(':')}::/48`;
  }
  return isIPv6(key) ? 'ipv6' : 'unknown';
}

/** A Postgres (and PGlite) error: five-character SQLSTATE code. */
function isDatabaseError(error: { code?: unknown }): boolean {
  return typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code);
}

/** Stack frames only: the first line of a stack repeats the message. */
function frames(stack: string | undefined): string {
  return (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/** An error as the log may hold it: its kind, code and stack frames; a database error's message goes. */
export function logError(error: Error): { type: string; message: string; stack: string; code?: string } {
  const coded = error as Error & { code?: unknown };
  const code = typeof coded.code === 'string' ? coded.code : undefined;
  const stack = frames(error.stack);
  if (isDatabaseError(coded)) return { type: error.name, code, message: `database error ${code}`, stack };
  return { type: error.name, ...(code ? { code } : {}), message: error.message, stack };
}
