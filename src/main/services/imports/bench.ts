import { fileURLToPath } from 'node:url';
import { cleanBatches, type CleanRow } from './clean';
import { resolveDuplicates } from './duplicates';
import { suggestMapping } from './mapping';
import { planImport } from './clean';
import { openImport } from './source';

export interface BenchResult {
  rows: number;
  megabytes: number;
  openMs: number;
  planMs: number;
  cleanMs: number;
  duplicatesMs: number;
  totalMs: number;
  /** Heap growth from before opening to after the duplicate report, with every clean row held. */
  heapMegabytes: number;
}

const FIRST = ['Hélène', 'Jean', 'Wanjiru', 'José', 'Ana', 'Zoé', 'François', 'Müller', 'Aïcha', 'Thị Ánh'];
const LAST = [
  'Dupré',
  'Martin',
  'Kamau',
  'García López',
  'da Silva',
  'Lefèvre',
  'Nguyễn',
  'Diallo',
  "O'Neil",
  'Okafor',
];
const CITIES = ['Paris', 'Lyon', 'Saint-Étienne', 'Nairobi', 'São Paulo', 'Sevilla', 'Dakar', 'Montréal'];

/** A French-Excel-style member list: semicolons, BOM, CRLF, day-first dates, some bad and duplicate rows. */
export function makeMemberCsv(rows: number): Uint8Array {
  const lines = ["N° adhérent;Nom;Prénom;Courriel;Téléphone;Ville;Date d'adhésion;Payé jusqu'au;Remarques"];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length] ?? '';
    const last = LAST[(i * 7) % LAST.length] ?? '';
    const email = i % 50 === 0 ? 'pas-un-email' : `membre${i % 90_000}@exemple.org`;
    const phone = `06 ${String(10 + (i % 90))} ${String(i % 100).padStart(2, '0')} ${String((i * 3) % 100).padStart(2, '0')} 78`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const note = i % 10 === 0 ? '"Trésorière; membre du bureau"' : '';
    lines.push(
      `A-${i};${last};${first};${email};${phone};${CITIES[i % CITIES.length]};${day}/${month}/2023;31/12/2024;${note}`,
    );
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** Times each step on `rows` generated rows, the way a worker would drive them. */
export async function benchImport(rows = 100_000): Promise<BenchResult> {
  const bytes = makeMemberCsv(rows);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const source = await openImport(bytes);
  const t1 = performance.now();
  const plan = planImport(source, suggestMapping(source.headers), { defaultCountry: 'FR' });
  const t2 = performance.now();
  const cleaned: CleanRow[] = [];
  for (const batch of cleanBatches(source, plan, 5000)) cleaned.push(...batch.rows);
  const t3 = performance.now();
  const report = resolveDuplicates(cleaned);
  const t4 = performance.now();
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  if (report.candidates.length === 0) throw new Error('nothing was read');
  return {
    rows,
    megabytes: Math.round((bytes.length / 1024 / 1024) * 10) / 10,
    openMs: Math.round(t1 - t0),
    planMs: Math.round(t2 - t1),
    cleanMs: Math.round(t3 - t2),
    duplicatesMs: Math.round(t4 - t3),
    totalMs: Math.round(t4 - t0),
    heapMegabytes: Math.round((heapAfter - heapBefore) / 1024 / 1024),
  };
}

// npx tsx --expose-gc src/main/services/imports/bench.ts [rows]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchImport(Number(process.argv[2] ?? 100_000)));
}
