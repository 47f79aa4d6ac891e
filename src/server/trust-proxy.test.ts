import { describe, expect, it } from 'vitest';
import { clientKey } from './client-address';
import { describeTrustProxy, fastifyTrustProxy, parseTrustProxy } from './trust-proxy';

describe('--trust-proxy', () => {
  it('reads a number of hops or a list of proxies', () => {
    expect(parseTrustProxy('1')).toEqual({ hops: 1 });
    expect(parseTrustProxy(' 2 ')).toEqual({ hops: 2 });
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback')).toEqual({
      proxies: ['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback'],
    });
  });

  it('refuses what it cannot read, naming it', () => {
    expect(() => parseTrustProxy('0')).toThrow(/from 1 to 16 proxy hops/);
    expect(() => parseTrustProxy('17')).toThrow(/from 1 to 16 proxy hops/);
    expect(() => parseTrustProxy('true')).toThrow(/"true"/);
    expect(() => parseTrustProxy('10.0.0.5,proxy.example.org')).toThrow(/"proxy\.example\.org"/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33"/);
    expect(() => parseTrustProxy('::/129')).toThrow(/"::\/129"/);
    expect(() => parseTrustProxy('10.0.0.0/8/8')).toThrow(/as a proxy/);
    expect(() => parseTrustProxy('10.0.0.5,')).toThrow(/""/);
  });

  it('trusts exactly the given number of hops, never everything', () => {
    const trust = fastifyTrustProxy({ hops: 2 });
    if (typeof trust !== 'function') throw new Error('hops become a function');
    expect([0, 1, 2].map((hop) => trust('203.0.113.1', hop))).toEqual([true, true, false]);
    expect(fastifyTrustProxy(undefined)).toBe(false);
    expect(fastifyTrustProxy({ proxies: ['10.0.0.5'] })).toEqual(['10.0.0.5']);
    expect(describeTrustProxy({ hops: 1 })).toBe(
      'Client addresses: from X-Forwarded-For, behind 1 proxy hop',
    );
  });
});

describe('client keys for per-address limits', () => {
  it('keeps IPv4 addresses, mapped or not, and counts IPv6 by /64', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});
