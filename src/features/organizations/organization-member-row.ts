import type { OrganizationMemberPage } from '../../api/organization-memberships.ts';
import { type MemberRow, memberRowsOf } from '../../components/members/members-table.tsx';
import type { OrganizationMembership } from '../../contract/organization-membership.ts';

export type OrganizationMemberRow = MemberRow<OrganizationMembership>;

export function organizationMemberRowsOf(pages: readonly OrganizationMemberPage[]): OrganizationMemberRow[] {
  return memberRowsOf(
    pages.map((page) => ({ memberships: page.organization_memberships, users: page.users })),
  );
}
