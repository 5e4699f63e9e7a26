import type { RowData } from '@tanstack/react-table';
import { isShiftChange, rowsInRange } from './range-selection.ts';
import { isSelected, type RowSelection } from './row-selection.ts';
import type { VirtualTableColumn } from './virtual-table.tsx';

/**
 * The checkbox column of a selectable table: the header checks every loaded row (indeterminate
 * when some are), each row's box toggles that row, and a shift-click sets every row from the one
 * last toggled (`anchor`) to the one clicked, as the clicked box now is.
 */
export function selectionColumn<Row extends RowData, Id>(options: {
  rows: readonly Row[];
  idOf: (row: Row) => Id;
  nameOf: (row: Row) => string;
  selection: RowSelection<Id>;
  anchor: { current: Id | undefined };
  onToggle: (id: Id) => void;
  onSelectMany: (ids: readonly Id[], selected: boolean) => void;
}): VirtualTableColumn<Row> {
  const { rows, idOf, nameOf, selection, anchor, onToggle, onSelectMany } = options;
  const loadedSelected = rows.filter((row) => isSelected(selection, idOf(row))).length;
  return {
    id: 'select',
    width: '44px',
    align: 'center',
    header: () => (
      <input
        type="checkbox"
        aria-label="Select all loaded members"
        checked={rows.length > 0 && loadedSelected === rows.length}
        ref={(input) => {
          if (input) input.indeterminate = loadedSelected > 0 && loadedSelected < rows.length;
        }}
        onChange={(event) => onSelectMany(rows.map(idOf), event.target.checked)}
      />
    ),
    cell: ({ row }) => {
      const id = idOf(row.original);
      return (
        <input
          type="checkbox"
          aria-label={`Select ${nameOf(row.original)}`}
          checked={isSelected(selection, id)}
          onChange={(event) => {
            if (isShiftChange(event))
              onSelectMany(rowsInRange(rows, idOf, anchor.current, id).map(idOf), event.target.checked);
            else onToggle(id);
            anchor.current = id;
          }}
        />
      );
    },
  };
}
