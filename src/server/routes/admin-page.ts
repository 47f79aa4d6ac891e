import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ADMIN_PAGE_CSP, renderAdminPage } from '../admin-page';
import { bearerToken } from '../auth';
import { parseInput, unauthorised } from '../http-error';
import { perAddress, type RouteDeps } from './deps';

const COOKIE = 'chapterdesk_admin';
const COOKIE_MAX_AGE_S = 8 * 60 * 60;

function cookie(request: FastifyRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function registerAdminPageRoute(app: FastifyInstance, { admin, isAdmin, limits }: RouteDeps): void {
  app.get('/admin', { config: perAddress(limits.adminRequestsPerMinute) }, async (request, reply) => {
    const query = parseInput(z.object({ token: z.string().max(200).optional() }), request.query, 'query');
    if (query.token !== undefined) {
      if (!isAdmin(query.token)) throw unauthorised('That is not the admin token.');
      // Trade the token in the address for a cookie and redirect, so it leaves the address bar
      // and the history at once.
      const secure = request.protocol === 'https' ? '; Secure' : '';
      return reply
        .code(303)
        .header(
          'set-cookie',
          `${COOKIE}=${encodeURIComponent(query.token)}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}${secure}`,
        )
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .header('location', '/admin')
        .send();
    }
    if (!isAdmin(bearerToken(request)) && !isAdmin(cookie(request, COOKIE))) {
      throw unauthorised('Open /admin?token=<admin token>, or send the admin token as a Bearer token.');
    }
    return reply
      .header('content-security-policy', ADMIN_PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(renderAdminPage(await admin.overview()));
  });
}
