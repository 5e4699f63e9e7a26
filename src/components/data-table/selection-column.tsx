import type { RowData } from '@tanstack/react-table';
import { isSelected, type RowSelection } from './row-selection.ts';
import type { VirtualTableColumn } from './virtual-table.tsx';

/**
 * The checkbox column of a selectable table: the header checks every loaded row (indeterminate
 * when some are), each row's box toggles that row.
 */
export function selectionColumn<Row extends RowData, Id>(options: {
  rows: readonly Row[];
  idOf: (row: Row) => Id;
  nameOf: (row: Row) => string;
  selection: RowSelection<Id>;
  onToggle: (id: Id) => void;
  onToggleLoaded: (selected: boolean) => void;
}): VirtualTableColumn<Row> {
  const { rows, idOf, nameOf, selection, onToggle, onToggleLoaded } = options;
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
        onChange={(event) => onToggleLoaded(event.target.checked)}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${nameOf(row.original)}`}
        checked={isSelected(selection, idOf(row.original))}
        onChange={() => onToggle(idOf(row.original))}
      />
    ),
  };
}
