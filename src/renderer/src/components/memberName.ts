import type { Member } from '../../../shared/domain';

/** Empty when the member has neither name nor email, so the caller can pick its own placeholder. */
export function memberName(member: Pick<Member, 'firstName' | 'lastName' | 'email'>): string {
  const name = [member.firstName, member.lastName].filter(Boolean).join(' ');
  return name || member.email || '';
}
