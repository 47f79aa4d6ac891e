/**
 * Import benchmark: 100,000 members (~15 MB of CSV as Excel writes it on a French machine)
 * through the whole pipeline (decode, detect, map, clean, duplicates against the chapter, one
 * transaction through the change log). Prints rows/s, peak RSS, the main thread's longest stall
 * while the import runs in its worker, and the ratio to a floor measured in the same run:
 * papaparse parsing the same file plus one prepared INSERT per row in one transaction.
 *
 * Both sides run from a bundle built here with esbuild, as the app runs its built main bundle and
 * `import-worker.js`: loading the TypeScript sources through tsx costs each thread ~35 MB and the
 * worker ~1 s of compiling that a secretary's machine never spends.
 *
 *   npm run bench:import              100,000 rows
 *   npm run bench:import -- --smoke   10,000 rows (CI)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { people } from '../lib/people';

const smoke = process.argv.includes('--smoke');
const ROWS = smoke ? 10_000 : 100_000;
const here = fileURLToPath(import.meta.url);

interface Measure {
  seconds: number;
  maxRssMb: number;
  stallMs?: number;
  counts?: unknown;
}

/**
 * The two sides and the import worker as one ES module each, under the project (so their packages
 * resolve from its node_modules). The worker goes where the import jobs look for the built one:
 * `import-worker.js` beside the module that starts it.
 */
function bundle(): string {
  const out = join(here, '..', '..', '..', '.bench', 'import');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  buildSync({
    entryPoints: {
      side: join(here, '..', 'side.ts'),
      'import-worker': join(here, '..', '..', '..', 'src', 'main', 'services', 'imports', 'worker.ts'),
    },
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return join(out, 'side.js');
}

/**
 * The targets are for 100,000 rows. At smoke size the worker's start (~0.2 s) and the fixed steps
 * weigh against a 0.4 s floor, so the figures are printed but not judged.
 */
function verdict(met: boolean, target: string): string {
  return smoke
    ? `${target} at 100,000 rows; not judged at smoke size`
    : `${target}: ${met ? 'met' : 'MISSED'}`;
}

/** Each side runs in a fresh process so its peak RSS is its own. */
function measure(side: string, kind: 'pipeline' | 'floor', file: string, db: string): Measure {
  const child = spawnSync(process.execPath, [side, kind, file, db], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${kind} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measure;
}

const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-bench-import-'));
try {
  const file = join(dir, 'adherents.csv');
  const lines = ['N° adhérent;Prénom;Nom;Courriel;Téléphone;Ville;Date d’adhésion;Organisation;Notes'];
  for (const p of people(ROWS, 11)) {
    const [y, m, d] = p.joinedOn.split('-');
    lines.push(
      [
        p.memberNumber,
        p.firstName,
        p.lastName,
        p.email,
        p.phone,
        p.city,
        `${d}/${m}/${y}`,
        'Association des habitants',
        'Membre actif; a payé en espèces lors de l’assemblée générale',
      ]
        .map((v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
        .join(';'),
    );
  }
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  const megabytes = Buffer.byteLength(lines.join('\r\n')) / 1024 / 1024;

  const side = bundle();
  const floor = measure(side, 'floor', file, join(dir, 'floor.sqlite'));
  const ours = measure(side, 'pipeline', file, join(dir, 'chapter.sqlite'));
  const rate = ROWS / ours.seconds;
  const ratio = ours.seconds / floor.seconds;
  console.log(
    `file: ${ROWS.toLocaleString('en')} rows, ${megabytes.toFixed(1)} MB; imported: ${JSON.stringify(ours.counts)}`,
  );
  console.log(
    `import pipeline: ${ours.seconds.toFixed(1)} s, ${Math.round(rate).toLocaleString('en')} rows/s; ` +
      `floor (papaparse + one prepared INSERT per row, one transaction): ${floor.seconds.toFixed(1)} s; ` +
      `ratio ${ratio.toFixed(2)} (${verdict(ratio <= 2.5, 'target <= 2.5')})`,
  );
  console.log(
    `peak RSS: pipeline ${ours.maxRssMb.toFixed(0)} MB (${verdict(ours.maxRssMb <= 300, 'target <= 300 MB')}), ` +
      `floor ${floor.maxRssMb.toFixed(0)} MB, ratio ${(ours.maxRssMb / floor.maxRssMb).toFixed(2)}`,
  );
  console.log(`main thread longest stall while the worker imports: ${ours.stallMs?.toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
