import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/api/handlers';
import { openDatabase } from '../../src/main/db/open';
import { tempDir } from '../helpers/chapter';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A chapter whose language is French, with one member who never paid. */
function frenchChapter(): string {
  const temp = tempDir();
  temps.push(temp);
  const db = join(temp.dir, 'chapter.sqlite');
  const handle = openDatabase(db);
  const handlers = createHandlers(handle);
  handlers['chapter.setup']({
    name: 'Dakar',
    country: 'SN',
    currency: 'XOF',
    officerName: 'Awa',
    locale: 'fr',
    createDefaultTypes: true,
  });
  handlers['members.create']({ firstName: 'Fatou', lastName: 'Diop', consentEmail: true });
  handle.close();
  return db;
}

// Each test starts the CLI as a child process several times; on a busy two-core machine each start takes seconds.
describe('chapterdesk export members: delimiter and language', { timeout: 180_000 }, () => {
  it("writes a French chapter's CSV with semicolons and French headers, or as asked", () => {
    const db = frenchChapter();
    const french = cli('export', 'members', '--db', db);
    expect(french.code).toBe(0);
    const [header, row] = french.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toMatch(/^Numéro de membre;Prénom;Nom de famille;Courriel;/);
    expect(row).toContain(';Fatou;Diop;');
    expect(row).toContain(';Jamais payé;');
    expect(row).toMatch(/;oui;non;$/);

    const out = join(db, '..', 'members.csv');
    expect(
      cli('export', 'members', '--db', db, '--delimiter', 'comma', '--lang', 'en', '--out', out).code,
    ).toBe(0);
    const english = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(english[0]).toMatch(/^Member number,First name,Last name,Email,/);
    expect(english[1]).toContain(',Never paid,');
    expect(english[1]).toMatch(/,yes,no,$/);
  });

  it('refuses a delimiter or a language it does not know, and writes nothing', () => {
    const db = frenchChapter();
    const pipe = cli('export', 'members', '--db', db, '--delimiter', 'pipe');
    expect(pipe.code).not.toBe(0);
    expect(pipe.stdout).toBe('');
    expect(pipe.stderr).toContain('Unknown delimiter “pipe”: use comma, semicolon or tab.');
    const german = cli('export', 'members', '--db', db, '--lang', 'de');
    expect(german.code).not.toBe(0);
    expect(german.stderr).toContain('Unknown language “de”: use en or fr.');
  });
});
