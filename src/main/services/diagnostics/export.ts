import type { DiagnosticsFile } from '../../../shared/diagnostics';
import { LATEST_VERSION } from '../../db/migrations';
import { userVersion, type Db } from '../../db/open';
import { pendingCount } from '../../sync/outbox';
import { getSyncState } from '../../sync/state';
import { listBackups } from '../backup/folder';
import { readRecentLines } from '../../../node/rotating-log';
import { LOG_KEEP, LOG_NAME, logFolder } from './log';
import { runtimeFields } from './runtime';

/** The recent log sent with diagnostics: enough for weeks of ordinary use, small enough to e-mail. */
const RECENT_LOG_BYTES = 512 * 1024;

export interface DiagnosticsDeps {
  /** Null while the chapter file is damaged: the file itself is not read, the rest still helps. */
  db: Db | null;
  dbPath: string;
  now: () => Date;
}

function tableCounts(db: Db): Record<string, number> {
  // Names come from sqlite_master, not from input; quoted as identifiers all the same.
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n,
    ]),
  );
}

/** Where sync stands, without the token, the server's words or anything a change carries. */
function syncSummary(db: Db) {
  const state = getSyncState(db);
  if (!state) return { enrolled: false, pending: pendingCount(db) };
  return {
    enrolled: true,
    // The origin only: a path or query could carry what the secretary typed into it.
    server: URL.canParse(state.serverUrl) ? new URL(state.serverUrl).origin : null,
    deviceId: state.deviceId,
    chapterId: state.chapterId,
    pullCursor: state.pullCursor,
    nextClientSeq: state.nextClientSeq,
    clockOffsetMs: state.clockOffsetMs,
    lastSyncAt: state.lastSyncAt,
    lastErrorCode: state.lastErrorCode,
    pending: pendingCount(db),
  };
}

/**
 * What support needs to see why a laptop misbehaves, and nothing about the chapter's people: the
 * app's version and platform, the schema version, how many rows each table holds, where sync
 * stands (no token), the automatic backups (names and sizes) and the recent log, which holds ids
 * and codes only (log.ts). One JSON file, so the secretary can open it and see what they send.
 */
export function collectDiagnostics(deps: DiagnosticsDeps): DiagnosticsFile {
  const { db, dbPath, now } = deps;
  const at = now();
  const report = {
    format: 'chapterdesk-diagnostics',
    formatVersion: 1,
    createdAt: at.toISOString(),
    app: runtimeFields(),
    damaged: db === null,
    schema: { version: db ? userVersion(db) : null, latest: LATEST_VERSION },
    tables: db ? tableCounts(db) : null,
    sync: db ? syncSummary(db) : null,
    // Not their names: they begin with the chapter file's, which the user chose.
    backups: listBackups(dbPath).map(({ kind, createdAt, bytes }) => ({
      kind,
      createdAt,
      bytes,
    })),
    log: readRecentLines(logFolder(dbPath), LOG_NAME, LOG_KEEP, RECENT_LOG_BYTES).map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return { unreadable: line.length }; // a line cut by a crash: its length, not its bytes
      }
    }),
  };
  return {
    fileName: `chapterdesk-diagnostics-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.json`,
    content: `${JSON.stringify(report, null, 2)}\n`,
  };
}
