import type { RowData } from '@tanstack/react-table';
import { useSelectionView } from './selection-context.ts';
import type { VirtualTableColumn } from './virtual-table.tsx';

/**
 * The checkbox column of a selectable table (one with `selection`): the header checks every loaded
 * row (mixed when some are), each row's box toggles that row, and a shift-click sets every row from
 * the one last toggled to the one clicked, as the clicked box now is. The boxes read the selection
 * from the table's context, so the column is made once, not again on every change.
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
    header: () => <AllRowsBox label={options.allLabel} />,
    cell: ({ row }) => <RowBox row={row.original} label={`Select ${options.nameOf(row.original)}`} />,
  };
}

function AllRowsBox({ label }: { label: string }) {
  const view = useSelectionView();
  if (!view) return null;
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={view.all}
      disabled={view.empty}
      ref={(input) => {
        if (input) input.indeterminate = view.some && !view.all;
      }}
      onChange={(event) => view.setAll(event.target.checked)}
    />
  );
}

function RowBox<Row>({ row, label }: { row: Row; label: string }) {
  const view = useSelectionView<Row>();
  if (!view) return null;
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={view.isSelected(row)}
      onChange={(event) =>
        view.toggle(
          row,
          event.target.checked,
          'shiftKey' in event.nativeEvent && event.nativeEvent.shiftKey === true,
        )
      }
    />
  );
}
