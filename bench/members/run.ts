/**
 * Members benchmark: seeds realistic members (names from many scripts) into a real SQLite file,
 * then prints search latency p50/p95 for 3-letter prefixes and full emails, and the time to the
 * first rows of the Members screen in browser mode (Chromium). Each figure comes with its target
 * and its ratio to a floor measured in the same run.
 *
 *   npm run bench:members              100,000 members
 *   npm run bench:members -- --smoke   5,000 members (CI)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createHandlers } from '../../src/main/api/handlers';
import { openDatabase } from '../../src/main/db/open';
import { ftsQuery } from '../../src/main/services/members/query';
import { startServe } from '../../tests/e2e/fixtures';
import { people } from '../lib/people';
import { fmt, mulberry32, percentile, timeMs } from '../lib/stats';

const smoke = process.argv.includes('--smoke');
const COUNT = smoke ? 5_000 : 100_000;
const QUERIES = smoke ? 100 : 400;

const dir = mkdtempSync(join(tmpdir(), 'chapterdesk-bench-'));
const dbPath = join(dir, 'chapter.sqlite');

function seed(): { emails: string[]; prefixes: string[] } {
  const db = openDatabase(dbPath);
  const handlers = createHandlers(db);
  handlers['chapter.setup']({
    name: 'Bench',
    country: 'FR',
    currency: 'EUR',
    officerName: 'Bench',
    locale: 'en',
    createDefaultTypes: true,
  });
  const typeId = handlers['membershipTypes.list'](undefined)[0]!.id;
  const emails: string[] = [];
  const prefixes = new Set<string>();
  const started = performance.now();
  db.transaction(() => {
    for (const person of people(COUNT)) {
      handlers['members.create']({ ...person, typeId });
      if (emails.length < 5_000) emails.push(person.email);
      const prefix = person.lastName.slice(0, 3);
      if ([...prefix].length === 3) prefixes.add(prefix);
    }
  })();
  console.log(
    `seeded ${COUNT.toLocaleString('en')} members in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  db.pragma('optimize');
  db.close();
  return { emails, prefixes: [...prefixes] };
}

function searchLatency(emails: string[], prefixes: string[]): void {
  const db = openDatabase(dbPath);
  const handlers = createHandlers(db);
  const random = mulberry32(7);
  const floorStatement = db.prepare(`SELECT rowid FROM members_fts WHERE members_fts MATCH ? LIMIT 100`);
  for (const [label, terms] of [
    ['3-letter prefix', prefixes],
    ['full email', emails],
  ] as const) {
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const term = terms[Math.floor(random() * terms.length)]!;
      ours.push(
        timeMs(() =>
          handlers['members.list']({ query: term, sort: 'name', direction: 'asc', offset: 0, limit: 100 }),
        ),
      );
      floor.push(timeMs(() => floorStatement.all(ftsQuery(term))));
    }
    const p95 = percentile(ours, 95);
    console.log(
      `search ${label}: p50 ${fmt(percentile(ours, 50))}, p95 ${fmt(p95)} (target p95 <= 20 ms: ${p95 <= 20 ? 'met' : 'MISSED'}); ` +
        `floor (raw FTS5 match, 100 rowids) p95 ${fmt(percentile(floor, 95))}, ratio ${(p95 / percentile(floor, 95)).toFixed(1)}`,
    );
  }
  db.close();
}

async function firstRows(): Promise<void> {
  const served = await startServe(dbPath);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const origin = new URL(served.url).origin;
    const token = new URL(served.url).hash.replace('#token=', '');
    const floorSamples: number[] = [];
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const reply = await fetch(`${origin}/api/members.list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ offset: 0, limit: 200 }),
      });
      await reply.json();
      floorSamples.push(performance.now() - started);

      const page = await browser.newPage();
      const opened = performance.now();
      await page.goto(served.url);
      await page.getByTestId('member-row').first().waitFor({ state: 'visible', timeout: 30_000 });
      samples.push(performance.now() - opened);
      await page.close();
    }
    const median = percentile(samples, 50);
    const floor = percentile(floorSamples, 50);
    console.log(
      `Members screen to first rows (browser mode, median of 5): ${fmt(median)} (target <= 1500 ms: ${median <= 1500 ? 'met' : 'MISSED'}); ` +
        `floor (one members.list page over HTTP) ${fmt(floor)}, ratio ${(median / floor).toFixed(1)}`,
    );
  } finally {
    await browser.close();
    served.process.kill('SIGTERM');
  }
}

try {
  const { emails, prefixes } = seed();
  searchLatency(emails, prefixes);
  await firstRows();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
