import { userInfo } from 'node:os';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { DEFAULT_TYPE_KEYS, defaultTypeId, getChapter } from '../services/chapter/chapter';
import {
  createDevice,
  getDevice,
  nodeIdUnused,
  redrawNodeId,
  resetDeviceClock,
} from '../services/device/device';
import { isDerivedId } from '../db/identity';
import { getChapterKey } from '../services/chapter/key';
import { adoptChapterKey, legacyMemberId, rekeyUnpushedMembers } from './chapter-key';
import { renameReference, renameRow } from './rename-rows';
import { parseServerUrl } from './server-url';
import type { EnrollResponse } from '../../shared/sync-protocol';
import { offsetFrom } from './run';
import type { SecretStore } from './secrets';
import { recordTraffic } from './traffic';
import { getSyncState, saveEnrollment } from './state';
import { SyncTransportError, type SyncTransport } from './transport';

export interface EnrollInput {
  serverUrl: string;
  code: string;
  /** Who uses this laptop, when it joins a chapter without having set one up. */
  officerName?: string;
}

export interface EnrollDeps {
  db: Db;
  now: () => Date;
  transportFor: (
    serverUrl: string,
    token?: string,
    count?: (bytes: { sent?: number; received?: number }) => void,
  ) => SyncTransport;
  /** How the token is kept in the chapter file. */
  secrets: SecretStore;
}

const NODE_ID_TAKEN =
  'Another laptop connected to this server already has the identity of this chapter file: the file is ' +
  "probably a copy, or a restored backup, of that laptop's. Two laptops with one identity would never " +
  'receive each other’s changes, so the server refused; the code has not been used. To work on this ' +
  'laptop, join the chapter with a new, empty chapter file and the same code. If the other laptop is ' +
  'gone for good, or this is that laptop and its stored access could not be read, ask your ' +
  'administrator to revoke its old access, then connect again.';

function isNodeIdTaken(error: unknown): boolean {
  return error instanceof SyncTransportError && error.code === 'NODE_ID_TAKEN';
}

/**
 * A chapter set up offline has its own chapter id and its own key. On first enrolment it joins the
 * server's chapter: the default types' ids are re-derived from the server's chapter id, and members'
 * ids from the chapter's key (ids from before keys, v5 of the chapter id and the email, too), so the
 * same member (by email) and the same default types created on two laptops become one row. Nothing
 * has been pushed yet, so renaming in the outbox is safe.
 */
function adoptServerChapter(db: Db, serverChapterId: string, serverKey: string): void {
  const local = getChapter(db);
  if (!local) return;
  if (local.id !== serverChapterId) {
    renameRow(db, 'chapter', local.id, serverChapterId);
    for (const key of DEFAULT_TYPE_KEYS) {
      const from = defaultTypeId(local.id, key);
      const to = defaultTypeId(serverChapterId, key);
      renameRow(db, 'membership_types', from, to);
      renameReference(db, 'members', 'type_id', from, to);
      renameReference(db, 'payments', 'type_id', from, to);
    }
  }
  rekeyUnpushedMembers(
    db,
    serverKey,
    (id, email) => isDerivedId(id) && id === legacyMemberId(local.id, email),
  );
}

/**
 * Connects this laptop to a sync server with a one-time code from the server's administrator.
 * A laptop without a chapter yet gets its chapter with the first sync; one with a chapter made
 * offline uploads it.
 */
export async function enrollDevice(
  deps: EnrollDeps,
  input: EnrollInput,
): Promise<{ chapterId: string; chapterName: string }> {
  const { db, now } = deps;
  const serverUrl = parseServerUrl(input.serverUrl);
  const device =
    getDevice(db) ?? createDevice(db, input.officerName || userInfo().username || 'Officer', now());
  const address = serverUrl.toString().replace(/\/+$/, '');
  const previous = getSyncState(db);
  // Enrolling again with the same server: the token held shows the node id is this laptop's own.
  // It is never sent to another server.
  const ownToken = previous?.serverUrl === address ? deps.secrets.reveal(previous.token) : null;
  const bytes = { sent: 0, received: 0 };
  const transport = deps.transportFor(serverUrl.toString(), undefined, (b) => {
    bytes.sent += b.sent ?? 0;
    bytes.received += b.received ?? 0;
  });
  let sentAt = 0;
  const enrol = (nodeId: string) => {
    sentAt = now().getTime();
    return transport.enroll({
      code: input.code,
      nodeId,
      deviceName: device.officerName,
      ...(ownToken ? { token: ownToken } : {}),
      chapterKey: getChapterKey(db).key,
    });
  };
  let reply: EnrollResponse;
  try {
    reply = await enrol(device.nodeId);
  } catch (error) {
    if (!isNodeIdTaken(error)) throw error;
    // A laptop that never enrolled and has written nothing under its random node id (a fresh one
    // whose draw collided) takes another: nothing carries the old one. One that has written is a
    // copy of another laptop's file, whose log holds that laptop's changes under that id.
    if (previous || !nodeIdUnused(db)) throw new AppError('NODE_ID_TAKEN', NODE_ID_TAKEN);
    reply = await enrol(redrawNodeId(db)).catch((again: unknown) => {
      throw isNodeIdTaken(again) ? new AppError('NODE_ID_TAKEN', NODE_ID_TAKEN) : again;
    });
  } finally {
    // Enrolling costs bytes too, refused or not.
    recordTraffic(db, 'server', bytes, now());
  }
  const firstEnrolment = previous === null;
  db.transaction(() => {
    // A server from before chapter keys sends none: this laptop's stays, unconfirmed, and is offered
    // again before its next push (sync/chapter-key.ts).
    const serverKey = reply.chapterKey ?? null;
    if (firstEnrolment) adoptServerChapter(db, reply.chapterId, serverKey ?? getChapterKey(db).key);
    if (serverKey) adoptChapterKey(db, serverKey);
    saveEnrollment(db, {
      serverUrl: address,
      token: deps.secrets.protect(reply.token),
      deviceId: reply.deviceId,
      chapterId: reply.chapterId,
      clockOffsetMs: offsetFrom(reply.serverTime, sentAt, now().getTime()),
    });
  })();
  resetDeviceClock(db);
  return { chapterId: reply.chapterId, chapterName: reply.chapterName };
}
