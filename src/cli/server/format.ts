import type { AdminChapter, AdminDevice } from '../../server/admin-service';

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
}

const day = (at: string | null): string => (at ? at.replace('T', ' ').slice(0, 16) : 'never');

export function chapterLines(chapters: AdminChapter[]): string[] {
  if (chapters.length === 0) return ['No chapters yet.'];
  return table([
    ['ID', 'NAME', 'DEVICES', 'CHANGES', 'LAST SYNC (UTC)'],
    ...chapters.map((c) => [c.id, c.name, String(c.activeDevices), String(c.lastSeq), day(c.lastSyncAt)]),
  ]);
}

export function deviceLines(devices: AdminDevice[]): string[] {
  if (devices.length === 0) return ['No devices enrolled yet.'];
  return table([
    ['ID', 'CHAPTER', 'DEVICE', 'NODE', 'LAST SYNC (UTC)', 'STATUS'],
    ...devices.map((d) => [
      d.id,
      d.chapterName,
      d.name,
      d.nodeId,
      day(
        [d.lastPushAt, d.lastPullAt]
          .filter((at): at is string => at !== null)
          .sort()
          .pop() ?? null,
      ),
      d.revokedAt ? `revoked ${day(d.revokedAt)}` : 'active',
    ]),
  ]);
}
