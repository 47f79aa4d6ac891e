import type { FastifyRequest } from 'fastify';
import { bearerToken, sha256Hex } from '../auth';
import type { AdminService } from '../admin-service';
import { clientKey } from '../client-address';
import type { SyncStore } from '../store/types';

export interface ServerLimits {
  /** Largest request body after gzip decompression, in bytes. */
  bodyBytes: number;
  /** Pull pages stop growing at about this many bytes of change data. */
  pullPageBytes: number;
  syncRequestsPerMinute: number;
  enrolRequestsPerMinute: number;
  adminRequestsPerMinute: number;
  /** Requests to /updates/ per address: a differential download asks once per changed range. */
  updateRequestsPerMinute: number;
  /** Answers of 401 one address may get in a minute before it is refused without a look at the database. */
  failedAuthPerMinute: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: 1024 * 1024,
  pullPageBytes: 1024 * 1024,
  syncRequestsPerMinute: 120,
  enrolRequestsPerMinute: 10,
  adminRequestsPerMinute: 120,
  updateRequestsPerMinute: 600,
  failedAuthPerMinute: 60,
};

export interface RouteDeps {
  store: SyncStore;
  now: () => number;
  admin: AdminService;
  isAdmin: (candidate: string | null | undefined) => boolean;
  limits: ServerLimits;
}

/**
 * Rate-limit key: the SHA-256 of the bearer token when there is one, so each device (and the
 * admin) has its own budget and the token itself never sits in the limiter's memory; the client
 * address otherwise.
 */
function rateLimitKey(request: FastifyRequest): string {
  const token = bearerToken(request);
  return token ? `token:${sha256Hex(token)}` : `ip:${clientKey(request.ip)}`;
}

export function perCaller(max: number) {
  return { rateLimit: { max, timeWindow: 60_000, keyGenerator: rateLimitKey } };
}

export function perAddress(max: number) {
  return {
    rateLimit: { max, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => clientKey(request.ip) },
  };
}
