import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { gunzipSync, gzipSync, constants as zlib } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { parseHlc, formatHlc } from '../../../shared/hlc';
import { problem } from '../../../shared/problems';
import {
  changeSchema,
  nodeIdSchema,
  SYNC_LIMITS,
  SYNC_SCHEMA_VERSION,
  type Change,
  type PulledChange,
} from '../../../shared/sync-protocol';

/**
 * A sync file (`.chapterdesk`): the line `chapterdesk-sync/<format>`, then, sealed with AES-256-GCM
 * under a key derived from the chapter key, the gzip of the body (JSON). The first line says what
 * the file is before anything else is read, so a newer format is refused as newer rather than as
 * damaged. The seal is what makes a file safe to send through a messaging app: it carries members'
 * names, emails and phones, which no one without the chapter key can read, and no one without it
 * can write a file a laptop will load (an unkeyed checksum could be recomputed by anyone who had
 * seen one file). After the first line: an 8-byte key id (which chapter key sealed it, so another
 * chapter's file is named as such), a 16-byte salt, a 12-byte IV, the sealed bytes and the 16-byte tag.
 */
export const SYNC_FILE_FORMAT = 2;
const MAGIC = 'chapterdesk-sync/';
/**
 * A file that unpacks to more than this is not one we wrote (a gzip bomb): refused as damaged
 * before JSON.parse, whose running out of memory could not be caught. A full export of 100,000
 * members with their history is about 40 MB unpacked.
 */
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const MAX_CHANGES = 8_000_000;

/**
 * What the body holds. The changes are the wire's field changes (shared/sync-protocol `Change`),
 * packed: each is a tuple [field, row, wall, counter, node, officer, value?], where `field`
 * indexes `fields` ("table.column"), `row` is "" for the previous change's row, `wall` is the
 * stamp's wall clock less the previous change's (changes are in stamp order, so small), `node` and
 * `officer` index `nodes` and `officers`, and the value is the JSON value itself (absent: SQL null;
 * a value whose JSON text would not come back the same is [text] in an 8th slot after a 0).
 */
export interface SyncFileBody {
  format: number;
  chapterId: string;
  schema: number;
  /** The laptop (node id) that wrote the file. */
  node: string;
  writtenAt: string;
  /** Every change the laptop held (--all), or only those other laptops may lack. */
  all: boolean;
  /** This part's place among the files of one export: [1-based index, count]. */
  part: [number, number];
  /** Per node, the first and last stamp of its changes in this file. */
  covers: Record<string, [string, string]>;
  /** Per node, the newest stamp the writer held when it wrote the file (whether in this file or not). */
  seen: Record<string, string>;
  fields: string[];
  nodes: string[];
  officers: (string | null)[];
  changes: unknown[][];
}

const bodySchema = z.object({
  format: z.number().int(),
  chapterId: z.string().min(1).max(128),
  schema: z.number().int().min(1),
  node: nodeIdSchema,
  writtenAt: z.string(),
  all: z.boolean(),
  part: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
  covers: z.record(z.string(), z.tuple([z.string(), z.string()])),
  seen: z.record(z.string(), z.string()),
  fields: z.array(z.string().regex(/^[a-z0-9_]{1,64}\.[a-z0-9_]{1,64}$/)),
  nodes: z.array(nodeIdSchema),
  officers: z.array(z.string().max(200).nullable()),
  changes: z.array(z.array(z.unknown()).min(6).max(8)).max(MAX_CHANGES),
});

function refused(
  code: 'SYNC_FILE_NOT_SYNC_FILE' | 'SYNC_FILE_DAMAGED' | 'SYNC_FILE_TOO_NEW',
  message: string,
): AppError {
  return new AppError('VALIDATION', `${message} Nothing was applied.`, { problem: problem(code) });
}

export interface FileHeader {
  chapterId: string;
  node: string;
  writtenAt: string;
  all: boolean;
  part: [number, number];
  covers: Record<string, [string, string]>;
  seen: Record<string, string>;
}

