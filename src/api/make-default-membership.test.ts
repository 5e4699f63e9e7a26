import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { GroupMembership } from '../contract/group-membership.ts';
import type { OrganizationMembership } from '../contract/organization-membership.ts';
import { groupMembershipKeys } from './group-memberships.ts';
import { groupMembershipDefaults, organizationMembershipDefaults } from './make-default-membership.ts';
import { organizationMembershipKeys } from './organization-memberships.ts';
import { userMembershipKeys } from './user-memberships.ts';

const at = '2026-03-04T10:00:00Z';
const groupMembership = (id: number, userId: number, groupId: number, isDefault: boolean) =>
  ({
    id,
    url: '',
    user_id: userId,
    group_id: groupId,
    default: isDefault,
    created_at: at,
    updated_at: at,
  }) as const;
const page = <Field extends string, M>(field: Field, memberships: M[]) => ({
  [field]: memberships,
  users: [],
  meta: { has_more: false, after_cursor: null, before_cursor: null },
  start: 0,
});

function cachedGroups() {
  const client = new QueryClient();
  // Ada (user 1) is in groups 10 (default) and 20; Alan (user 2) in group 10 (default).
  client.setQueryData(groupMembershipKeys.ofGroup(10), {
    pages: [
      page('group_memberships', [groupMembership(101, 1, 10, true), groupMembership(102, 2, 10, true)]),
    ],
    pageParams: [undefined],
  });
  client.setQueryData(groupMembershipKeys.ofGroup(20), {
    pages: [page('group_memberships', [groupMembership(201, 1, 20, false)])],
    pageParams: [undefined],
  });
  client.setQueryData<GroupMembership[]>(userMembershipKeys.groups(1), [
    groupMembership(101, 1, 10, true),
    groupMembership(201, 1, 20, false),
  ]);
  return client;
}

const defaultsInList = (client: QueryClient, groupId: number) =>
  client
    .getQueryData<{ pages: { group_memberships: GroupMembership[] }[] }>(groupMembershipKeys.ofGroup(groupId))
    ?.pages.flatMap((p) => p.group_memberships.map((m) => [m.id, m.default]));

describe('make default, in every cached view at once', () => {
  it('flips a group default in the member lists and on the person’s page together', () => {
    const client = cachedGroups();
    groupMembershipDefaults.apply(client, 1, 201);
    expect(defaultsInList(client, 10)).toEqual([
      [101, false],
      [102, true],
    ]);
    expect(defaultsInList(client, 20)).toEqual([[201, true]]);
    expect(
      client.getQueryData<GroupMembership[]>(userMembershipKeys.groups(1))?.map((m) => m.default),
    ).toEqual([false, true]);
  });

  it('leaves other people’s defaults alone', () => {
    const client = cachedGroups();
    groupMembershipDefaults.apply(client, 1, 201);
    expect(defaultsInList(client, 10)?.find(([id]) => id === 102)).toEqual([102, true]);
  });

  it('finds the previous default on the person’s page, or else in a member list', () => {
    const client = cachedGroups();
    expect(groupMembershipDefaults.currentOf(client, 1)).toBe(101);
    client.removeQueries({ queryKey: userMembershipKeys.groups(1) });
    expect(groupMembershipDefaults.currentOf(client, 1)).toBe(101);
    expect(groupMembershipDefaults.currentOf(client, 3)).toBeUndefined();
  });

  it('turns an organization default off with null, as Zendesk sends it', () => {
    const client = new QueryClient();
    const membership = (
      id: number,
      organizationId: number,
      isDefault: true | null,
    ): OrganizationMembership => ({
      id,
      url: '',
      user_id: 1,
      organization_id: organizationId,
      default: isDefault,
      organization_name: `Org ${organizationId}`,
      view_tickets: false,
      created_at: at,
      updated_at: at,
    });
    client.setQueryData(userMembershipKeys.organizations(1), [
      membership(1, 7, true),
      membership(2, 8, null),
    ]);
    client.setQueryData(organizationMembershipKeys.ofOrganization(8), {
      pages: [page('organization_memberships', [membership(2, 8, null)])],
      pageParams: [undefined],
    });
    organizationMembershipDefaults.apply(client, 1, 2);
    expect(
      client
        .getQueryData<OrganizationMembership[]>(userMembershipKeys.organizations(1))
        ?.map((m) => m.default),
    ).toEqual([null, true]);
    expect(
      client
        .getQueryData<{ pages: { organization_memberships: OrganizationMembership[] }[] }>(
          organizationMembershipKeys.ofOrganization(8),
        )
        ?.pages[0]?.organization_memberships.map((m) => m.default),
    ).toEqual([true]);
  });
});
