import { isIP } from 'node:net';
import { fieldError } from '../../shared/errors';
import { problem } from '../../shared/problems';

const EXAMPLE = 'Use an address like https://sync.example.org';

const invalid = (summary: string) =>
  fieldError('VALIDATION', 'serverUrl', EXAMPLE, problem('SERVER_URL_INVALID'), summary);

/** This computer: 127.0.0.0/8, ::1 and localhost, which no one else on the network can pose as. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * The sync server's address, checked before anything is sent to it. The enrolment code and then
 * the device token travel in every request, so a server beyond this computer must be reached over
 * https://: over plain http:// anyone on the way (the café's Wi-Fi, a shared link) could read them.
 */
export function parseServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('The server address is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid('The server address must start with https://');
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    const message = `Use https://${url.host}: http:// is only for a server on this computer.`;
    throw fieldError(
      'VALIDATION',
      'serverUrl',
      message,
      problem('INSECURE_SERVER_URL', { host: url.host }),
      message,
    );
  }
  return url;
}
