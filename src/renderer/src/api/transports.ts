import type { ChapterDeskApi } from '../../../shared/api';
import type { Result } from '../../../shared/errors';
import type { OperationName } from '../../../shared/operations';
import { ApiError, isClientErrorCode } from './ApiError';

/** Sends one operation and resolves with its Result; rejects only when no Result came back. */
export type Transport = (name: OperationName, input: unknown) => Promise<Result<unknown>>;

export function ipcTransport(bridge: ChapterDeskApi): Transport {
  return (name, input) => (bridge[name] as (input?: unknown) => Promise<Result<unknown>>)(input);
}

export function httpTransport(token: string | null): Transport {
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input ?? null),
      });
    } catch (error) {
      throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
    }
    const body: unknown = await response.json().catch(() => null);
    if (isResult(body)) return body;
    throw new ApiError(
      response.status === 401 ? 'UNAUTHORISED' : 'INTERNAL',
      `Unexpected answer from the server (HTTP ${response.status})`,
    );
  };
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  return (
    body.ok === false &&
    'error' in body &&
    typeof body.error === 'object' &&
    body.error !== null &&
    'code' in body.error &&
    isClientErrorCode(body.error.code)
  );
}
