import { createHash } from 'node:crypto';
import { checksumLine } from '../shared/sync-protocol';
import type { SyncStore } from './store/types';

/** The chapter checksum defined in sync-protocol.ts, with the seq and field count it covers. */
export async function chapterChecksum(
  store: SyncStore,
  chapterId: string,
): Promise<{ checksum: string; seq: number; fields: number }> {
  const hash = createHash('sha256');
  let fields = 0;
  const { seq } = await store.scanFieldState(chapterId, (page) => {
    for (const field of page) hash.update(checksumLine(field), 'utf8');
    fields += page.length;
  });
  return { checksum: hash.digest('hex'), seq, fields };
}
