import type { GroupMemberPage } from '../../api/group-memberships.ts';
import { type MemberRow, memberRowsOf } from '../../components/members/members-table.tsx';
import type { GroupMembership } from '../../contract/group-membership.ts';

export type GroupMemberRow = MemberRow<GroupMembership>;

export function groupMemberRowsOf(pages: readonly GroupMemberPage[]): GroupMemberRow[] {
  return memberRowsOf(pages.map((page) => ({ memberships: page.group_memberships, users: page.users })));
}
