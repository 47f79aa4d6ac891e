import { join } from 'node:path';
import { createHandlers, type Handlers } from '../../src/main/api/handlers';
import { openDatabase, type Db } from '../../src/main/db/open';
import type { SecretStore } from '../../src/main/sync/secrets';
import { createSyncService, type SyncService } from '../../src/main/sync/service';
import { httpTransport, type SyncTransport } from '../../src/main/sync/transport';
import { tempDir } from './chapter';
import type { TestSyncServer } from './sync-server';

export interface Laptop {
  name: string;
  db: Db;
  path: string;
  handlers: Handlers;
  sync: SyncService;
  clock: { now: Date; skewMs: number };
  /** Replaces how this laptop reaches the server (cut links, duplicates, partitions). */
  wrapTransport: (wrap: ((t: SyncTransport) => SyncTransport) | null) => void;
  reopen(): Laptop;
  close(): void;
}

export interface LaptopOptions {
  /** Set up a chapter offline before enrolling (otherwise the laptop joins with an empty file). */
  setupChapter?: boolean;
  skewMs?: number;
  path?: string;
  memory?: boolean;
  /** How the sync token is kept (default: as it is in the file, as the command line does). */
  secrets?: SecretStore;
}

/** A laptop: a real SQLite file, the real services and sync client, a clock the test can skew. */
export function openLaptop(name: string, options: LaptopOptions = {}): Laptop {
  const temp = options.path || options.memory ? null : tempDir(`laptop-${name}-`);
  const path = options.memory ? ':memory:' : (options.path ?? join(temp!.dir, 'chapter.sqlite'));
  const db = openDatabase(path);
  const clock = { now: new Date(), skewMs: options.skewMs ?? 0 };
  const now = () => new Date(Date.now() + clock.skewMs);
  let wrap: ((t: SyncTransport) => SyncTransport) | null = null;
  const sync = createSyncService({
    db,
    now,
    autoSync: false,
    secrets: options.secrets,
    transportFor: (url, token, count) => {
      const transport = httpTransport({
        baseUrl: url,
        token,
        timeoutMs: 10_000,
        onBytesSent: (sent) => count?.({ sent }),
        onBytesReceived: (received) => count?.({ received }),
      });
      return wrap ? wrap(transport) : transport;
    },
  });
  const handlers = createHandlers(db, { now, sync });
  if (options.setupChapter) {
    handlers['chapter.setup']({
      name: 'Lyon',
      country: 'FR',
      currency: 'EUR',
      officerName: name,
      locale: 'en',
      createDefaultTypes: true,
    });
  }
  const laptop: Laptop = {
    name,
    db,
    path,
    handlers,
    sync,
    clock,
    wrapTransport: (next) => (wrap = next),
    reopen() {
      sync.stop();
      db.close();
      return openLaptop(name, { path, skewMs: clock.skewMs, secrets: options.secrets });
    },
    close() {
      sync.stop();
      if (db.open) db.close();
      temp?.cleanup();
    },
  };
  return laptop;
}

export async function enrol(laptop: Laptop, server: TestSyncServer, chapterId: string): Promise<void> {
  const { code } = await server.admin.issueEnrolmentCode(chapterId);
  await laptop.handlers['sync.enroll']({ serverUrl: server.url, code, officerName: laptop.name });
  await laptop.sync.idle();
}

/** What a secretary would see: every member row with its visible fields, sorted by id. */
export function memberSnapshot(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT id, member_number, first_name, last_name, email, phone, phone_e164, country, address_line1,
              address_line2, postal_code, city, region, organisation, type_id, joined_on, paid_through, notes,
              consent_email, consent_sms, sort_name, deleted
       FROM members ORDER BY id`,
    )
    .all();
}

/** Two rounds of sync on every laptop: the second brings each laptop what the others pushed. */
export async function syncAll(...laptops: Laptop[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const l of laptops) await l.sync.runOnce();
}

/** The server's checksum of the chapter, asked with a laptop's own token. */
export async function serverChecksum(l: Laptop): Promise<string> {
  const state = l.db.prepare('SELECT server_url, token FROM sync_state').get() as {
    server_url: string;
    token: string;
  };
  const reply = await fetch(`${state.server_url}/v1/sync/checksum`, {
    headers: { authorization: `Bearer ${state.token}` },
  });
  return ((await reply.json()) as { checksum: string }).checksum;
}
