import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeProblem } from '../../shared/fields/check';
import {
  chapterKeyRequestSchema,
  type ChapterKeyResponse,
  pullQuerySchema,
  pushEnvelopeSchema,
  SYNC_SCHEMA_VERSION,
  type ChecksumResponse,
  type PulledChange,
  type PullResponse,
  type PushResponse,
} from '../../shared/sync-protocol';
import { authenticateDevice } from '../auth';
import { chapterChecksum } from '../checksum';
import { HttpError, parseInput } from '../http-error';
import { triageChanges } from '../push-triage';
import type { DeviceIdentity } from '../store/types';
import { perCaller, type RouteDeps } from './deps';

// Set by the onRequest hook of every sync route; handlers never run without it.
const devices = new WeakMap<FastifyRequest, DeviceIdentity>();

function deviceOf(request: FastifyRequest): DeviceIdentity {
  const device = devices.get(request);
  if (!device) throw new Error('Sync route reached without an authenticated device');
  return device;
}

// Roughly what one change costs in JSON besides its row id and value: keys, stamp, node, quotes.
const CHANGE_OVERHEAD_BYTES = 96;

/** Keeps a pull page near `budget` bytes on slow links, but always moves the cursor by one. */
function withinBudget(changes: PulledChange[], budget: number): PulledChange[] {
  let used = 0;
  let count = 0;
  for (const change of changes) {
    used += CHANGE_OVERHEAD_BYTES + change.rowId.length + (change.value?.length ?? 0);
    if (count > 0 && used > budget) break;
    count += 1;
  }
  return changes.slice(0, count);
}

export function registerSyncRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store, now, limits } = deps;
  // Authenticate before the body is read, so unknown callers cannot make us inflate or parse it.
  const options = {
    config: perCaller(limits.syncRequestsPerMinute),
    onRequest: async (request: FastifyRequest) => {
      devices.set(request, await authenticateDevice(request, store));
    },
  };

  app.post('/v1/sync/chapter-key', options, async (request): Promise<ChapterKeyResponse> => {
    const device = deviceOf(request);
    const body = parseInput(chapterKeyRequestSchema, request.body, 'chapter key request');
    const chapterKey = await store.chapterKey(device.chapterId, body.chapterKey);
    return { chapterKey: chapterKey ?? body.chapterKey, serverTime: now() };
  });

  app.post('/v1/sync/push', options, async (request): Promise<PushResponse> => {
    const device = deviceOf(request);
    const body = parseInput(pushEnvelopeSchema, request.body, 'push request');
    if (body.schema > SYNC_SCHEMA_VERSION) {
      throw new HttpError(
        409,
        'SCHEMA_TOO_NEW',
        `This server knows sync schema ${SYNC_SCHEMA_VERSION}; the client speaks ${body.schema}. Keep the changes and retry after the server is upgraded.`,
      );
    }
    if (body.nodeId !== device.nodeId) {
      throw new HttpError(
        403,
        'FORBIDDEN',
        `This token was issued to node ${device.nodeId}, not ${body.nodeId}; enrol this laptop again.`,
      );
    }
    const at = now();
    const { valid, validIndexes, rejected } = triageChanges(body.changes, {
      schema: body.schema,
      nodeId: device.nodeId,
      chapterId: device.chapterId,
      now: at,
    });
    const { erased, ...applied } = await store.applyPush({
      chapterId: device.chapterId,
      deviceId: device.id,
      clientSeq: body.clientSeq,
      changes: valid,
      at: new Date(at),
    });
    for (const i of erased) {
      const change = valid[i]!;
      const problem = { code: 'ERASED', params: { table: change.tbl, rowId: change.rowId } } as const;
      // FORBIDDEN for clients from before erasures, which read no problem code and keep the change.
      rejected.push({
        index: validIndexes[i]!,
        code: 'FORBIDDEN',
        reason: describeProblem(problem),
        problem,
      });
    }
    request.log.info(
      {
        chapterId: device.chapterId,
        deviceId: device.id,
        clientSeq: body.clientSeq,
        accepted: applied.accepted,
        duplicates: applied.duplicates,
        rejected: rejected.length,
      },
      'push applied',
    );
    return { clientSeq: body.clientSeq, ...applied, rejected, serverTime: now() };
  });

  app.get('/v1/sync/pull', options, async (request): Promise<PullResponse> => {
    const device = deviceOf(request);
    const query = parseInput(pullQuerySchema, request.query, 'pull query');
    // A client that asks (skipOwn=1) already holds its own changes: sending them back would cost a
    // slow link twice. The database skips them and the cursor still moves past them.
    const page = await store.pull(
      device.chapterId,
      query.after,
      query.limit,
      query.skipOwn === '1' ? device.nodeId : undefined,
    );
    const changes = withinBudget(page.changes, limits.pullPageBytes);
    const cut = changes.length < page.changes.length;
    await store.recordDeviceActivity(device.id, 'pull', new Date(now()));
    return {
      changes,
      next: cut ? changes[changes.length - 1]!.seq : page.scannedTo,
      more: page.more || cut,
      serverTime: now(),
      laptops: page.laptops,
    };
  });

  app.get('/v1/sync/checksum', options, async (request): Promise<ChecksumResponse> => {
    const device = deviceOf(request);
    const result = await chapterChecksum(store, device.chapterId);
    await store.recordDeviceActivity(device.id, 'seen', new Date(now()));
    return { ...result, serverTime: now() };
  });
}
