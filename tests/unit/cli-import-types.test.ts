import { spawnSync } from 'node:child_process';
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

/** An English chapter (Individual, Student, Honorary, Lifetime) and a French secretary's file. */
function chapterAndFile(lines: string[]) {
  const temp = tempDir();
  temps.push(temp);
  const db = join(temp.dir, 'chapter.sqlite');
  expect(cli('init', '--db', db, '--name', 'Dakar', '--country', 'SN', '--currency', 'XOF').code).toBe(0);
  const file = join(temp.dir, 'membres.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { db, file, dir: temp.dir };
}

const FRENCH = [
  'Prénom,Nom,Courriel,Catégorie',
  'Awa,Diallo,awa@example.org,Individuel',
  'Moussa,Ndiaye,moussa@example.org,Étudiant',
  'Fatou,Sow,fatou@example.org,Organization',
  ',,,Étudiant',
  'Ibrahima,Fall,not-an-email,Étudiant',
  'Omar,Kane,omar@example.org,Organization',
];

interface Exported {
  firstName: string;
  typeName: string | null;
}

describe('chapterdesk import: membership categories and grouped problems', { timeout: 180_000 }, () => {
  it('says each problem once with its rows, in order, and the rejected rows it counts', () => {
    const { db, file } = chapterAndFile(FRENCH);
    const run = cli('import', file, '--db', db, '--dry-run');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Would import .*: 6 rows, 5 new, 0 updated, 0 unchanged, 1 rejected, /);
    expect(lines).toContain('Not imported (1 row):');
    expect(lines).toContain('  Row 5: No name and no email, so this row cannot be imported.');
    expect(lines).toContain('Imported without these values (3 rows):');
    expect(lines).toContain(
      '  Row 6, Email (column “Courriel”): “not-an-email” is not a valid email address, so no email was imported.',
    );
    expect(lines).toContain(
      '  2 rows, Membership type (column “Catégorie”): No membership type called “Organization”: create it or choose a type for it, else these members are imported without a type. Rows 4 and 7.',
    );
    expect(lines.indexOf('Not imported (1 row):')).toBeLessThan(
      lines.indexOf('Imported without these values (3 rows):'),
    );
    expect(run.stdout).toContain('--create-types');
    expect(lines).toContain('  “Étudiant” → Student (by name, 2 rows)');
    expect(lines).toContain('  “Organization” → no type (2 rows)');

    const json = JSON.parse(cli('import', file, '--db', db, '--dry-run', '--json').stdout) as {
      rejected: number;
      problems: { severity: string; code: string; count: number; rows: { row: number }[] }[];
    };
    expect(json.problems.filter((p) => p.severity === 'rejected').map((p) => [p.count, p.rows])).toEqual([
      [json.rejected, [{ row: 5, value: '' }]],
    ]);
  });

  it('counts a row missing several values once in the heading over them', () => {
    const { db, file } = chapterAndFile([
      'Prénom,Courriel,Catégorie,Âge',
      'Awa,awa@,Organization,trente',
      'Moussa,moussa@example.org,Organization,31',
      'Fatou,fatou@,Étudiant,29',
      'Ines,ines@example.org,Étudiant,quarante',
    ]);
    const run = cli('import', file, '--db', db, '--dry-run', '--new-field', 'Âge=number');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    // Row 2 lost its email, its type and its age, row 3 its type, row 4 its email, row 5 its age.
    expect(lines).toContain('Imported without these values (4 rows):');
    expect(lines.filter((line) => /^ {2}(Row|\d+ rows)/.test(line))).toHaveLength(3);
    const json = JSON.parse(
      cli('import', file, '--db', db, '--dry-run', '--new-field', 'Âge=number', '--json').stdout,
    ) as { problemRows: Record<string, number> };
    expect(json.problemRows).toEqual({ rejected: 0, error: 4, warning: 0 });
  });

  it('creates the missing types, or maps a value to a type and remembers it for the next file', () => {
    const { db, file, dir } = chapterAndFile(FRENCH);
    const created = cli('import', file, '--db', db, '--create-types');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('  “Organization” → Organization (created, 2 rows)');
    const types = JSON.parse(cli('types', 'list', '--db', db, '--json').stdout) as {
      name: string;
      kind: string;
    }[];
    expect(types.find((t) => t.name === 'Organization')?.kind).toBe('organisation');

    const second = join(dir, 'bienfaiteurs.csv');
    writeFileSync(second, 'Nom complet,Courriel,Catégorie\nAïssa Ba,aissa@example.org,Bienfaiteur\n');
    expect(cli('import', second, '--db', db, '--map-type', 'Bienfaiteur=honorary').code).toBe(0);
    const third = join(dir, 'encore.csv');
    writeFileSync(third, 'Nom complet,Courriel,Catégorie\nAmadou Sy,amadou@example.org,BIENFAITEUR\n');
    const remembered = cli('import', third, '--db', db);
    expect(remembered.stdout).toContain('  “BIENFAITEUR” → Honorary (as remembered, 1 row)');
    const exported = JSON.parse(
      cli('export', 'members', '--db', db, '--format', 'json').stdout,
    ) as Exported[];
    expect(exported.map((m) => [m.firstName, m.typeName]).sort()).toEqual([
      ['Amadou', 'Honorary'],
      ['Awa', 'Individual'],
      ['Aïssa', 'Honorary'],
      ['Fatou', 'Organization'],
      ['Ibrahima', 'Student'],
      ['Moussa', 'Student'],
      ['Omar', 'Organization'],
    ]);

    const unknown = cli('import', third, '--db', db, '--map-type', 'Bienfaiteur=Platinum');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no membership type “Platinum”');
  });

  it('says a value stands for no type as remembered, when an earlier import was told so', () => {
    const { db, file, dir } = chapterAndFile(FRENCH);
    const told = cli('import', file, '--db', db, '--map-type', 'Organization=none');
    expect(told.stdout).toContain('  “Organization” → no type (as given, 2 rows)');
    const next = join(dir, 'suite.csv');
    writeFileSync(next, 'Nom complet,Courriel,Catégorie\nAmadou Sy,amadou@example.org,organization\n');
    const remembered = cli('import', next, '--db', db, '--dry-run');
    expect(remembered.stdout).toContain('  “organization” → no type (as remembered, 1 row)');
    expect(remembered.stdout).not.toContain('No membership type called');
  });

  it('retires a type and brings it back; an import does not give a retired type', () => {
    const { db, file } = chapterAndFile(FRENCH);
    expect(cli('types', 'retire', 'student', '--db', db).stdout).toMatch(/^Retired Student\t.*\tretired$/m);
    const run = cli('import', file, '--db', db);
    expect(run.stdout).toContain(
      '  2 rows, Membership type (column “Catégorie”): “Étudiant” is the retired membership type “Student”, which is no longer given: these members are imported without a type. Rows 3 and 6.',
    );
    const refused = cli('import', file, '--db', db, '--map-type', 'Étudiant=Student');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('“Student” is retired');
    expect(cli('types', 'restore', 'student', '--db', db).stdout).toMatch(/^Brought back Student\t/m);
    const list = JSON.parse(cli('types', 'list', '--db', db, '--json').stdout) as {
      name: string;
      retired: boolean;
    }[];
    expect(list.find((t) => t.name === 'Student')?.retired).toBe(false);
  });

  it('counts one row as one row in its summary', () => {
    const { db, file } = chapterAndFile(['Prénom,Nom,Courriel', 'Awa,Diallo,awa@example.org']);
    const run = cli('import', file, '--db', db);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      `Imported ${file}: 1 row, 1 new, 0 updated, 0 unchanged, 0 rejected, 0 possible duplicates.`,
    );
  });

  it('says a file of column names alone has no rows, and refuses it', () => {
    const { db, file } = chapterAndFile(['Prénom,Nom,Courriel,Catégorie']);
    const run = cli('import', file, '--db', db);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`chapterdesk: ${file}: The file has column names but no rows.\n`);
    expect(JSON.parse(cli('imports', 'list', '--db', db, '--json').stdout)).toEqual([]);
  });
});
