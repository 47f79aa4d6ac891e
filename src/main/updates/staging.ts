/**
 * A staged rollout (`stagingPercentage` in latest.yml) reaches a laptop when its stable id falls in
 * the first N percent, read exactly as electron-updater reads it (AppUpdater.isStagingMatch): the
 * UUID's bytes 12–15 as a big-endian integer over 0xffffffff. So the fake feed and the real
 * updater pick the same laptops for the same id.
 */
export function inStagedRollout(stagingId: string, stagingPercentage: unknown): boolean {
  if (stagingPercentage === undefined || stagingPercentage === null) return true;
  const percent = Number.parseInt(String(stagingPercentage), 10);
  if (Number.isNaN(percent)) return true;
  const bytes = Buffer.from(stagingId.replace(/-/g, ''), 'hex');
  if (bytes.length !== 16) throw new Error('The staging id is not a UUID.');
  return bytes.readUInt32BE(12) / 0xffffffff < percent / 100;
}
