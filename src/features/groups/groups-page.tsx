import { Link } from 'react-router';
import { groupCountQueryOptions, groupsQueryOptions } from '../../api/groups.ts';
import { MutedText } from '../../components/data-table/muted-text.tsx';
import type { VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { ExportButton } from '../../components/exports/export-button.tsx';
import { NamedListPage } from '../../components/named-list-page.tsx';
import type { Group } from '../../contract/group.ts';
import { paths } from '../../lib/paths.ts';
import { GroupMemberCount } from './group-member-count.tsx';

const COLUMNS: VirtualTableColumn<Group>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(250px, 1.2fr)',
    cell: ({ row }) => (
      <span className="cell-main">
        <Link to={paths.group.href(row.original.id)}>{row.original.name}</Link>
        {row.original.default && <span className="badge">Account default</span>}
      </span>
    ),
  },
  {
    id: 'description',
    header: 'Description',
    width: 'minmax(200px, 2fr)',
    cell: ({ row }) => <MutedText text={row.original.description} />,
  },
  {
    id: 'members',
    header: 'Members',
    width: '96px',
    align: 'end',
    cell: ({ row }) => <GroupMemberCount groupId={row.original.id} />,
  },
  {
    id: 'visibility',
    header: 'Visibility',
    width: '110px',
    cell: ({ row }) =>
      row.original.is_public ? 'Public' : <span className="badge badge-quiet">Private</span>,
  },
];

export function GroupsPage() {
  return (
    <NamedListPage
      title="Groups"
      lede="Agents belong to groups; open one to see and change who is in it."
      noun={{ one: 'group', other: 'groups' }}
      columns={COLUMNS}
      listQuery={groupsQueryOptions}
      countQuery={groupCountQueryOptions}
      nameMatch="anywhere"
      actions={(search) => (
        <ExportButton
          kind="group_memberships"
          scope={{ search }}
          label={search ? 'Export these groups’ members' : 'Export all memberships'}
        />
      )}
    />
  );
}
