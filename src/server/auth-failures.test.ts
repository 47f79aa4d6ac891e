import { describe, expect, it } from 'vitest';
import { createFailureCounter, type FailureAdmission, type FailureTicket } from './auth-failures';
import { testClock } from './test-support';

function ticketOf(admission: FailureAdmission): FailureTicket {
  if (!('ticket' in admission)) throw new Error(`refused, retry in ${admission.retryAfterMs} ms`);
  return admission.ticket;
}

describe('failed authentications per address', () => {
  it('refuses the address once the window holds `max` failures, until the window ends', () => {
    const clock = testClock();
    const counter = createFailureCounter({ max: 2, windowMs: 60_000, now: clock.now });
    counter.settle(ticketOf(counter.admit('a')), true);
    clock.advance(10_000);
    counter.settle(ticketOf(counter.admit('a')), true);
    expect(counter.admit('a')).toEqual({ retryAfterMs: 50_000 });
    expect('ticket' in counter.admit('b')).toBe(true);
    clock.advance(50_000);
    expect('ticket' in counter.admit('a')).toBe(true);
  });

  it('takes back requests that authenticated, but not those of an earlier window', () => {
    const clock = testClock();
    const counter = createFailureCounter({ max: 2, windowMs: 60_000, now: clock.now });
    const first = ticketOf(counter.admit('a'));
    ticketOf(counter.admit('a'));
    // Both are in flight: a third waits for one of them to turn out fine.
    expect('retryAfterMs' in counter.admit('a')).toBe(true);
    counter.settle(first, false);
    const late = ticketOf(counter.admit('a'));
    clock.advance(60_000);
    counter.settle(ticketOf(counter.admit('a')), true);
    counter.settle(late, false);
    counter.settle(ticketOf(counter.admit('a')), true);
    expect('retryAfterMs' in counter.admit('a')).toBe(true);
  });

  it('forgets finished windows and never remembers more than `maxTracked` addresses', () => {
    const clock = testClock();
    const counter = createFailureCounter({ max: 5, windowMs: 60_000, now: clock.now, maxTracked: 100 });
    for (let i = 0; i < 1_000; i += 1) ticketOf(counter.admit(`10.0.${i >> 8}.${i & 255}`));
    expect(counter.size()).toBe(100);
    clock.advance(60_000);
    ticketOf(counter.admit('10.9.9.9'));
    expect(counter.size()).toBe(1);
    // Successes leave nothing behind.
    counter.settle(ticketOf(counter.admit('10.8.8.8')), false);
    expect(counter.size()).toBe(1);
  });
});
