import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { memberName } from '../components/memberName';

/** Enough to name the merge targets on screen; beyond that the review list is far too long to read anyway. */
const MAX_LOOKUPS = 200;

/**
 * The names of existing members a possible duplicate points at, so "Merge into" says who. A member
 * that cannot be read is simply left out: the screen falls back to a generic label.
 */
export function useMemberNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(ids)].sort().slice(0, MAX_LOOKUPS).join(' ');

  useEffect(() => {
    if (!key) return undefined;
    let current = true;
    void Promise.all(
      key.split(' ').map((id) =>
        api.call('members.get', { id }).then(
          (member): [string, string] | null => {
            const name = memberName(member);
            const number = member.memberNumber ? ` (${member.memberNumber})` : '';
            return name ? [id, `${name}${number}`] : null;
          },
          () => null,
        ),
      ),
    ).then((found) => {
      if (current) setNames(new Map(found.filter((entry) => entry !== null)));
    });
    return () => {
      current = false;
    };
  }, [key]);

  return names;
}
