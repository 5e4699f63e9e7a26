import type { GroupMemberPage } from '../../api/group-memberships.ts';
import type { GroupMembership } from '../../contract/group-membership.ts';
import type { User } from '../../contract/user.ts';

/** A membership with its person, joined from the page's sideloaded users. */
export type GroupMemberRow = { membership: GroupMembership; user: User | undefined };

export function memberRowsOf(pages: readonly GroupMemberPage[]): GroupMemberRow[] {
  return pages.flatMap((page) => {
    const users = new Map(page.users.map((user) => [user.id, user]));
    return page.group_memberships.map((membership) => ({ membership, user: users.get(membership.user_id) }));
  });
}
