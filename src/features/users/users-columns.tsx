import { Link } from 'react-router';
import { MutedText } from '../../components/data-table/muted-text.tsx';
import { selectionColumn } from '../../components/data-table/selection-column.tsx';
import type { VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { ROLE_WORDS } from '../../components/role-words.ts';
import type { User } from '../../contract/user.ts';
import { paths } from '../../lib/paths.ts';

export function usersColumns(
  groupName: ReadonlyMap<number, string>,
  organizationName: ReadonlyMap<number, string>,
): VirtualTableColumn<User>[] {
  return [
    selectionColumn({ allLabel: 'Select every person shown', nameOf: (user) => user.name }),
    {
      id: 'name',
      header: 'Name',
      width: 'minmax(160px, 1.2fr)',
      cell: ({ row }) => (
        <span className="cell-main">
          <Link to={paths.user.href(row.original.id)}>{row.original.name}</Link>
        </span>
      ),
    },
    {
      id: 'email',
      header: 'Email',
      width: 'minmax(200px, 1.5fr)',
      cell: ({ row }) => <MutedText text={row.original.email} />,
    },
    { id: 'role', header: 'Role', width: '90px', cell: ({ row }) => ROLE_WORDS[row.original.role] },
    {
      id: 'default-group',
      header: 'Default group',
      width: 'minmax(140px, 1fr)',
      cell: ({ row }) => {
        const id = row.original.default_group_id;
        return <span className="truncate">{id === null ? '—' : (groupName.get(id) ?? '…')}</span>;
      },
    },
    {
      id: 'default-organization',
      header: 'Default organization',
      width: 'minmax(160px, 1fr)',
      cell: ({ row }) => {
        const id = row.original.organization_id;
        return <span className="truncate">{id === null ? '—' : (organizationName.get(id) ?? '…')}</span>;
      },
    },
  ];
}
