/** One side of bench/import, in its own process: `side.ts pipeline|floor FILE DB`. */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Papa from 'papaparse';
import { createHandlers } from '../../src/main/api/handlers';
import { openDatabase } from '../../src/main/db/open';
import { createImportJobs } from '../../src/main/services/imports/jobs';

const [kind, file, dbPath] = process.argv.slice(2) as [string, string, string];
const report = (m: object) =>
  console.log(JSON.stringify({ ...m, maxRssMb: process.resourceUsage().maxRSS / 1024 }));

if (kind === 'floor') {
  const started = performance.now();
  const db = openDatabase(dbPath);
  const text = readFileSync(file, 'utf8');
  const { data } = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
  const insert = db.prepare(
    `INSERT INTO members (id, member_number, first_name, last_name, email, phone, city, joined_on, organisation, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    const now = new Date().toISOString();
    for (const row of data.slice(1)) insert.run(crypto.randomUUID(), ...row.slice(0, 9), now, now);
  })();
  db.close();
  report({ seconds: (performance.now() - started) / 1000 });
} else {
  const db = openDatabase(dbPath);
  const handlers = createHandlers(db);
  handlers['chapter.setup']({
    name: 'Bench',
    country: 'FR',
    currency: 'EUR',
    officerName: 'Bench',
    locale: 'fr',
    createDefaultTypes: true,
  });
  const bytes = readFileSync(file);
  const jobs = createImportJobs(db, () => new Date());
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const started = performance.now();
  const jobId = jobs.start({ fileName: 'adherents.csv', bytes, dryRun: false });
  const state = await jobs.settled(jobId);
  const seconds = (performance.now() - started) / 1000;
  stalls.disable();
  if (state.state !== 'done') throw new Error(JSON.stringify(state));
  db.close();
  // The worker thread's memory is part of this process's RSS.
  report({ seconds, stallMs: stalls.max / 1e6, counts: state.result.outcome.counts });
}
