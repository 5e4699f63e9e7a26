import type { Organization } from '../../../contract/organization.ts';
import type { OrganizationRow } from '../db/rows.ts';

export function presentOrganization(row: OrganizationRow, apiBase: string): Organization {
  return {
    id: row.id,
    url: `${apiBase}/organizations/${row.id}.json`,
    name: row.name,
    details: row.details,
    notes: row.notes,
    domain_names: JSON.parse(row.domain_names) as string[],
    external_id: row.external_id,
    group_id: row.group_id,
    shared_tickets: row.shared_tickets === 1,
    shared_comments: row.shared_comments === 1,
    tags: JSON.parse(row.tags) as string[],
    organization_fields: JSON.parse(row.organization_fields) as Record<string, unknown>,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
