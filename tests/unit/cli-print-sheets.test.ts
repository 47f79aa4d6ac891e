import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/chapter';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A Berlin chapter with two addressed members and one without an address. */
function berlin() {
  const temp = tempDir();
  temps.push(temp);
  const db = join(temp.dir, 'berlin.sqlite');
  expect(cli('init', '--db', db, '--name', 'Berlin', '--country', 'DE', '--currency', 'EUR').code).toBe(0);
  const members = join(temp.dir, 'members.csv');
  writeFileSync(
    members,
    [
      'Member number,First name,Last name,Email,Address line 1,Address line 2,Postal code,City,Region,Country',
      '1,Max,Mustermann,max@example.org,Musterstr. 1,,10115,Berlin,,DE',
      '2,Jane,Doe,jane@example.org,1 Main St,Apt 4,62701,Springfield,IL,US',
      '3,Otto,Ohneadresse,otto@example.org,,,,,,',
    ].join('\n'),
  );
  expect(cli('import', members, '--db', db).code).toBe(0);
  return { db, dir: temp.dir };
}

/** The x of a word's left edge on page 1, in points. */
function leftOf(pdf: string, word: string): number {
  const boxes = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return Number(new RegExp(`xMin="([\\d.]+)"[^>]*>${word}<`).exec(boxes)![1]);
}

describe('chapterdesk print labels, cards, form and calibrate', () => {
  it(
    'prints labels from a start position with a saved printer offset, says who was left out, and prints cards and the form',
    { timeout: 180_000 },
    () => {
      const { db, dir } = berlin();
      const plain = join(dir, 'plain.pdf');
      const labels = cli('print', 'labels', '--db', db, '--out', plain, '--start', '2');
      expect(labels.code).toBe(0);
      expect(labels.stderr).toContain(`Wrote ${plain}`);
      expect(labels.stderr).toContain(
        '2 labels on Avery L7160. 1 member has no postal address and is left out.',
      );
      const text = execFileSync('pdftotext', ['-layout', plain, '-'], { encoding: 'utf8' });
      expect(text).toContain('10115 Berlin');
      expect(text).toContain('Springfield, IL 62701');
      expect(text.indexOf('Jane Doe')).toBeLessThan(text.indexOf('Max Mustermann'));

      const saved = cli(
        'print',
        'calibrate',
        '--db',
        db,
        '--printer',
        'Office HP',
        '--x',
        '-2,5',
        '--y',
        '1',
        '--json',
      );
      expect(saved.code).toBe(0);
      expect(JSON.parse(saved.stdout)).toMatchObject({ printer: 'Office HP', x: -2.5, y: 1 });
      const moved = join(dir, 'moved.pdf');
      expect(
        cli('print', 'labels', '--db', db, '--out', moved, '--start', '2', '--printer', 'office hp').code,
      ).toBe(0);
      // 2.5 mm to the left is 7.09 pt.
      expect(leftOf(moved, 'Jane') - leftOf(plain, 'Jane')).toBeCloseTo(-7.09, 0);

      const cards = join(dir, 'cards.pdf');
      expect(
        cli('print', 'cards', '--db', db, '--out', cards, '--paper', 'letter', '--lang', 'fr').code,
      ).toBe(0);
      const cardText = execFileSync('pdftotext', ['-layout', cards, '-'], { encoding: 'utf8' });
      expect(cardText).toContain('CARTE DE MEMBRE');
      expect(cardText).toContain('Otto Ohneadresse');
      expect(execFileSync('pdfinfo', [cards], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792/);

      const form = join(dir, 'form.pdf');
      expect(cli('print', 'form', '--db', db, '--out', form).code).toBe(0);
      expect(execFileSync('pdftotext', ['-layout', form, '-'], { encoding: 'utf8' })).toContain(
        'Membership application',
      );
    },
  );

  it(
    'refuses a start beyond the sheet, an unknown layout, an offset out of range and a sheet with no addresses',
    {
      timeout: 180_000,
    },
    () => {
      const { db, dir } = berlin();
      const out = join(dir, 'x.pdf');
      const beyond = cli('print', 'labels', '--db', db, '--out', out, '--layout', '5160', '--start', '31');
      expect(beyond.code).toBe(2);
      expect(beyond.stderr).toContain('start: Avery 5160 has positions 1 to 30, not “31”.');
      const layout = cli('print', 'cards', '--db', db, '--out', out, '--layout', 'L7160');
      expect(layout.code).toBe(2);
      expect(layout.stderr).toContain('layout: use C32011 or 5371 for cards, not “L7160”.');
      const far = cli('print', 'calibrate', '--db', db, '--printer', 'HP', '--x', '0', '--y', '-12');
      expect(far.code).toBe(2);
      expect(far.stderr).toContain('y: Give millimetres from -10 to 10');
      const unsaved = cli('print', 'labels', '--db', db, '--out', out, '--printer', 'HP');
      expect(unsaved.code).not.toBe(0);
      expect(unsaved.stderr).toContain('printer: no offset saved for “HP”.');
      const nobody = cli('print', 'labels', '--db', db, '--out', out, '--query', 'Ohneadresse');
      expect(nobody.code).toBe(2);
      expect(nobody.stderr).toContain('Nothing to print: 1 member has no postal address and is left out.');
      const language = cli('print', 'cards', '--db', db, '--out', out, '--lang', 'zh');
      expect(language.code).toBe(2);
      expect(language.stderr).toContain('--lang: give en, fr, es, pt, ar, not “zh”.');
    },
  );

  it(
    'prints a test sheet of outlined positions, moved by the printer’s saved offset',
    { timeout: 180_000 },
    () => {
      const { db, dir } = berlin();
      const plain = join(dir, 'plain.pdf');
      const moved = join(dir, 'moved.pdf');
      expect(cli('print', 'test-sheet', '--db', db, '--out', plain, '--layout', 'L7160').code).toBe(0);
      expect(cli('print', 'calibrate', '--db', db, '--printer', 'Office', '--x', '2', '--y', '0').code).toBe(
        0,
      );
      const checked = cli(
        'print',
        'test-sheet',
        '--db',
        db,
        '--out',
        moved,
        '--layout',
        'L7160',
        '--printer',
        'Office',
      );
      expect(checked.code).toBe(0);
      expect(checked.stderr).toContain('print calibrate --printer NAME --x -2 --y 1');
      // 2 mm is 5.67 pt.
      expect(leftOf(moved, '21') - leftOf(plain, '21')).toBeCloseTo(5.67, 1);
      const unknown = cli('print', 'test-sheet', '--db', db, '--out', plain, '--layout', 'A4');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('layout: use');
    },
  );

  it(
    'uses only the Chromium it was told to, and says in one line when that one does not start',
    {
      timeout: 180_000,
    },
    () => {
      const { db, dir } = berlin();
      const out = join(dir, 'x.pdf');
      const missing = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/index.ts', 'print', 'form', '--db', db, '--out', out],
        { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: join(dir, 'no-chromium') } },
      );
      expect(missing.status).not.toBe(0);
      expect(missing.stderr.trim()).toBe(
        `chapterdesk: No Chromium at ${join(dir, 'no-chromium')} (CHROMIUM_PATH).`,
      );
      const broken = cli('print', 'form', '--db', db, '--out', out, '--chromium', '/bin/false');
      expect(broken.code).not.toBe(0);
      expect(broken.stderr.trim().split('\n')).toHaveLength(1);
      expect(broken.stderr).toContain('Chromium at /bin/false did not start');
    },
  );
});
