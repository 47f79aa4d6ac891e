import { afterEach, describe, expect, it } from 'vitest';
import { openTestChapter, type TestChapter } from '../../../../tests/helpers/chapter';
import { createWriteContexts } from '../device/device';
import { runImport } from './job';

let chapter: TestChapter;
afterEach(() => chapter?.close());

const csv = (text: string) => new TextEncoder().encode(text);
const run = (file: string) =>
  runImport(createWriteContexts(chapter.db, () => new Date(chapter.clock.now))(), {
    fileName: 'members.csv',
    bytes: csv(file),
    dryRun: false,
  });

describe('importing names written without Ł, Ø or ß', () => {
  it('holds Lukasik back as a possible duplicate of the chapter’s Łukasik with the same phone', async () => {
    chapter = openTestChapter();
    const existing = chapter.handlers['members.create']({
      firstName: 'Zofia',
      lastName: 'Łukasik',
      phone: '0612345678',
    });
    const { outcome } = await run('First name,Last name,Phone\nZofia,LUKASIK,06 12 34 56 78\n');
    expect(outcome.counts).toMatchObject({ created: 0, possibleDuplicates: 1 });
    expect(outcome.possibleDuplicates[0]!.duplicates[0]).toMatchObject({
      kind: 'member',
      memberId: existing.id,
    });
  });

  it('flags Strasse and Straße in one file, and imports Lukasiak, another name, as a new member', async () => {
    chapter = openTestChapter();
    chapter.handlers['members.create']({ firstName: 'Zofia', lastName: 'Łukasik', phone: '0612345678' });
    const { outcome } = await run(
      'First name,Last name,Phone\nZofia,Lukasiak,06 12 34 56 78\nJonas,Straße,07 11 22 33 44\nJonas,Strasse,07 11 22 33 44\n',
    );
    expect(outcome.possibleDuplicates.map((p) => p.rowNumber)).toEqual([4]);
    expect(outcome.possibleDuplicates[0]!.duplicates[0]).toMatchObject({ kind: 'row', rowNumber: 3 });
    expect(outcome.counts).toMatchObject({ created: 2, possibleDuplicates: 1 });
  });
});
