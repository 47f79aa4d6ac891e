import { existsSync, readFileSync } from 'node:fs';
import { CommanderError, Help, type Command } from 'commander';
import { AppError } from '../shared/errors';
import { buildProgram, newProgram, type CommandIndexEntry } from './program';

/**
 * The list of top-level commands the build writes beside the built CLI (scripts/build-node.mjs).
 * From source there is none, and every module is loaded, as before.
 */
function commandIndex(): CommandIndexEntry[] | null {
  const file = new URL('./commands.json', import.meta.url);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CommandIndexEntry[]) : null;
}

/**
 * Only what this run needs: the module of the command asked for (`chapterdesk pay …`, `chapterdesk
 * help pay`), or, for the list of commands (`--help`, no command, an unknown one), the index, whose
 * entries stand in for the commands without loading any: `--help` starts in a fraction of the time.
 */
async function programFor(argv: string[]): Promise<Command> {
  const index = commandIndex();
  if (!index) return buildProgram();
  const [first, second] = argv.slice(2);
  const asked = index.find((entry) => entry.name === (first === 'help' ? second : first));
  if (asked) return buildProgram([asked.module]);
  const program = newProgram();
  for (const entry of index) program.command(entry.name).description(entry.description);
  const terms = new Map(index.map((entry) => [entry.name, entry.term]));
  return program.configureHelp({
    subcommandTerm: (command) =>
      terms.get(command.name()) ?? Help.prototype.subcommandTerm.call(new Help(), command),
  });
}

export async function main(argv: string[]): Promise<void> {
  try {
    await (await programFor(argv)).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`chapterdesk: ${message}\n`);
    process.exitCode = error instanceof AppError && error.code === 'VALIDATION' ? 2 : 1;
  }
}

await main(process.argv);
