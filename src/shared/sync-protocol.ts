import { z } from 'zod';
import { schemaAdditions } from './fields';
import { isHlc, parseHlc } from './hlc';

/**
 * The wire format between a ChapterDesk laptop and the central sync server. Both sides import
 * this file, so a change here is a protocol change: bump SYNC_PROTOCOL_VERSION for an
 * incompatible envelope; new synced columns go in the field registry with the next schema number.
 */
export const SYNC_PROTOCOL_VERSION = 1;

/**
 * Synced columns by the schema version that introduced them, from the field registry
 * (src/shared/fields: each column says its `since`). A client declares the schema it speaks; the
 * server accepts every column known at that version, so a newer server keeps taking pushes from
 * older clients. A column's `since` never changes once shipped; a new column takes the next number.
 */
const SCHEMA_ADDITIONS = schemaAdditions();

export const SYNC_SCHEMA_VERSION = SCHEMA_ADDITIONS[SCHEMA_ADDITIONS.length - 1]!.schema;

/** Table -> columns a client speaking `schema` may send. */
export function syncedColumns(schema: number): ReadonlyMap<string, ReadonlySet<string>> {
  const tables = new Map<string, Set<string>>();
  for (const addition of SCHEMA_ADDITIONS) {
    if (addition.schema > schema) break;
    for (const [table, columns] of Object.entries(addition.tables)) {
      const known = tables.get(table) ?? new Set<string>();
      for (const column of columns) known.add(column);
      tables.set(table, known);
    }
  }
  return tables;
}

export const SYNC_LIMITS = {
  /** Changes per push request; clients aim for ~32 KB gzip batches, far below this. */
  maxChangesPerPush: 2000,
  /** Characters of one column value (JSON text). */
  maxValueLength: 65_536,
  defaultPullLimit: 500,
  maxPullLimit: 1000,
  /** A change stamped further than this ahead of the server's clock is refused (CLOCK_AHEAD). */
  maxClockAheadMs: 24 * 60 * 60 * 1000,
} as const;

/**
 * Stable error codes of the sync server. PAYLOAD_TOO_LARGE tells a client to split its batch;
 * SCHEMA_TOO_NEW tells it to keep its outbox and retry once the server has been upgraded;
 * NODE_ID_TAKEN refuses an enrolment whose node id another device already writes as (the code is
 * not spent).
 */
