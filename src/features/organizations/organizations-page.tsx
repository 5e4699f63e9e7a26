import { Link } from 'react-router';
import { organizationCountQueryOptions, organizationsQueryOptions } from '../../api/organizations.ts';
import { MutedText } from '../../components/data-table/muted-text.tsx';
import type { VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { ExportButton } from '../../components/exports/export-button.tsx';
import { NamedListPage } from '../../components/named-list-page.tsx';
import type { Organization } from '../../contract/organization.ts';
import { paths } from '../../lib/paths.ts';
import { OrganizationMemberCount } from './organization-member-count.tsx';

const COLUMNS: VirtualTableColumn<Organization>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(200px, 1.2fr)',
    cell: ({ row }) => (
      <span className="cell-main">
        <Link to={paths.organization.href(row.original.id)}>{row.original.name}</Link>
      </span>
    ),
  },
  {
    id: 'domains',
    header: 'Domains',
    width: 'minmax(160px, 1.4fr)',
    cell: ({ row }) => <MutedText text={row.original.domain_names.join(', ')} />,
  },
  // Before the details, so a narrow window keeps the count in view and scrolls the details.
  {
    id: 'members',
    header: 'Members',
    width: '96px',
    align: 'end',
    cell: ({ row }) => <OrganizationMemberCount organizationId={row.original.id} />,
  },
  {
    id: 'details',
    header: 'Details',
    width: 'minmax(200px, 2fr)',
    cell: ({ row }) => <MutedText text={row.original.details} />,
  },
];

export function OrganizationsPage() {
  return (
    <NamedListPage
      title="Organizations"
      lede="People belong to organizations; open one to see and change who is in it."
      noun={{ one: 'organization', other: 'organizations' }}
      columns={COLUMNS}
      listQuery={organizationsQueryOptions}
      countQuery={organizationCountQueryOptions}
      actions={(search) => (
        <ExportButton
          kind="organization_memberships"
          scope={{ name_start: search }}
          label={search ? 'Export these organizations’ members' : 'Export all memberships'}
        />
      )}
    />
  );
}
