import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/open';
import { statement } from '../../db/statements';

export interface ChapterKey {
  /** 64 hex digits: the HMAC key of member ids. */
  key: string;
  /** The sync server's chapter holds this key (or gave it): ids made with it are the chapter's. */
  confirmed: boolean;
}

export function newChapterKey(): string {
  return randomBytes(32).toString('hex');
}

export function getChapterKey(db: Db): ChapterKey {
  const row = statement(db, `SELECT member_key, confirmed FROM chapter_key WHERE id = 1`).get() as
    { member_key: string; confirmed: number } | undefined;
  // Migration 014 writes the row in every file; a file without it was not migrated.
  if (!row) throw new Error('This chapter file has no chapter key.');
  return { key: row.member_key, confirmed: row.confirmed === 1 };
}

export function setChapterKey(db: Db, key: string, confirmed: boolean): void {
  statement(db, `UPDATE chapter_key SET member_key = ?, confirmed = ? WHERE id = 1`).run(
    key,
    confirmed ? 1 : 0,
  );
}
