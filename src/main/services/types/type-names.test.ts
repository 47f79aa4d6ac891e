import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { AppError } from '../../../shared/errors';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const create = (name: string) =>
  chapter.handlers['membershipTypes.create']({ name, fee: '10', periodMonths: 12 });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.details?.fields?.[0]?.problem : error;
  }
  return null;
};

describe('membership type names', () => {
  it('are taken whatever the case, accents or letters such as ß and Ø, as they are found by name', () => {
    chapter = openTestChapter({ setup: true });
    create('Straße');
    create('Étudiant Øst');
    expect(refusal(() => create('STRASSE'))).toMatchObject({ code: 'TYPE_NAME_TAKEN' });
    expect(refusal(() => create('etudiant ost'))).toMatchObject({ code: 'TYPE_NAME_TAKEN' });
    const other = create('Strasbourg');
    expect(
      refusal(() => chapter.handlers['membershipTypes.update']({ id: other.id, patch: { name: 'strasse' } })),
    ).toMatchObject({ code: 'TYPE_NAME_TAKEN' });
  });

  it('differing in a letter are two names', () => {
    chapter = openTestChapter({ setup: true });
    create('Straße');
    expect(create('Strasser').name).toBe('Strasser');
  });
});
