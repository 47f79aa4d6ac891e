import type { OperationInput, OperationResult } from '../../../shared/api';
import type { OperationName } from '../../../shared/operations';
import { ApiError, toApiError } from './ApiError';
import { takeSessionToken } from './sessionToken';
import { httpTransport, ipcTransport, type Transport } from './transports';

type CallArgs<K extends OperationName> =
  undefined extends OperationInput<K> ? [input?: OperationInput<K>] : [input: OperationInput<K>];

export interface ApiClient {
  /** Resolves with the operation's value or rejects with an ApiError. */
  call<K extends OperationName>(name: K, ...args: CallArgs<K>): Promise<OperationResult<K>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call<K extends OperationName>(name: K, ...args: CallArgs<K>): Promise<OperationResult<K>> {
      let result;
      try {
        result = await transport(name, args[0]);
      } catch (error) {
        throw toApiError(error);
      }
      if (result.ok) return result.value as OperationResult<K>;
      throw ApiError.fromBody(result.error);
    },
  };
}

/** The preload bridge exists only inside the Electron window; any other page came from `chapterdesk serve`. */
function pickTransport(): Transport {
  return window.chapterdesk ? ipcTransport(window.chapterdesk) : httpTransport(takeSessionToken());
}

export const api = createApiClient(pickTransport());
