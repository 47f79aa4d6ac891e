import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { AdminOperations } from '../../server/admin-service';
import {
  defaultAdminTokenFile,
  defaultDataDir,
  ensureDataDir,
  loadOrCreateAdminToken,
  pgliteDir,
} from '../../server/data-dir';
import { recordRunningServer } from '../../server/running-servers';
import { checkUpdatesDir } from '../../server/routes/updates';
import { startServer } from '../../server/start';
import { describeTrustProxy, parseTrustProxy, type TrustProxy } from '../../server/trust-proxy';
import { parseDuration } from './duration';
import { chapterLines, deviceLines } from './format';
import { chooseStorage, findServerData, withAdmin, type StorageFlags } from './target';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Marks the command as failed: a non-zero exit status, without cutting the process short. */
  fail(): void;
}

export interface ServerCommandDeps {
  io: CliIo;
  env: NodeJS.ProcessEnv;
}

const processIo: CliIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
  fail: () => {
    process.exitCode = 1;
  },
};

const DEFAULT_PORT = 8787;

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError('Use a port from 0 to 65535.');
  return port;
}

function durationOption(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function trustProxyOption(value: string): TrustProxy {
  try {
    return parseTrustProxy(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

interface AdminFlags extends StorageFlags {
  json?: boolean;
  // Subcommand options; commander enforces the required ones before the action runs.
  name?: string;
  chapter?: string;
  expires?: number;
}

interface StartFlags extends StorageFlags {
  port: number;
  host: string;
  adminTokenFile?: string;
  trustProxy?: TrustProxy;
  updates?: string;
}

/**
 * Adds `server` (start the sync server) and its admin subcommands to the `chapterdesk` program:
 * `server chapter add|list`, `server enroll`, `server devices list|revoke`.
 */
export function registerServerCommands(program: Command, deps: Partial<ServerCommandDeps> = {}): Command {
  const io = deps.io ?? processIo;
  const env = deps.env ?? process.env;

  const report = (error: unknown) => {
    io.err(`chapterdesk server: ${error instanceof Error ? error.message : String(error)}`);
    io.fail();
  };
  const emit = (flags: AdminFlags, value: unknown, lines: string[]) => {
    if (flags.json) io.out(JSON.stringify(value));
    else for (const line of lines) io.out(line);
  };
  // Storage flags are declared on `server` and on each subcommand, so they work before or after
  // the subcommand name; optsWithGlobals() merges them whichever command parsed them.
  const storageFlags = (command: Command) =>
    command
      .option(
        '--data <dir>',
        "data directory of the embedded database (default: the running server's, else " +
          `${defaultDataDir(env)})`,
      )
      .option('--database-url <url>', 'PostgreSQL URL (default: $DATABASE_URL unless --data is given)');
  const adminCommand = (
    command: Command,
    create: boolean,
    act: (admin: AdminOperations, flags: AdminFlags, args: string[]) => Promise<void>,
  ) =>
    storageFlags(command)
      .option('--json', 'print JSON instead of text')
      .action(async (...received: unknown[]) => {
        const self = received[received.length - 1] as Command;
        const flags = self.optsWithGlobals<AdminFlags>();
        try {
          await withAdmin(findServerData(flags, env), { create }, (admin) => act(admin, flags, self.args));
        } catch (error) {
          report(error);
        }
      });

  const server = storageFlags(
    program
      .command('server')
      .description('Run the central sync server, or administer its chapters and devices')
      .option('--port <n>', 'port to listen on', parsePort, DEFAULT_PORT)
      .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
      .option(
        '--updates <dir>',
        'serve the app releases in this folder under /updates/ (latest*.yml, installers, blockmaps)',
      )
      .option(
        '--admin-token-file <path>',
        'admin token file (default: <data>/admin-token; $CHAPTERDESK_ADMIN_TOKEN wins)',
      )
      .addOption(
        new Option(
          '--trust-proxy [hops|list]',
          "read client addresses from X-Forwarded-For: a number of proxy hops, or the proxies' " +
            'addresses and CIDR ranges separated by commas (10.0.0.5,10.1.0.0/16, loopback); ' +
            'without a value, 1 hop',
        )
          .preset('1')
          .argParser(trustProxyOption),
      ),
  ).action(async (flags: StartFlags) => {
    try {
      const updatesDir = flags.updates === undefined ? undefined : checkUpdatesDir(flags.updates);
      const storage = chooseStorage(flags, env);
      const fromEnv = env.CHAPTERDESK_ADMIN_TOKEN;
      const tokenFile = resolve(flags.adminTokenFile ?? defaultAdminTokenFile(storage.dataDir));
      if (!fromEnv && !flags.adminTokenFile) ensureDataDir(storage.dataDir);
      const adminToken = fromEnv || loadOrCreateAdminToken(tokenFile);
      const running = await startServer({
        port: flags.port,
        host: flags.host,
        dataDir: storage.dataDir,
        databaseUrl: storage.databaseUrl,
        adminToken,
        trustProxy: flags.trustProxy,
        updatesDir,
      });
      // Recorded before it says where it listens: whoever waits for that line (a script, a test)
      // may run an admin command at once, and it must find this server's data.
      const record = recordRunningServer(env, storage.databaseUrl ? null : storage.dataDir);
      io.out(`ChapterDesk sync server listening on ${running.url}`);
      io.out(describeTrustProxy(flags.trustProxy));
      if (updatesDir) io.out(`App updates: ${updatesDir}, public at ${running.url}/updates/`);
      if (flags.trustProxy && 'hops' in flags.trustProxy && !LOOPBACK_HOSTS.has(flags.host)) {
        io.err(
          `Warning: with --trust-proxy as hops, a client reaching ${flags.host} without the proxy can choose its own address; give the proxy's address instead, or let only the proxy reach this port.`,
        );
      }
      io.out(
        storage.databaseUrl
          ? `Database: PostgreSQL ${withoutPassword(storage.databaseUrl)}`
          : `Database: embedded, in ${pgliteDir(storage.dataDir)}`,
      );
      io.out(
        fromEnv
          ? 'Admin token: from $CHAPTERDESK_ADMIN_TOKEN'
          : `Admin token: in ${tokenFile} (overview: ${running.url}/admin?token=<that token>)`,
      );
      const stop = () => {
        record.remove();
        running.close().catch(report);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    } catch (error) {
      report(error);
    }
  });

  const chapter = server.command('chapter').description('Create and list chapters');
  adminCommand(
    chapter
      .command('add')
      .description('Create a chapter; prints its id on the last line')
      .requiredOption('--name <name>', 'chapter name'),
    true,
    async (admin, flags) => {
      const created = await admin.addChapter(flags.name!);
      emit(flags, created, [`Chapter "${created.name}" created.`, created.id]);
    },
  );
  adminCommand(chapter.command('list').description('List chapters'), false, async (admin, flags) => {
    const chapters = await admin.listChapters();
    emit(flags, chapters, chapterLines(chapters));
  });

  adminCommand(
    server
      .command('enroll')
      .description('Issue a one-time enrolment code for a chapter; prints it on the last line')
      .requiredOption('--chapter <id>', 'chapter id')
      .option(
        '--expires <duration>',
        'how long the code stays valid: 30m, 12h, 7d, 2w (default: 7d)',
        durationOption,
      ),
    false,
    async (admin, flags) => {
      const issued = await admin.issueEnrolmentCode(flags.chapter!, flags.expires);
      emit(flags, issued, [
        `One-time enrolment code for "${issued.chapterName}", valid until ${issued.expiresAt}:`,
        issued.code,
      ]);
    },
  );

  const devices = server.command('devices').description('List or revoke enrolled devices');
  adminCommand(devices.command('list').description('List devices'), false, async (admin, flags) => {
    const list = await admin.listDevices();
    emit(flags, list, deviceLines(list));
  });
  adminCommand(
    devices
      .command('revoke')
      .description('Revoke a device: its next request is refused')
      .argument('<id>', 'device id'),
    false,
    async (admin, flags, [id]) => {
      const device = await admin.revokeDevice(id!);
      emit(flags, device, [
        `Device "${device.name}" of ${device.chapterName} revoked at ${device.revokedAt}.`,
        device.id,
      ]);
    },
  );

  return server;
}
