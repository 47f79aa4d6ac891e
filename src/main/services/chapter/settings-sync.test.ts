import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chapterUpdateInput } from '../../../shared/chapter-settings';
import { enrol, openLaptop, syncAll, type Laptop } from '../../../../tests/helpers/laptop';
import { startSyncServer, type TestSyncServer } from '../../../../tests/helpers/sync-server';
import { localChecksum } from '../../sync/checksum';

describe('chapter settings across laptops', () => {
  let server: TestSyncServer;
  const laptops: Laptop[] = [];
  beforeAll(async () => {
    server = await startSyncServer('pglite');
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => laptops.splice(0).forEach((l) => l.close()));

  it('reach the other laptop, whose history names the officer and laptop that changed them', async () => {
    const chapterId = (await server.admin.addChapter('Dakar')).id;
    const a = openLaptop('Awa', { setupChapter: true });
    const b = openLaptop('Bineta');
    laptops.push(a, b);
    await enrol(a, server, chapterId);
    await a.sync.runOnce();
    await enrol(b, server, chapterId);

    a.handlers['chapter.update'](
      chapterUpdateInput.parse({
        graceDays: 60,
        csvDelimiter: ';',
        officers: ['Awa', 'Bineta'],
        locale: 'fr',
      }),
    );
    await syncAll(a, b);

    expect(b.handlers['chapter.get'](undefined)).toMatchObject({
      graceDays: 60,
      csvDelimiter: ';',
      officers: ['Awa', 'Bineta'],
      locale: 'fr',
      // Who uses a laptop is that laptop's own.
      officerName: 'Bineta',
    });
    const grace = b.handlers['chapter.history'](undefined)
      .filter((h) => h.column === 'graceDays')
      .at(-1);
    expect(grace).toMatchObject({ value: 60, by: { officer: 'Awa', thisLaptop: false } });
    expect(localChecksum(b.db).checksum).toBe(localChecksum(a.db).checksum);
  });
});
