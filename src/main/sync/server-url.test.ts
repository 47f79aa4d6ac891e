import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { parseServerUrl } from './server-url';

function refusal(text: string): AppError {
  try {
    parseServerUrl(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

describe('the sync server address', () => {
  it('takes https anywhere, and http only on this computer', () => {
    for (const ok of [
      'https://sync.example.org',
      'https://203.0.113.7:8443/',
      'http://127.0.0.1:8787',
      'http://127.12.0.3:8787',
      'http://localhost:8787',
      'http://LOCALHOST',
      'http://[::1]:8787',
    ]) {
      expect(parseServerUrl(ok).href).toBe(new URL(ok).href);
    }
  });

  it('refuses http to another machine, naming the https address to use instead', () => {
    for (const [text, host] of [
      ['http://sync.example.org', 'sync.example.org'],
      ['http://192.168.1.20:8787', '192.168.1.20:8787'],
      ['http://128.0.0.1', '128.0.0.1'],
      ['http://localhost.example.org', 'localhost.example.org'],
      ['http://[::2]', '[::2]'],
    ] as const) {
      const error = refusal(text);
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toBe(`Use https://${host}: http:// is only for a server on this computer.`);
      expect(error.details?.fields?.[0]).toMatchObject({
        field: 'serverUrl',
        problem: { code: 'INSECURE_SERVER_URL', params: { host } },
      });
    }
  });

  it('refuses what is not a web address', () => {
    expect(refusal('sync.example.org').message).toMatch(/not a valid URL/);
    expect(refusal('ftp://sync.example.org').message).toMatch(/must start with https/);
  });
});
