import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../tests/helpers/chapter';
import { dispatch } from './dispatch';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const silent = { error: () => undefined };

function counts() {
  return chapter.db
    .prepare(`SELECT (SELECT count(*) FROM members) AS members, (SELECT count(*) FROM changes) AS changes`)
    .get();
}

describe('dispatch: the contract guards every operation', () => {
  it('answers a valid call with ok and the value', async () => {
    chapter = openTestChapter();
    const result = await dispatch(chapter.handlers, 'members.create', {
      firstName: 'Ada',
      email: 'ada@example.org',
    });
    expect(result).toMatchObject({ ok: true, value: { firstName: 'Ada', email: 'ada@example.org' } });
  });

  const bad: [string, string, unknown, RegExp][] = [
    ['wrong types', 'members.create', { firstName: 42, consentEmail: 'yes' }, /firstName/],
    ['a missing required field', 'members.update', { patch: { city: 'X' } }, /id/],
    ['an oversized string', 'members.create', { firstName: 'x'.repeat(201) }, /At most 200/],
    [
      'an oversized notes field',
      'members.create',
      { lastName: 'X', notes: 'n'.repeat(5001) },
      /At most 5000/,
    ],
    ['an unknown field', 'members.create', { firstName: 'A', isAdmin: true }, /isAdmin/],
    ['an invalid email', 'members.create', { firstName: 'A', email: 'not-an-email' }, /valid email/],
    ['no name nor email', 'members.create', { city: 'Lyon' }, /name or an email/],
    ['a malformed id', 'members.get', { id: "1' OR '1'='1" }, /id/],
    ['a non-object input', 'members.create', 'DROP TABLE members', /input|expected/i],
    ['an impossible date', 'members.create', { lastName: 'X', joinedOn: '2024-02-31' }, /date/i],
  ];
  it.each(bad)(
    'rejects %s with a VALIDATION error and writes nothing',
    async (_label, op, input, message) => {
      chapter = openTestChapter();
      const before = counts();
      const result = await dispatch(chapter.handlers, op, input, silent);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toMatch(message);
      expect(result.error.details?.fields?.length).toBeGreaterThan(0);
      expect(counts()).toEqual(before);
    },
  );

  it('names the field of an invalid update without the patch prefix, so the form can show it', async () => {
    chapter = openTestChapter();
    const created = await dispatch(chapter.handlers, 'members.create', { firstName: 'A' });
    const id = (created as { value: { id: string } }).value.id;
    const result = await dispatch(chapter.handlers, 'members.update', { id, patch: { email: 'bad@' } });
    expect(result).toMatchObject({ ok: false, error: { details: { fields: [{ field: 'email' }] } } });
  });

  it.each([['members.drop'], ['__proto__'], ['constructor'], [42], [null]])(
    'refuses the unknown operation %s',
    async (name) => {
      chapter = openTestChapter();
      const before = counts();
      const result = await dispatch(chapter.handlers, name, {}, silent);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
      expect(counts()).toEqual(before);
    },
  );

  it('reports a service error with its stable code', async () => {
    chapter = openTestChapter();
    const result = await dispatch(chapter.handlers, 'members.get', { id: crypto.randomUUID() });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('asks for setup before anything else on a new database', async () => {
    chapter = openTestChapter({ setup: false });
    expect(await dispatch(chapter.handlers, 'chapter.get', undefined)).toEqual({ ok: true, value: null });
    const result = await dispatch(chapter.handlers, 'members.create', { firstName: 'A' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_INITIALISED' } });
  });

  it('refuses a second setup', async () => {
    chapter = openTestChapter();
    const result = await dispatch(chapter.handlers, 'chapter.setup', {
      name: 'Again',
      country: 'FR',
      currency: 'EUR',
      officerName: 'X',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALISED' } });
  });

  it('hides internals of an unexpected failure and logs it', async () => {
    chapter = openTestChapter();
    const logged: unknown[] = [];
    chapter.db.exec('DROP TRIGGER members_fts_insert; DROP TABLE members_fts');
    const result = await dispatch(
      chapter.handlers,
      'members.list',
      { query: 'ada' },
      { error: (_m, e) => logged.push(e) },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/members_fts/);
    expect(logged).toHaveLength(1);
  });
});