/** Packs changes (in any order) into one sync file's bytes. */
export function encodeSyncFile(
  header: Omit<FileHeader, 'covers'>,
  changes: readonly Change[],
  chapterKey: string,
): Buffer {
  const sorted = [...changes].sort((a, b) =>
    a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.rowId < b.rowId ? -1 : a.rowId > b.rowId ? 1 : 0,
  );
  const fields: string[] = [];
  const nodes: string[] = [];
  const officers: (string | null)[] = [];
  const indexes = new Map<string, number>();
  const indexIn = (list: (string | null)[], kind: string, value: string | null) => {
    const key = `${kind}\u0000${value}`;
    let index = indexes.get(key);
    if (index === undefined) {
      index = list.push(value) - 1;
      indexes.set(key, index);
    }
    return index;
  };
  const covers: Record<string, [string, string]> = {};
  const packed: unknown[][] = [];
  let previousRow = '';
  let previousWall = 0;
  for (const c of sorted) {
    const { wall, counter } = parseHlc(c.hlc);
    const range = covers[c.nodeId];
    if (!range) covers[c.nodeId] = [c.hlc, c.hlc];
    else range[1] = c.hlc;
    const tuple: unknown[] = [
      indexIn(fields, 'f', `${c.tbl}.${c.col}`),
      c.rowId === previousRow ? '' : c.rowId,
      wall - previousWall,
      counter,
      indexIn(nodes, 'n', c.nodeId),
      indexIn(officers, 'o', c.officer ?? null),
    ];
    if (c.value !== null) {
      const value = JSON.parse(c.value) as unknown;
      if (JSON.stringify(value) === c.value) tuple.push(value);
      else tuple.push(0, c.value);
    }
    packed.push(tuple);
    previousRow = c.rowId;
    previousWall = wall;
  }
  const body: SyncFileBody = {
    format: SYNC_FILE_FORMAT,
    chapterId: header.chapterId,
    schema: SYNC_SCHEMA_VERSION,
    node: header.node,
    writtenAt: header.writtenAt,
    all: header.all,
    part: header.part,
    covers,
    seen: header.seen,
    fields,
    nodes: nodes,
    officers,
    changes: packed,
  };
  return sealSyncText(JSON.stringify(body), chapterKey);
}

const KEY_ID_BYTES = 8;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Which chapter key sealed a file: an HMAC under a key of its own, so it says nothing of the key. */
function keyIdOf(chapterKey: string): Buffer {
  const idKey = Buffer.from(
    hkdfSync('sha256', Buffer.from(chapterKey, 'hex'), Buffer.alloc(0), 'chapterdesk-file/2 id', 32),
  );
  return createHmac('sha256', idKey).update('chapterdesk sync file').digest().subarray(0, KEY_ID_BYTES);
}

function sealKey(chapterKey: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(chapterKey, 'hex'), salt, 'chapterdesk-file/2 seal', 32));
}

/** Seals a body's JSON text as a sync file of `format` (other formats only in tests). */
export function sealSyncText(text: string, chapterKey: string, format = SYNC_FILE_FORMAT): Buffer {
  const head = Buffer.concat([
    Buffer.from(`${MAGIC}${format}\n`),
    keyIdOf(chapterKey),
    randomBytes(SALT_BYTES),
  ]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealKey(chapterKey, head.subarray(-SALT_BYTES)), iv);
  cipher.setAAD(head);
  const sealed = Buffer.concat([
    cipher.update(gzipSync(text, { level: zlib.Z_BEST_COMPRESSION })),
    cipher.final(),
  ]);
  return Buffer.concat([head, iv, sealed, cipher.getAuthTag()]);
}

/**
 * What a file says it is, read from its first line alone: refuses what is not a sync file and one
 * of a newer format before anything else, even on a laptop that holds no chapter yet.
 */
export function syncFileFormat(bytes: Buffer): number {
  const lineEnd = bytes.subarray(0, 64).indexOf(0x0a);
  const magic = bytes.subarray(0, lineEnd < 0 ? 64 : lineEnd).toString('latin1');
  if (lineEnd < 0 || !magic.startsWith(MAGIC) || !/^\d{1,6}$/.test(magic.slice(MAGIC.length))) {
    throw refused('SYNC_FILE_NOT_SYNC_FILE', 'This is not a ChapterDesk sync file.');
  }
  const format = Number(magic.slice(MAGIC.length));
  if (format > SYNC_FILE_FORMAT) {
    throw refused(
      'SYNC_FILE_TOO_NEW',
      `This sync file was written by a newer version of ChapterDesk (format ${format}); update ChapterDesk to load it.`,
    );
  }
  // Format 1 (unsealed) never left a development build.
  if (format < SYNC_FILE_FORMAT)
    throw refused('SYNC_FILE_NOT_SYNC_FILE', 'This is not a ChapterDesk sync file.');
  return format;
}

