import { Link } from 'react-router';
import { boxUserCountQueryOptions, boxUsersQueryOptions } from '../../api/box/box-users.ts';
import { MutedText } from '../../components/data-table/muted-text.tsx';
import type { VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { NamedListPage } from '../../components/named-list-page.tsx';
import type { BoxUser } from '../../contract/box/box-user.ts';
import { paths } from '../../lib/paths.ts';

const ROLE_LABELS: Record<BoxUser['role'], string> = { admin: 'Admin', coadmin: 'Co-admin', user: 'User' };

const COLUMNS: VirtualTableColumn<BoxUser>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(180px, 1.2fr)',
    cell: ({ row }) => (
      <span className="cell-main">
        <Link to={paths.boxUser.href(row.original.id)}>{row.original.name}</Link>
      </span>
    ),
  },
  {
    id: 'login',
    header: 'Login',
    width: 'minmax(220px, 1.6fr)',
    cell: ({ row }) => <MutedText text={row.original.login} />,
  },
  { id: 'role', header: 'Role', width: '100px', cell: ({ row }) => ROLE_LABELS[row.original.role] },
  { id: 'status', header: 'Status', width: '100px', cell: ({ row }) => row.original.status },
];

export function BoxUsersPage() {
  return (
    <NamedListPage
      title="Box users"
      lede="Everyone in the Box enterprise; search by the first letters of a name or login."
      noun={{ one: 'user', other: 'users' }}
      columns={COLUMNS}
      listQuery={boxUsersQueryOptions}
      countQuery={boxUserCountQueryOptions}
    />
  );
}
