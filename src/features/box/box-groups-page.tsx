import { Link } from 'react-router';
import { boxGroupCountQueryOptions, boxGroupsQueryOptions } from '../../api/box/box-groups.ts';
import { MutedText } from '../../components/data-table/muted-text.tsx';
import type { VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { ExportButton } from '../../components/exports/export-button.tsx';
import { NamedListPage } from '../../components/named-list-page.tsx';
import type { BoxGroup } from '../../contract/box/box-group.ts';
import { paths } from '../../lib/paths.ts';
import { BOX_LEVEL_LABELS } from './box-labels.ts';

const COLUMNS: VirtualTableColumn<BoxGroup>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(200px, 1.2fr)',
    cell: ({ row }) => (
      <span className="cell-main">
        <Link to={paths.boxGroup.href(row.original.id)}>{row.original.name}</Link>
        {row.original.provenance && <span className="badge badge-quiet">{row.original.provenance}</span>}
      </span>
    ),
  },
  {
    id: 'description',
    header: 'Description',
    width: 'minmax(220px, 2fr)',
    cell: ({ row }) => <MutedText text={row.original.description} />,
  },
  {
    id: 'viewability',
    header: 'Who sees members',
    width: '170px',
    cell: ({ row }) => BOX_LEVEL_LABELS[row.original.member_viewability_level],
  },
];

export function BoxGroupsPage() {
  return (
    <NamedListPage
      title="Box groups"
      lede="Box groups hold the same people as your help desk; open one to see and change who is in it."
      noun={{ one: 'group', other: 'groups' }}
      columns={COLUMNS}
      listQuery={boxGroupsQueryOptions}
      countQuery={boxGroupCountQueryOptions}
      actions={() => <ExportButton kind="box_group_memberships" scope={{}} label="Export all memberships" />}
    />
  );
}
