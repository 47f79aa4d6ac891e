import { Command } from 'commander';

type Register = (program: Command) => unknown;

/**
 * Every module of commands, in the order `--help` lists them. Each is imported only when one of its
 * commands runs: a module pulls in the services behind its commands (SQLite, the sync server,
 * Chromium…), and `chapterdesk --help` or one command should not pay for all of them.
 */
export const COMMAND_MODULES: readonly (() => Promise<Register>)[] = [
  () => import('./commands/init').then((m) => m.registerInit),
  () => import('./commands/export').then((m) => m.registerExport),
  () => import('./commands/import').then((m) => m.registerImport),
  () => import('./commands/members').then((m) => m.registerMembers),
  () => import('./commands/fields').then((m) => m.registerFields),
  () => import('./commands/dues').then((m) => m.registerDues),
  () => import('./commands/events').then((m) => m.registerEvents),
  () => import('./commands/print').then((m) => m.registerPrint),
  () => import('./commands/serve').then((m) => m.registerServe),
  () => import('./commands/sync').then((m) => m.registerSync),
  () => import('./commands/backup').then((m) => m.registerBackup),
  () => import('./commands/diagnostics').then((m) => m.registerDiagnostics),
  () => import('./server').then((m) => m.registerServerCommands),
];

/** One top-level command as the built CLI's index (`commands.json`) lists it, for `--help`. */
export interface CommandIndexEntry {
  name: string;
  /** What `--help` shows in the left column: `init [options]`, `import [options] <file>`. */
  term: string;
  description: string;
  /** Its position in COMMAND_MODULES. */
  module: number;
}

/**
 * Positional options: options after a subcommand's name are that subcommand's, so a command with
 * options of its own can have subcommands with the same ones (`sync --db P`, `sync export --db P`).
 */
export function newProgram(): Command {
  return new Command('chapterdesk')
    .description('ChapterDesk: keep a chapter’s members, offline first.')
    .showHelpAfterError()
    .enablePositionalOptions()
    .exitOverride();
}

/**
 * `chapterdesk` with the commands of the modules given (all by default): the same services as the
 * app, for scripts, servers and our own checks. Results go to stdout, errors to stderr with a
 * non-zero exit code.
 */
export async function buildProgram(
  modules: readonly number[] = COMMAND_MODULES.map((_, i) => i),
): Promise<Command> {
  const program = newProgram();
  for (const register of await Promise.all(modules.map((i) => COMMAND_MODULES[i]!()))) register(program);
  return program;
}

/** The top-level commands of every module, as the build writes them to `commands.json`. */
export async function describeCommands(): Promise<CommandIndexEntry[]> {
  const entries: CommandIndexEntry[] = [];
  for (let module = 0; module < COMMAND_MODULES.length; module++) {
    const program = await buildProgram([module]);
    const help = program.createHelp();
    for (const command of program.commands) {
      entries.push({
        name: command.name(),
        term: help.subcommandTerm(command),
        description: command.description(),
        module,
      });
    }
  }
  return entries;
}
