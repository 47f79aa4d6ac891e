import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { chapterInput, enrolmentInput } from '../admin-service';
import { requireAdmin } from '../auth';
import { parseInput } from '../http-error';
import { perCaller, type RouteDeps } from './deps';

/** JSON admin API: what the CLI uses while the server owns an embedded database. */
export function registerAdminApiRoutes(app: FastifyInstance, { admin, isAdmin, limits }: RouteDeps): void {
  const options = {
    bodyLimit: 16 * 1024,
    config: perCaller(limits.adminRequestsPerMinute),
    onRequest: async (request: FastifyRequest) => requireAdmin(isAdmin, request),
  };

  app.get('/v1/admin/chapters', options, async () => ({ chapters: await admin.listChapters() }));

  app.post('/v1/admin/chapters', options, async (request, reply) => {
    const input = parseInput(chapterInput, request.body, 'chapter');
    return reply.code(201).send(await admin.addChapter(input.name));
  });

  app.post('/v1/admin/enrolments', options, async (request, reply) => {
    const input = parseInput(enrolmentInput, request.body, 'enrolment request');
    return reply.code(201).send(await admin.issueEnrolmentCode(input.chapterId, input.expiresInMs));
  });

  app.get('/v1/admin/devices', options, async () => ({ devices: await admin.listDevices() }));

  app.post('/v1/admin/devices/:id/revoke', options, async (request) => {
    const params = parseInput(z.object({ id: z.string() }), request.params, 'path');
    return admin.revokeDevice(params.id);
  });

  app.get('/v1/admin/overview', options, async () => admin.overview());
}
