import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { enrollRequestSchema, type EnrollResponse } from '../../shared/sync-protocol';
import { enrolmentCodeHash, newDeviceToken, sha256Hex } from '../auth';
import { HttpError, parseInput, unauthorised } from '../http-error';
import { perAddress, type RouteDeps } from './deps';

const REFUSALS = {
  unknown: 'This enrolment code is not valid. Check it, or ask the server administrator for a new one.',
  used: 'This enrolment code has already been used. Ask the server administrator for a new one.',
  expired: 'This enrolment code has expired. Ask the server administrator for a new one.',
} as const;

// Says nothing of the other device: it may belong to another chapter.
const NODE_ID_TAKEN =
  'Another device enrolled on this server already uses this node id; the code has not been used.';

export function registerEnrollRoute(app: FastifyInstance, { store, now, limits }: RouteDeps): void {
  app.post(
    '/v1/enroll',
    // Per address, because an enrolling laptop has no token yet; tight, because codes are secrets.
    { bodyLimit: 16 * 1024, config: perAddress(limits.enrolRequestsPerMinute) },
    async (request): Promise<EnrollResponse> => {
      const input = parseInput(enrollRequestSchema, request.body, 'enrolment request');
      const token = newDeviceToken();
      const deviceId = randomUUID();
      const outcome = await store.enrolDevice({
        codeHash: enrolmentCodeHash(input.code),
        deviceId,
        tokenHash: sha256Hex(token),
        nodeId: input.nodeId,
        previousTokenHash: input.token ? sha256Hex(input.token) : null,
        name: input.deviceName,
        chapterKey: input.chapterKey ?? null,
        at: new Date(now()),
      });
      if (!outcome.ok) {
        request.log.warn({ reason: outcome.reason, nodeId: input.nodeId }, 'enrolment refused');
        if (outcome.reason === 'node-taken') throw new HttpError(409, 'NODE_ID_TAKEN', NODE_ID_TAKEN);
        throw unauthorised(REFUSALS[outcome.reason]);
      }
      request.log.info({ deviceId, chapterId: outcome.chapter.id, nodeId: input.nodeId }, 'device enrolled');
      return {
        token,
        deviceId,
        chapterId: outcome.chapter.id,
        chapterName: outcome.chapter.name,
        ...(outcome.chapter.key ? { chapterKey: outcome.chapter.key } : {}),
        serverTime: now(),
      };
    },
  );
}
