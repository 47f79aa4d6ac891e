import { errorBodySchema } from '../../shared/sync-protocol';
import type { AdminChapter, AdminDevice, AdminOperations, IssuedCode } from '../../server/admin-service';
import { HttpError } from '../../server/http-error';

/** The admin operations through a running server's admin API. */
export function createHttpAdmin(baseUrl: string, adminToken: string): AdminOperations {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new Error(`The running server at ${baseUrl} did not answer (${(error as Error).message}).`, {
        cause: error,
      });
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(payload);
      if (parsed.success)
        throw new HttpError(response.status, parsed.data.error.code, parsed.data.error.message);
      throw new Error(`The server at ${baseUrl} answered ${response.status}.`);
    }
    return payload as T;
  }

  return {
    addChapter: (name) => call<AdminChapter>('POST', '/v1/admin/chapters', { name }),
    listChapters: async () =>
      (await call<{ chapters: AdminChapter[] }>('GET', '/v1/admin/chapters')).chapters,
    issueEnrolmentCode: (chapterId, expiresInMs) =>
      call<IssuedCode>('POST', '/v1/admin/enrolments', { chapterId, expiresInMs }),
    listDevices: async () => (await call<{ devices: AdminDevice[] }>('GET', '/v1/admin/devices')).devices,
    revokeDevice: (id) => call<AdminDevice>('POST', `/v1/admin/devices/${encodeURIComponent(id)}/revoke`),
  };
}
