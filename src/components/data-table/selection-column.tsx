import type { RowData } from '@tanstack/react-table';
import type { VirtualTableColumn } from './virtual-table.tsx';

/**
 * The checkbox column of a selectable table (one with `selection`): the header checks every loaded
 * row (mixed when some are), each row's box toggles that row, and a shift-click sets every row from
 * the one last toggled to the one clicked, as the clicked box now is. It reads the selection from
 * the table's state, so the column is made once, not again on every change.
 */
export function selectionColumn<Row extends RowData>(options: {
  /** The header box's name, e.g. "Select all loaded members". */
  allLabel: string;
  nameOf: (row: Row) => string;
}): VirtualTableColumn<Row> {
  return {
    id: 'select',
    width: '44px',
    align: 'center',
    header: ({ table }) => {
      const all = table.getIsAllRowsSelected();
      const some = table.getIsSomeRowsSelected();
      return (
        <input
          type="checkbox"
          aria-label={options.allLabel}
          checked={all}
          disabled={table.getCoreRowModel().rows.length === 0}
          ref={(input) => {
            if (input) input.indeterminate = some && !all;
          }}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      );
    },
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${options.nameOf(row.original)}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  };
}
