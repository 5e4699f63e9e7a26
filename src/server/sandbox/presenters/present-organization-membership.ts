import type { OrganizationMembership } from '../../../contract/organization-membership.ts';
import type { OrganizationMembershipRow } from '../db/rows.ts';

export function presentOrganizationMembership(
  row: OrganizationMembershipRow,
  apiBase: string,
): OrganizationMembership {
  return {
    id: row.id,
    url: `${apiBase}/organization_memberships/${row.id}.json`,
    user_id: row.user_id,
    organization_id: row.organization_id,
    default: row.is_default === 1 ? true : null,
    organization_name: row.organization_name,
    view_tickets: row.view_tickets === 1,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
