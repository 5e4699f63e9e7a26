import { z } from 'zod/mini';
import { cursorPageSchema, offsetPageSchema } from '../../contract/pagination.ts';
import type { UpstreamClient } from '../operations/upstream-client.ts';
import { type UserBrief, userBriefSchema } from '../operations/zendesk-reads.ts';
import { collectCursor, walkCursor } from './cursor-walk.ts';

/**
 * The account's group and organization memberships as import and export read them: whole
 * memberships with their people sideloaded (`include=users`), walked a page at a time.
 */

export type ZendeskTargetType = 'group' | 'organization';

export type FullMembership = {
  id: number;
  user_id: number;
  target_id: number;
  default: boolean;
  view_tickets: boolean | null;
  created_at: string;
};

export type MembershipPage = { memberships: FullMembership[]; users: Map<number, UserBrief> };

const namedSchema = z.looseObject({ id: z.int(), name: z.string() });
const groupListSchema = z.extend(cursorPageSchema, {
  groups: z.array(z.extend(namedSchema, { deleted: z._default(z.boolean(), false) })),
});
const organizationListSchema = z.extend(cursorPageSchema, { organizations: z.array(namedSchema) });
const groupMembershipSchema = z.looseObject({
  id: z.int(),
  user_id: z.int(),
  group_id: z.int(),
  default: z.boolean(),
  created_at: z.string(),
});
const organizationMembershipSchema = z.looseObject({
  id: z.int(),
  user_id: z.int(),
  organization_id: z.int(),
  default: z.nullable(z.boolean()),
  view_tickets: z._default(z.boolean(), true),
  created_at: z.string(),
});
const groupMembershipPageSchema = z.extend(cursorPageSchema, {
  group_memberships: z.array(groupMembershipSchema),
  users: z._default(z.array(userBriefSchema), []),
});
const organizationMembershipPageSchema = z.extend(cursorPageSchema, {
  organization_memberships: z.array(organizationMembershipSchema),
  users: z._default(z.array(userBriefSchema), []),
});
const totalSchema = z.extend(offsetPageSchema, {});
const countSchema = z.looseObject({ count: z.looseObject({ value: z.int() }) });

/** The account's groups (not deleted) or organizations, by id. */
export async function listTargets(
  client: UpstreamClient,
  type: ZendeskTargetType,
): Promise<Map<number, string>> {
  const named =
    type === 'group'
      ? (
          await collectCursor(client, '/groups', groupListSchema, (page) => page.groups, {
            exclude_deleted: 'true',
          })
        ).filter((group) => !group.deleted)
      : await collectCursor(client, '/organizations', organizationListSchema, (page) => page.organizations);
  return new Map(named.map((target) => [target.id, target.name]));
}

/** Where a walk starts: every membership of the account, of some groups or organizations, or of one person. */
export type MembershipScope =
  | { of: 'account' }
  | { of: 'targets'; ids: readonly number[] }
  | { of: 'user'; id: number };

function pathsOf(type: ZendeskTargetType, scope: MembershipScope): string[] {
  const list = type === 'group' ? 'group_memberships' : 'organization_memberships';
  if (scope.of === 'account') return [`/${list}`];
  if (scope.of === 'user') return [`/users/${scope.id}/${list}`];
  return scope.ids.map((id) =>
    type === 'group' ? `/groups/${id}/memberships` : `/organizations/${id}/organization_memberships`,
  );
}

/** The memberships in `scope`, a page (100) per request, each page with its people. */
export async function* walkMemberships(
  client: UpstreamClient,
  type: ZendeskTargetType,
  scope: MembershipScope,
): AsyncGenerator<MembershipPage> {
  for (const path of pathsOf(type, scope)) {
    if (type === 'group') {
      for await (const page of walkCursor(client, path, groupMembershipPageSchema, { include: 'users' })) {
        yield {
          memberships: page.group_memberships.map((m) => ({
            id: m.id,
            user_id: m.user_id,
            target_id: m.group_id,
            default: m.default,
            view_tickets: null,
            created_at: m.created_at,
          })),
          users: new Map(page.users.map((user) => [user.id, user])),
        };
      }
    } else {
      for await (const page of walkCursor(client, path, organizationMembershipPageSchema, {
        include: 'users',
      })) {
        yield {
          memberships: page.organization_memberships.map((m) => ({
            id: m.id,
            user_id: m.user_id,
            target_id: m.organization_id,
            default: m.default === true,
            view_tickets: m.view_tickets,
            created_at: m.created_at,
          })),
          users: new Map(page.users.map((user) => [user.id, user])),
        };
      }
    }
  }
}

/** How many memberships the account holds: one request (offset pagination's `count`). */
export async function accountMembershipTotal(
  client: UpstreamClient,
  type: ZendeskTargetType,
): Promise<number> {
  const list = type === 'group' ? 'group_memberships' : 'organization_memberships';
  return (await client.get(`/${list}?per_page=1`, totalSchema)).count;
}

/** How many members one group or organization has: one request. */
export async function targetMemberTotal(
  client: UpstreamClient,
  type: ZendeskTargetType,
  id: number,
): Promise<number> {
  const path = type === 'group' ? `/groups/${id}/users/count` : `/organizations/${id}/users/count`;
  return (await client.get(path, countSchema)).count.value;
}
