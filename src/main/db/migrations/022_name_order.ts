import { sortName } from '../../services/members/row';
import type { Db } from '../open';
import type { Migration } from './types';

/**
 * Sort names in the order of the chapter's language (sortName): computed again for every member of
 * a chapter whose language orders names apart from folding alone (Spanish, Arabic); in the others
 * each key stays as it was.
 */
function orderNames(db: Db): void {
  const chapter = db.prepare(`SELECT locale FROM chapter WHERE deleted = 0 LIMIT 1`).get() as
    { locale: string } | undefined;
  if (!chapter) return;
  const members = db.prepare(`SELECT id, first_name, last_name, email, sort_name FROM members`).all() as {
    id: string;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    sort_name: string;
  }[];
  const setSortName = db.prepare(`UPDATE members SET sort_name = ? WHERE id = ?`);
  for (const m of members) {
    const name = sortName(m.first_name, m.last_name, m.email, chapter.locale);
    if (name !== m.sort_name) setSortName.run(name, m.id);
  }
}

export const migration022: Migration = {
  version: 22,
  name: 'name_order',
  sql: '',
  run: orderNames,
};
