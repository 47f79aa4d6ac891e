import type { MemberSortField, MemberStatus } from '../../../shared/domain';

/** What the secretary chose on the members screen; kept by the app so it survives a visit to a member. */
export interface MemberListState {
  search: string;
  status: MemberStatus | '';
  typeId: string;
  city: string;
  sort: MemberSortField;
  direction: 'asc' | 'desc';
}

export const INITIAL_LIST_STATE: MemberListState = {
  search: '',
  status: '',
  typeId: '',
  city: '',
  sort: 'name',
  direction: 'asc',
};
