import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import {
  enrollResponseSchema,
  chapterKeyResponseSchema,
  type ChapterKeyResponse,
  errorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  type EnrollRequest,
  type EnrollResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync-protocol';

/** Why a request failed: the server's stable code, or NETWORK when no valid answer came back. */
export class SyncTransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncTransportError';
  }
}

export interface SyncTransport {
  enroll(request: EnrollRequest): Promise<EnrollResponse>;
  /** Offers this laptop's chapter key; answers the chapter's. */
  chapterKey(chapterKey: string): Promise<ChapterKeyResponse>;
  push(request: PushRequest): Promise<PushResponse>;
  /** Changes after `after`; this laptop's own are left out unless `ownToo` (after a restore). */
  pull(after: number, limit: number, ownToo?: boolean): Promise<PullResponse>;
}

export interface HttpTransportOptions {
  baseUrl: string;
  token?: string;
  /** A request that has not finished by then is abandoned; a dead link must not hang sync. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Counts request body bytes as sent on the wire (after gzip), for figures and progress. */
  onBytesSent?: (bytes: number) => void;
  /** Counts each answer's bytes as they came on the wire (gzip, when the server compressed it). */
  onBytesReceived?: (bytes: number) => void;
}

/**
 * The size of an answer's body as it travelled. fetch hands over the body already inflated and the
 * server streams gzip without a length, so a gzip answer is compressed again here: the same zlib at
 * its default level, as the server's, gives the same length (give or take the header's few bytes).
 */
function wireBytes(response: Response, text: string): number {
  const length = Number(response.headers.get('content-length'));
  const encoding = response.headers.get('content-encoding');
  if (encoding === 'gzip') return gzipSync(Buffer.from(text)).length;
  return Number.isFinite(length) && length > 0 ? length : Buffer.byteLength(text);
}

export function httpTransport(options: HttpTransportOptions): SyncTransport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function call<T>(path: string, schema: z.ZodType<T>, init: RequestInit): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    headers.set('accept-encoding', 'gzip');
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    let response: Response | undefined;
    let text = '';
    // One immediate retry: a kept-alive connection the server has since closed (a restart, a
    // proxy timeout) fails the first request on it. Both push and pull are safe to repeat.
    for (let attempt = 1; !response; attempt++) {
      try {
        response = await doFetch(`${base}${path}`, {
          ...init,
          headers,
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
        options.onBytesReceived?.(wireBytes(response, text));
      } catch (error) {
        response = undefined;
        if (attempt < 2 && !(error instanceof Error && error.name === 'TimeoutError')) continue;
        const reason = error instanceof Error ? error.message : String(error);
        throw new SyncTransportError('NETWORK', `Cannot reach the sync server at ${base}: ${reason}`);
      }
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new SyncTransportError(
        'NETWORK',
        `The sync server sent an incomplete or invalid answer (HTTP ${response.status}).`,
        response.status,
      );
    }
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(body);
      if (parsed.success)
        throw new SyncTransportError(parsed.data.error.code, parsed.data.error.message, response.status);
      throw new SyncTransportError(
        'NETWORK',
        `The sync server answered HTTP ${response.status}.`,
        response.status,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new SyncTransportError('NETWORK', 'The sync server answered in an unexpected format.');
    return parsed.data;
  }

  function postJson<T>(path: string, schema: z.ZodType<T>, payload: unknown): Promise<T> {
    const body = gzipSync(Buffer.from(JSON.stringify(payload)));
    options.onBytesSent?.(body.length);
    return call(path, schema, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
  }

  return {
    enroll: (request) => postJson('/v1/enroll', enrollResponseSchema, request),
    chapterKey: (chapterKey) => postJson('/v1/sync/chapter-key', chapterKeyResponseSchema, { chapterKey }),
    push: (request) => postJson('/v1/sync/push', pushResponseSchema, request),
    pull: (after, limit, ownToo = false) =>
      call(`/v1/sync/pull?after=${after}&limit=${limit}${ownToo ? '' : '&skipOwn=1'}`, pullResponseSchema, {
        method: 'GET',
      }),
  };
}
