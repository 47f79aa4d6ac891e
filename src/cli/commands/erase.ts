import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { Member } from '../../shared/domain';
import type { EraseResult } from '../../shared/erasure';
import { AppError } from '../../shared/errors';
import { statement } from '../../main/db/statements';
import { call, print, resolveMember, withChapter } from './dues';

/**
 * Erasing cannot be undone, so it needs a yes: `--yes` on the line, or typing "yes" when asked on
 * a terminal. Without a terminal to ask on (a script, a pipe) it is refused, never assumed.
 */
async function confirmErasure(who: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new AppError(
      'VALIDATION',
      `Erasing ${who} cannot be undone; nothing was erased. Run again with --yes to confirm.`,
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `Erase ${who} and every trace of their data, here and at the next sync everywhere? This cannot be undone. Type yes to erase: `,
    );
    if (answer.trim().toLowerCase() !== 'yes') throw new AppError('CANCELLED', 'Nothing was erased.');
  } finally {
    prompt.close();
  }
}

function describeErasure(who: string, result: EraseResult): string {
  const removed = [
    `${result.changes} change-log entries`,
    `${result.conflicts} conflicts`,
    `${result.importEffects} import records`,
    `${result.paymentNotes} payment notes`,
  ];
  if (result.table === 'members') {
    removed.push(`guest details of ${result.guestRegistrations} registrations`);
    removed.push(`${result.mergedRecords} duplicate records merged into them`);
  }
  return [
    `Erased ${who} (${result.id}): removed ${removed.join(', ')}.`,
    result.table === 'members'
      ? 'Their payments stay, listed as an erased member’s with the receipt number.'
      : '',
    result.fileScrubbed
      ? 'The chapter file and its WAL no longer hold their data.'
      : 'Another program has the chapter file open: close it and erase again later to empty the WAL.',
    'The erasure reaches the server and the other laptops with the next sync.',
  ]
    .filter(Boolean)
    .join('\n');
}

/** `members erase <member>`: a member, for good. */
export function addEraseMember(members: Command): void {
  members
    .command('erase')
    .description('Erase a member for good: every trace of their data, here and everywhere at the next sync')
    .argument('<member>', 'id, member number or email')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--yes', 'erase without asking (this cannot be undone)')
    .option('--json', 'print what was removed as JSON')
    .action(async (who: string, opts: { db: string; yes?: boolean; json?: boolean }) => {
      await withChapter(opts.db, async (chapter) => {
        const id = resolveMember(chapter.db, who);
        const member = await call<Member>(chapter, 'members.get', { id });
        const name = [member.firstName, member.lastName].filter(Boolean).join(' ') || member.email || id;
        await confirmErasure(name, opts.yes);
        const result = await call<EraseResult>(chapter, 'members.erase', { id });
        print(opts.json, result, () => describeErasure(name, result));
      });
    });
}

/** `events erase-guest <registration>`: a guest's name, email and phone, for good. */
export function addEraseGuest(events: Command): void {
  events
    .command('erase-guest')
    .description('Erase a guest for good: their name, email and phone on a registration (it stays, counted)')
    .argument('<registration>', 'the registration id of the guest (see: chapterdesk events show --json)')
    .requiredOption('--db <path>', 'chapter database file')
    .option('--yes', 'erase without asking (this cannot be undone)')
    .option('--json', 'print what was removed as JSON')
    .action(async (registrationId: string, opts: { db: string; yes?: boolean; json?: boolean }) => {
      await withChapter(opts.db, async (chapter) => {
        const row = statement(chapter.db, `SELECT guest_name FROM registrations WHERE id = ?`).get(
          registrationId,
        ) as { guest_name: string | null } | undefined;
        if (!row) throw new AppError('NOT_FOUND', `registration: no registration “${registrationId}”.`);
        const name = row.guest_name ? `the guest ${row.guest_name}` : 'this guest';
        await confirmErasure(name, opts.yes);
        const result = await call<EraseResult>(chapter, 'events.eraseGuest', { id: registrationId });
        print(opts.json, result, () => describeErasure(name, result));
      });
    });
}