export const SYNC_ERROR_CODES = [
  'UNAUTHORISED',
  'FORBIDDEN',
  'VALIDATION',
  'NOT_FOUND',
  'CLOCK_AHEAD',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'SCHEMA_TOO_NEW',
  'NODE_ID_TAKEN',
  'INTERNAL',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** Why one change of a push was refused. Each is permanent: the client drops it from its outbox. */
export const REJECTION_CODES = ['VALIDATION', 'FORBIDDEN', 'CLOCK_AHEAD'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(SYNC_ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type SyncErrorBody = z.infer<typeof errorBodySchema>;

/** Same alphabet as the node part of an HLC stamp. */
export const nodeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'nodeId must be 1-64 letters, digits or -');

const rowIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'rowId must be 1-128 letters, digits or ._:-');

// A lone UTF-16 surrogate cannot be stored by PostgreSQL; refusing it here keeps one bad value
// from failing a whole batch later.
const LONE_SURROGATE = /\p{Cs}/u;

function isJsonText(value: string): boolean {
  if (LONE_SURROGATE.test(value)) return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

/** One field of one row. `value` is JSON text exactly as in the client's change log, or null. */
export const changeSchema = z
  .object({
    tbl: z.string().min(1).max(64),
    rowId: rowIdSchema,
    col: z.string().min(1).max(64),
    value: z
      .string()
      .max(SYNC_LIMITS.maxValueLength)
      .refine(isJsonText, 'value must be JSON text')
      .nullable(),
    hlc: z.string().refine(isHlc, 'hlc must be wall:counter:node'),
    nodeId: nodeIdSchema,
    /**
     * Who made the change, as the laptop's officer gave their name, so another laptop's history
     * and conflict cards name a person. Optional: clients before it send none, servers before it
     * drop it.
     */
    officer: z.string().max(200).nullable().optional(),
  })
  // Guarded because zod still runs this refinement when only the hlc refinement failed.
  .refine((change) => !isHlc(change.hlc) || parseHlc(change.hlc).node === change.nodeId, {
    message: 'the node of hlc must equal nodeId',
    path: ['hlc'],
  });
export type Change = z.infer<typeof changeSchema>;

export const pushRequestSchema = z.object({
  protocol: z.literal(SYNC_PROTOCOL_VERSION),
  schema: z.number().int().min(1),
  nodeId: nodeIdSchema,
  /** The client's own batch number; echoed back and recorded for the admin overview. */
  clientSeq: z.number().int().min(0),
  changes: z.array(changeSchema).max(SYNC_LIMITS.maxChangesPerPush),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * What the server parses: the envelope strictly, each change on its own, so one malformed
 * change is rejected with a reason instead of failing the batch.
 */
export const pushEnvelopeSchema = pushRequestSchema.extend({
  changes: z.array(z.unknown()).max(SYNC_LIMITS.maxChangesPerPush),
});

/**
 * Why a change was refused, as a stable code and parameters (VALUE_INVALID { table, column,
 * reason }, OTHER_CHAPTER { table, rowId }: see shared/fields/check.ts). Any code string is read,
 * so a client keeps working when a newer server adds one; clients from before it ignore the key.
 */
export const problemSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.string()),
});

export const rejectionSchema = z.object({
  index: z.number().int().min(0),
  code: z.enum(REJECTION_CODES),
  reason: z.string(),
  problem: problemSchema.optional(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const pushResponseSchema = z.object({
  clientSeq: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(rejectionSchema),
  serverTime: z.number(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(SYNC_LIMITS.maxPullLimit).default(SYNC_LIMITS.defaultPullLimit),
  /** 1: leave out the asking device's own changes (it has them); the cursor moves past them. */
  skipOwn: z.enum(['0', '1']).default('0'),
});
export type PullQuery = z.input<typeof pullQuerySchema>;

export const pulledChangeSchema = z.object({
  seq: z.number().int(),
  tbl: z.string(),
  rowId: z.string(),
  col: z.string(),
  value: z.string().nullable(),
  hlc: z.string(),
  nodeId: z.string(),
  officer: z.string().nullable().optional(),
});
export type PulledChange = z.infer<typeof pulledChangeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(pulledChangeSchema),
  /** The cursor to send as `after` next time: the last seq in this page, or `after` if empty. */
  next: z.number().int(),
  more: z.boolean(),
  serverTime: z.number(),
  /** The name each laptop of this page's changes enrolled with, by node id (servers before it send none). */
  laptops: z.record(z.string(), z.string()).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** A chapter's secret key for member ids (HMAC-SHA-256): 32 random bytes in hex. */
export const chapterKeySchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

/**
 * `POST /v1/sync/chapter-key`: a laptop enrolled before chapter keys offers its own and learns the
 * chapter's (its own, when it is the first to offer one).
 */
export const chapterKeyRequestSchema = z.object({ chapterKey: chapterKeySchema });
export const chapterKeyResponseSchema = z.object({ chapterKey: chapterKeySchema, serverTime: z.number() });
export type ChapterKeyResponse = z.infer<typeof chapterKeyResponseSchema>;

export const enrollRequestSchema = z.object({
  code: z.string().trim().min(1).max(64),
  nodeId: nodeIdSchema,
  deviceName: z.string().trim().min(1).max(200),
  /**
   * The token this laptop already holds from this server, if any: it shows that the node id is its
   * own, so enrolling again (after a revocation, with a new code) is not taken for a second device.
   */
  token: z.string().min(1).max(200).optional(),
  /** This laptop's chapter key (64 hex digits): the chapter's if the chapter has none yet. */
  chapterKey: chapterKeySchema.optional(),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  token: z.string(),
  deviceId: z.string(),
  chapterId: z.string(),
  chapterName: z.string(),
  /** The chapter's key for member ids; servers before keys send none. */
  chapterKey: chapterKeySchema.optional(),
  serverTime: z.number(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const checksumResponseSchema = z.object({
  checksum: z.string(),
  /** The chapter's last server_seq when the checksum was taken: compare only once pulled up to it. */
  seq: z.number().int(),
  fields: z.number().int(),
  serverTime: z.number(),
});
export type ChecksumResponse = z.infer<typeof checksumResponseSchema>;

export interface FieldState {
  tbl: string;
  rowId: string;
  col: string;
  value: string | null;
  hlc: string;
}

/**
 * The chapter checksum is the hex SHA-256 of checksumLine(field) for every field of the
 * last-writer-wins state, concatenated in (tbl, rowId, col) order by plain code-unit comparison.
 * A client computes the same over its own state once its outbox is empty and it has pulled up to
 * the returned seq; a mismatch means divergence.
 */
export function checksumLine(field: FieldState): string {
  return `${JSON.stringify([field.tbl, field.rowId, field.col, field.value, field.hlc])}\n`;
}
