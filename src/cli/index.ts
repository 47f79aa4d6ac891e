import { Command, CommanderError } from 'commander';
import { AppError } from '../shared/errors';
import { registerDues } from './commands/dues';
import { registerEvents } from './commands/events';
import { registerExport } from './commands/export';
import { registerPrint } from './commands/print';
import { registerImport } from './commands/import';
import { registerInit } from './commands/init';
import { registerMembers } from './commands/members';
import { registerServe } from './commands/serve';
import { registerSync } from './commands/sync';
import { registerServerCommands } from './server';

/**
 * `chapterdesk`: the same services as the app, for scripts, servers and our own checks.
 * Results go to stdout, errors to stderr with a non-zero exit code.
 */
export function buildProgram(): Command {
  const program = new Command('chapterdesk')
    .description('ChapterDesk: keep a chapter’s members, offline first.')
    .showHelpAfterError()
    .exitOverride();
  registerInit(program);
  registerExport(program);
  registerImport(program);
  registerMembers(program);
  registerDues(program);
  registerEvents(program);
  registerPrint(program);
  registerServe(program);
  registerSync(program);
  registerServerCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
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
