import { userInfo } from 'node:os';
import { AppError } from '../../shared/errors';
import { ROW_CREATED } from '../db/changes';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { DEFAULT_TYPE_KEYS, defaultTypeId, getChapter } from '../services/chapter/chapter';
import {
  createDevice,
  getDevice,
  nodeIdUnused,
  redrawNodeId,
  resetDeviceClock,
} from '../services/device/device';
import { memberIdFor } from '../services/members/identity';
import type { EnrollResponse } from '../../shared/sync-protocol';
import { offsetFrom } from './run';
import type { SecretStore } from './secrets';
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
  transportFor: (serverUrl: string, token?: string) => SyncTransport;
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

function renameRow(
  db: Db,
  table: 'chapter' | 'membership_types' | 'members',
  from: string,
  to: string,
): void {
  if (from === to) return;
  if (!statement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(from)) return;
  if (statement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(to)) return;
  statement(db, `UPDATE ${table} SET id = ? WHERE id = ?`).run(to, from);
  statement(db, `UPDATE changes SET row_id = ? WHERE tbl = ? AND row_id = ?`).run(to, table, from);
}

/**
 * A chapter set up offline has ids derived from its own, local chapter id. On first enrolment it
 * joins the server's chapter, so those ids are re-derived from the server's chapter id: then the
 * same member (by email) and the same default types created on two laptops become one row. Nothing
 * has been pushed yet, so renaming in the outbox is safe.
 */
function adoptServerChapter(db: Db, serverChapterId: string): void {
  const local = getChapter(db);
  if (!local || local.id === serverChapterId) return;
  renameRow(db, 'chapter', local.id, serverChapterId);
  for (const key of DEFAULT_TYPE_KEYS) {
    const from = defaultTypeId(local.id, key);
    const to = defaultTypeId(serverChapterId, key);
    renameRow(db, 'membership_types', from, to);
    renameReference(db, 'members', 'type_id', from, to);
    renameReference(db, 'payments', 'type_id', from, to);
  }
  const withEmail = statement(db, `SELECT id, email FROM members WHERE email IS NOT NULL`).all() as {
    id: string;
    email: string;
  }[];
  for (const m of withEmail) {
    if (m.id !== memberIdFor(local.id, m.email)) continue;
    const to = memberIdFor(serverChapterId, m.email);
    renameRow(db, 'members', m.id, to);
    renameReference(db, 'payments', 'member_id', m.id, to);
  }
}

/** Points the rows that refer to a renamed row, and their waiting log entries, at its new id. */
function renameReference(
  db: Db,
  table: 'members' | 'payments',
  column: string,
  from: string,
  to: string,
): void {
  statement(db, `UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(to, from);
  statement(db, `UPDATE changes SET value = ? WHERE tbl = ? AND col = ? AND value = ?`).run(
    JSON.stringify(to),
    table,
    column,
    JSON.stringify(from),
  );
  statement(
    db,
    `UPDATE changes SET value = json_set(value, '$.${column}', ?)
     WHERE tbl = ? AND col = '${ROW_CREATED}' AND value ->> '$.${column}' = ?`,
  ).run(to, table, from);
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
  let serverUrl: URL;
  try {
    serverUrl = new URL(input.serverUrl);
  } catch {
    throw new AppError('VALIDATION', 'The server address is not a valid URL.', {
      fields: [{ field: 'serverUrl', message: 'Use an address like https://sync.example.org' }],
    });
  }
  if (serverUrl.protocol !== 'https:' && serverUrl.protocol !== 'http:') {
    throw new AppError('VALIDATION', 'The server address must start with https://', {
      fields: [{ field: 'serverUrl', message: 'Use an address like https://sync.example.org' }],
    });
  }
  const device =
    getDevice(db) ?? createDevice(db, input.officerName || userInfo().username || 'Officer', now());
  const address = serverUrl.toString().replace(/\/+$/, '');
  const previous = getSyncState(db);
  // Enrolling again with the same server: the token held shows the node id is this laptop's own.
  // It is never sent to another server.
  const ownToken = previous?.serverUrl === address ? deps.secrets.reveal(previous.token) : null;
  const transport = deps.transportFor(serverUrl.toString());
  let sentAt = 0;
  const enrol = (nodeId: string) => {
    sentAt = now().getTime();
    return transport.enroll({
      code: input.code,
      nodeId,
      deviceName: device.officerName,
      ...(ownToken ? { token: ownToken } : {}),
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
  }
  const firstEnrolment = previous === null;
  db.transaction(() => {
    if (firstEnrolment) adoptServerChapter(db, reply.chapterId);
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
