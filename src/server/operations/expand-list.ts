import type { NewItem, OperationRecord } from '../store/operation-store.ts';
import type { UpstreamClient } from './upstream-client.ts';
import {
  actorOf,
  cursorQuery,
  groupMemberPageSchema,
  nextCursorOf,
  organizationMemberPageSchema,
  type UserBrief,
} from './zendesk-reads.ts';

const unnamed = (id: number): UserBrief => ({ id, name: `User ${id}`, email: null, role: 'end-user' });

/**
 * One page of the list a "select all" removal names, as items: the members of a group or an
 * organization (users sideloaded, so names cost no extra request), less the memberships the person
 * unticked. Keyset cursors keep their place while the operation removes the rows before them.
 */
export async function expandListPage(
  client: UpstreamClient,
  operation: OperationRecord,
): Promise<{ items: NewItem[]; nextCursor: string | null }> {
  const selector = operation.params.selector;
  const target = operation.targets[0];
  if (!selector || !target) throw new Error('The operation has no list to walk');
  const except = new Set(selector.except);
  const query = cursorQuery(operation.expandCursor || undefined, { include: 'users' });
  if (selector.listType === 'group') {
    const page = await client.get(`/groups/${selector.listId}/memberships?${query}`, groupMemberPageSchema);
    const users = new Map(page.users.map((user) => [user.id, user]));
    return {
      items: page.group_memberships
        .filter((membership) => !except.has(String(membership.id)))
        .map((membership) => ({
          user: actorOf(users.get(membership.user_id) ?? unnamed(membership.user_id)),
          target,
          membershipId: String(membership.id),
          wasDefault: membership.default,
          viewTickets: null,
          role: null,
          restoreDefault: false,
          action: null,
          previousDefaultId: null,
        })),
      nextCursor: nextCursorOf(page),
    };
  }
  const page = await client.get(
    `/organizations/${selector.listId}/organization_memberships?${query}`,
    organizationMemberPageSchema,
  );
  const users = new Map(page.users.map((user) => [user.id, user]));
  return {
    items: page.organization_memberships
      .filter((membership) => !except.has(String(membership.id)))
      .map((membership) => ({
        user: actorOf(users.get(membership.user_id) ?? unnamed(membership.user_id)),
        target,
        membershipId: String(membership.id),
        wasDefault: membership.default === true,
        viewTickets: membership.view_tickets,
        role: null,
        restoreDefault: false,
        action: null,
        previousDefaultId: null,
      })),
    nextCursor: nextCursorOf(page),
  };
}
