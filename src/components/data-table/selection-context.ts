import { createContext, useContext } from 'react';
import type { SelectionView } from './row-selection.ts';

/**
 * The table's selection, for its checkbox column: the column is made once per page and reads the
 * selection from here, so a change re-renders the boxes without making new columns.
 */
export const SelectionContext = createContext<SelectionView<never> | undefined>(undefined);

export function useSelectionView<Row>(): SelectionView<Row> | undefined {
  // A context has no type parameter: the column reads the view its own table put there, of its rows.
  return useContext(SelectionContext) as SelectionView<Row> | undefined;
}
