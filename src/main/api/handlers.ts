import type { OperationResult, ParsedInput } from '../../shared/api';
import type { OperationName } from '../../shared/operations';
import type { Db } from '../db/open';
import { getChapter, listMembershipTypes, requireChapter, setupChapter } from '../services/chapter/chapter';
import { createWriteContexts } from '../services/device/device';
import {
  createMember,
  deleteMember,
  getMember,
  listCities,
  memberHistory,
  restoreMember,
  updateMember,
} from '../services/members/members';
import { listMembers } from '../services/members/query';

export type Handlers = {
  [K in OperationName]: (input: ParsedInput<K>) => OperationResult<K>;
};

/** Binds every contract operation to its service, for one open chapter database. */
export function createHandlers(db: Db, now: () => Date = () => new Date()): Handlers {
  const writeContext = createWriteContexts(db, now);
  const deps = { db, now, writeContext };
  return {
    'chapter.get': () => getChapter(db),
    'chapter.setup': (input) => setupChapter(db, now, writeContext, input),
    'membershipTypes.list': () => listMembershipTypes(db),
    'members.list': (input) => listMembers(db, input, now(), requireChapter(db).graceDays),
    'members.get': ({ id }) => getMember(deps, id),
    'members.create': (input) => createMember(deps, input),
    'members.update': (input) => updateMember(deps, input),
    'members.delete': ({ id }) => deleteMember(deps, id),
    'members.restore': ({ id }) => restoreMember(deps, id),
    'members.history': ({ id }) => memberHistory(db, id),
    'members.cities': () => listCities(db),
  };
}
