import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paymentListInput } from '../../shared/payments';
import { enrol, openLaptop, type Laptop } from '../../../tests/helpers/laptop';
import { startSyncServer, type TestSyncServer } from '../../../tests/helpers/sync-server';
import { localChecksum } from './checksum';

describe('a chapter set up offline with payments joins the server', () => {
  let server: TestSyncServer;
  const laptops: Laptop[] = [];
  beforeAll(async () => {
    server = await startSyncServer('pglite');
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => laptops.splice(0).forEach((l) => l.close()));

  it('keeps each payment on its member and type when their ids are re-derived at enrolment', async () => {
    const chapterId = (await server.admin.addChapter('Dakar')).id;
    const a = openLaptop('Awa', { setupChapter: true });
    const b = openLaptop('Bineta');
    laptops.push(a, b);
    const student = a.handlers['membershipTypes.list'](undefined).find((t) => t.kind === 'student')!;
    a.handlers['membershipTypes.update']({ id: student.id, patch: { fee: '25' } });
    const member = a.handlers['members.create']({
      firstName: 'Awa',
      email: 'awa@example.org',
      typeId: student.id,
    });
    a.handlers['payments.record']({ memberId: member.id, amount: '25', method: 'cash' });

    await enrol(a, server, chapterId);
    await a.sync.runOnce();
    await enrol(b, server, chapterId);
    await b.sync.runOnce();

    for (const l of [a, b]) {
      const [payment] = l.handlers['payments.list'](paymentListInput.parse({})).rows;
      const [found] = l.handlers['members.list']({
        query: '',
        sort: 'name',
        direction: 'asc',
        offset: 0,
        limit: 10,
      }).rows;
      // The first laptop to enrol gave the chapter its key: its member ids stand; type ids follow the chapter id.
      expect(found!.id).toBe(member.id);
      expect(found!.typeId).not.toBe(student.id);
      expect(payment).toMatchObject({ memberId: found!.id, memberName: 'Awa', typeId: found!.typeId });
      expect(found).toMatchObject({ status: 'active', typeName: 'Student' });
    }
    expect(localChecksum(b.db).checksum).toBe(localChecksum(a.db).checksum);
  });
});
