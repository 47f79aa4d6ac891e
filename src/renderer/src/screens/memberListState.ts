import type { MemberSortField, MemberStatus } from '../../../shared/domain';

/** What the secretary chose on the members screen; kept by the app so it survives a visit to a member. */
export interface MemberListState {
  search: string;
  status: MemberStatus | '';
  /** Set from the Dues screen: members whose paid-through date ends within this many days. */
  expiringWithinDays: number | null;
  /** Set from the Dues screen: members in grace or lapsed on a type with a fee. */
  owing: boolean;
  typeId: string;
  city: string;
  /** Deleted members instead of current ones. */
  deleted: boolean;
  /** One of the chapter's own fields, and the value looked for in it ('' : any value). */
  fieldId: string;
  fieldValue: string;
  sort: MemberSortField;
  direction: 'asc' | 'desc';
}

export const INITIAL_LIST_STATE: MemberListState = {
  search: '',
  status: '',
  expiringWithinDays: null,
  owing: false,
  typeId: '',
  city: '',
  deleted: false,
  fieldId: '',
  fieldValue: '',
  sort: 'name',
  direction: 'asc',
};
