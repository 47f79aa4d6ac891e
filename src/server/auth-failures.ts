import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientKey } from './client-address';
import { HttpError } from './http-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** False on routes that take no credentials (health checks): the guard leaves them alone. */
    credentials?: false;
  }
}

export interface FailureCounterOptions {
  /** Failed authentications one address may have in a window. */
  max: number;
  windowMs: number;
  now: () => number;
  /** Addresses remembered at once; past this the oldest windows are forgotten, so memory stays bounded. */
  maxTracked?: number;
}

export interface FailureTicket {
  key: string;
  start: number;
}

export type FailureAdmission = { ticket: FailureTicket } | { retryAfterMs: number };

export interface FailureCounter {
  /** Counts a request as failed until `settle` says otherwise, or refuses it when the window is full. */
  admit(key: string): FailureAdmission;
  settle(ticket: FailureTicket, failed: boolean): void;
  /** Addresses currently remembered (for tests of the memory bound). */
  size(): number;
}

/**
 * Failed authentications per address in fixed windows, in this process's memory. A request is
 * counted as a failure from the moment it is admitted, and taken back once it has authenticated:
 * so many guesses sent in parallel cannot all pass the check before the first one fails.
 */
export function createFailureCounter(options: FailureCounterOptions): FailureCounter {
  const { max, windowMs, now } = options;
  const maxTracked = options.maxTracked ?? 100_000;
  // Insertion order is window order (a new window re-inserts its key), so the first entries are
  // the oldest.
  const windows = new Map<string, { start: number; count: number }>();
  let sweptAt = 0;

  const sweep = (at: number) => {
    if (at - sweptAt < windowMs) return;
    sweptAt = at;
    for (const [key, window] of windows) if (at - window.start >= windowMs) windows.delete(key);
  };

  return {
    admit(key) {
      const at = now();
      sweep(at);
      let window = windows.get(key);
      if (!window || at - window.start >= windowMs) {
        windows.delete(key);
        window = { start: at, count: 0 };
        windows.set(key, window);
        while (windows.size > maxTracked) windows.delete(windows.keys().next().value!);
      }
      if (window.count >= max) return { retryAfterMs: window.start + windowMs - at };
      window.count += 1;
      return { ticket: { key, start: window.start } };
    },
    settle(ticket, failed) {
      if (failed) return;
      const window = windows.get(ticket.key);
      if (!window || window.start !== ticket.start) return;
      window.count -= 1;
      if (window.count === 0) windows.delete(ticket.key);
    },
    size: () => windows.size,
  };
}

/**
 * Refuses an address that has failed authentication too often, before any route authenticates it
 * (so before a token or code costs a database query), and counts every 401 answered to it. Runs
 * as an application hook, ahead of the routes' own hooks and their per-device rate limits.
 * A request whose client goes away before the answer stays counted: otherwise a guesser could
 * abort every attempt after it reached the database.
 */
export function registerAuthFailureGuard(app: FastifyInstance, counter: FailureCounter): void {
  const tickets = new WeakMap<FastifyRequest, FailureTicket>();
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.credentials === false) return;
    const admission = counter.admit(clientKey(request.ip));
    if ('ticket' in admission) {
      tickets.set(request, admission.ticket);
      return;
    }
    const seconds = Math.max(1, Math.ceil(admission.retryAfterMs / 1000));
    void reply.header('retry-after', String(seconds));
    throw new HttpError(
      429,
      'RATE_LIMITED',
      `Too many failed authentications from this address; retry in ${seconds} s.`,
    );
  });
  app.addHook('onResponse', async (request, reply) => {
    const ticket = tickets.get(request);
    if (ticket) counter.settle(ticket, reply.statusCode === 401);
  });
}
