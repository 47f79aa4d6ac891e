import { createHash } from 'node:crypto';
import { DERIVED_FIELDS } from '../shared/fields';
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
    for (const field of page) {
      // Derived columns are computed on each laptop and never sent; older laptops' copies do not count.
      if (DERIVED_FIELDS.has(`${field.tbl}.${field.col}`)) continue;
      hash.update(checksumLine(field), 'utf8');
      fields++;
    }
  });
  return { checksum: hash.digest('hex'), seq, fields };
}