/** Opens a sealed file to its body's JSON text, or refuses it as another chapter's or as damaged. */
export function unsealSyncText(bytes: Buffer, chapterKey: string): string {
  syncFileFormat(bytes);
  const headLength = bytes.indexOf(0x0a) + 1 + KEY_ID_BYTES + SALT_BYTES;
  if (bytes.length < headLength + IV_BYTES + TAG_BYTES) {
    throw refused('SYNC_FILE_DAMAGED', 'This sync file is damaged or incomplete.');
  }
  const head = bytes.subarray(0, headLength);
  const keyId = head.subarray(-(KEY_ID_BYTES + SALT_BYTES), -SALT_BYTES);
  if (!timingSafeEqual(keyId, keyIdOf(chapterKey))) {
    throw new AppError(
      'VALIDATION',
      'This sync file was written by a laptop of another chapter (it is sealed with another chapter key). Nothing was applied.',
      { problem: problem('SYNC_FILE_OTHER_CHAPTER') },
    );
  }
  const iv = bytes.subarray(headLength, headLength + IV_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', sealKey(chapterKey, head.subarray(-SALT_BYTES)), iv);
  decipher.setAAD(head);
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  let packed: Buffer;
  try {
    packed = Buffer.concat([
      decipher.update(bytes.subarray(headLength + IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch (error) {
    throw refused(
      'SYNC_FILE_DAMAGED',
      `This sync file is damaged, cut, or was changed after it was written (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  try {
    return gunzipSync(packed, { maxOutputLength: MAX_UNPACKED_BYTES }).toString('utf8');
  } catch (error) {
    throw refused(
      'SYNC_FILE_DAMAGED',
      `This sync file is damaged or incomplete (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

export interface DecodedSyncFile extends FileHeader {
  schema: number;
  changes: PulledChange[];
}

/**
 * Reads a sync file's bytes, refusing (with a problem code, before anything is applied) what is
 * not a sync file, another chapter's, a damaged, cut or altered one, and one from a newer format or
 * sync schema.
 */
export function decodeSyncFile(bytes: Buffer, now: Date, chapterKey: string): DecodedSyncFile {
  const format = syncFileFormat(bytes);
  const body = unsealSyncText(bytes, chapterKey);
  let parsed: z.infer<typeof bodySchema>;
  try {
    parsed = bodySchema.parse(JSON.parse(body));
  } catch (error) {
    throw refused(
      'SYNC_FILE_DAMAGED',
      `This sync file is damaged (${error instanceof Error ? error.message.slice(0, 200) : String(error)}).`,
    );
  }
  if (parsed.format !== format) {
    throw refused('SYNC_FILE_DAMAGED', 'This sync file is damaged: its format is given twice, differently.');
  }
  if (parsed.schema > SYNC_SCHEMA_VERSION) {
    throw refused(
      'SYNC_FILE_TOO_NEW',
      `This sync file was written by a newer version of ChapterDesk (sync schema ${parsed.schema}); update ChapterDesk to load it.`,
    );
  }
  return { ...parsed, changes: unpack(parsed, now.getTime() + SYNC_LIMITS.maxClockAheadMs) };
}

/** An index into one of the body's lists, or undefined when it is not one. */
function entry<T>(list: readonly T[], index: unknown): T | undefined {
  return Number.isInteger(index) && (index as number) >= 0 && (index as number) < list.length
    ? list[index as number]
    : undefined;
}

/**
 * The changes, each checked as the server checks a pushed one. A stamp more than the server's
 * allowance ahead of this laptop's clock is refused, as the server refuses it: it would win its
 * fields everywhere and carry this laptop's clock forward past what the server accepts.
 */
function unpack(body: z.infer<typeof bodySchema>, latestWall: number): PulledChange[] {
  const changes: PulledChange[] = [];
  let row = '';
  let wall = 0;
  body.changes.forEach((tuple, seq) => {
    const [field, rowId, wallDelta, counter, node, officer] = tuple;
    const fieldName = entry(body.fields, field);
    const nodeId = entry(body.nodes, node);
    const officerName = entry(body.officers, officer);
    if (
      fieldName === undefined ||
      nodeId === undefined ||
      officerName === undefined ||
      typeof rowId !== 'string' ||
      typeof wallDelta !== 'number' ||
      typeof counter !== 'number'
    ) {
      throw refused('SYNC_FILE_DAMAGED', `This sync file is damaged (change ${seq + 1}).`);
    }
    if (rowId !== '') row = rowId;
    wall += wallDelta;
    if (wall > latestWall) {
      throw refused(
        'SYNC_FILE_DAMAGED',
        `This sync file holds a change stamped ${new Date(wall).toISOString()}, more than a day ahead of this computer's clock: the clock of the laptop that wrote it is wrong.`,
      );
    }
    const [tbl, col] = fieldName.split('.') as [string, string];
    const value =
      tuple.length === 6 ? null : tuple.length === 8 ? tuple[7] : JSON.stringify(tuple[6] as unknown);
    const change = {
      tbl,
      rowId: row,
      col,
      value,
      hlc:
        Number.isSafeInteger(wall) && Number.isSafeInteger(counter) && wall >= 0 && counter >= 0
          ? formatHlc({ wall, counter, node: nodeId })
          : '',
      nodeId,
      officer: officerName,
    };
    // Each change is checked as the server checks a pushed one: a well-formed stamp, row id and value.
    const checked = changeSchema.safeParse(change);
    if (!checked.success) {
      throw refused('SYNC_FILE_DAMAGED', `This sync file is damaged (change ${seq + 1}).`);
    }
    changes.push({ seq, ...checked.data, officer: officerName });
  });
  return changes;
}
