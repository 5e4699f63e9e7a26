import type { ChangeEvent } from 'react';
import { Link } from 'react-router';
import { MutedText } from '../../components/data-table/muted-text.tsx';
import type { VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { ROLE_WORDS } from '../../components/role-words.ts';
import type { User } from '../../contract/user.ts';

export type UsersSelection = {
  /** How many of the loaded rows are chosen: the header box is checked, mixed or clear. */
  loadedChosen: number;
  loaded: number;
  isChosen: (id: number) => boolean;
  onRowChange: (user: User, event: ChangeEvent<HTMLInputElement>) => void;
  onLoadedChange: (chosen: boolean) => void;
};

export function usersColumns(
  groupName: ReadonlyMap<number, string>,
  organizationName: ReadonlyMap<number, string>,
  selection: UsersSelection,
): VirtualTableColumn<User>[] {
  const { loadedChosen, loaded } = selection;
  return [
    {
      id: 'select',
      width: '44px',
      align: 'center',
      header: () => (
        <input
          type="checkbox"
          aria-label="Select every person shown"
          checked={loaded > 0 && loadedChosen === loaded}
          disabled={loaded === 0}
          ref={(input) => {
            if (input) input.indeterminate = loadedChosen > 0 && loadedChosen < loaded;
          }}
          onChange={(event) => selection.onLoadedChange(event.target.checked)}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select ${row.original.name}`}
          checked={selection.isChosen(row.original.id)}
          onChange={(event) => selection.onRowChange(row.original, event)}
        />
      ),
    },
    {
      id: 'name',
      header: 'Name',
      width: 'minmax(160px, 1.2fr)',
      cell: ({ row }) => (
        <span className="cell-main">
          <Link to={`/users/${row.original.id}`}>{row.original.name}</Link>
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
