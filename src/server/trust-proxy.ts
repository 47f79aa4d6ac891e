import { isIP } from 'node:net';

/**
 * Which `X-Forwarded-For` entries name the client. `hops`: that many proxies stand in front of the
 * server, so the address that many entries from the end is the client's (1: the last one, which the
 * proxy appended itself). `proxies`: only connections from these addresses or ranges are proxies;
 * entries are read from the end while they name a proxy, so a client that reaches the server
 * directly cannot choose its address.
 */
export type TrustProxy = { hops: number } | { proxies: string[] };

// Ranges @fastify/proxy-addr knows by name.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 16;

function validProxy(entry: string): boolean {
  if (NAMED_RANGES.has(entry) || isIP(entry) !== 0) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false;
  const family = isIP(address!);
  return family !== 0 && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Reads `--trust-proxy`: a number of hops, or a comma-separated list of addresses and CIDR ranges. */
export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > MAX_HOPS) {
      throw new Error(
        `Give from 1 to ${MAX_HOPS} proxy hops; leave --trust-proxy out when there is no proxy.`,
      );
    }
    return { hops };
  }
  const proxies = text.split(',').map((entry) => entry.trim());
  const wrong = proxies.filter((entry) => !validProxy(entry));
  if (wrong.length > 0) {
    throw new Error(
      `Cannot read ${wrong.map((entry) => `"${entry}"`).join(', ')} as a proxy: give a number of hops, or addresses and CIDR ranges (10.0.0.5, 10.0.0.0/8, ::1, loopback) separated by commas.`,
    );
  }
  return { proxies };
}

/** Fastify's `trustProxy` for `trust`: a hop count becomes a function, as Fastify ignores numbers. */
export function fastifyTrustProxy(
  trust: TrustProxy | undefined,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (!trust) return false;
  if ('hops' in trust) {
    const { hops } = trust;
    return (_address, hop) => hop < hops;
  }
  return trust.proxies;
}

/** One line for the startup banner. */
export function describeTrustProxy(trust: TrustProxy | undefined): string {
  if (!trust) return "Client addresses: the connection's (X-Forwarded-For is ignored)";
  if ('hops' in trust) {
    return `Client addresses: from X-Forwarded-For, behind ${trust.hops} proxy hop${trust.hops === 1 ? '' : 's'}`;
  }
  return `Client addresses: from X-Forwarded-For when the connection comes from ${trust.proxies.join(', ')}`;
}
