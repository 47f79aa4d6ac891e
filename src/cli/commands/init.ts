import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { Chapter } from '../../shared/domain';
import { dispatch } from '../../main/api/dispatch';
import { openChapter, removeChapterFile, unwrap } from '../open-chapter';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Create a chapter database (the first-run setup, from the command line)')
    .requiredOption('--db <path>', 'chapter database file to create')
    .requiredOption('--name <name>', 'chapter name')
    .requiredOption('--country <cc>', 'two-letter country code, e.g. FR')
    .requiredOption('--currency <cur>', 'three-letter currency code, e.g. EUR')
    .option('--officer <name>', 'the officer using this database', userInfo().username)
    .option('--locale <locale>', 'en, fr, es, pt or ar', 'en')
    .option('--json', 'print the chapter as JSON')
    .action(
      async (opts: {
        db: string;
        name: string;
        country: string;
        currency: string;
        officer: string;
        locale: string;
        json?: boolean;
      }) => {
        const { db, handlers, created } = openChapter(opts.db, { mustExist: false });
        let setUp = false;
        try {
          const chapter = unwrap<Chapter>(
            await dispatch(handlers, 'chapter.setup', {
              name: opts.name,
              country: opts.country,
              currency: opts.currency,
              officerName: opts.officer,
              locale: opts.locale,
            }),
          );
          setUp = true;
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(chapter)}\n`
              : `Created chapter “${chapter.name}” (${chapter.id}) in ${opts.db}\n`,
          );
        } finally {
          db.close();
          if (created && !setUp) removeChapterFile(opts.db);
        }
      },
    );
}
