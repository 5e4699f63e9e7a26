import { useCallback, useMemo, useState } from 'react';

/**
 * Either some rows by id, or every row of the list except some: "select all N" must cover rows
 * that are not loaded yet, whose ids are fetched only when an action runs.
 */
export type RowSelection<Id> =
  | { mode: 'some'; ids: ReadonlySet<Id> }
  | { mode: 'all'; except: ReadonlySet<Id> };

const NONE = { mode: 'some', ids: new Set() } as const;

export function selectedCount<Id>(selection: RowSelection<Id>, total: number): number {
  return selection.mode === 'some' ? selection.ids.size : Math.max(0, total - selection.except.size);
}

export function isSelected<Id>(selection: RowSelection<Id>, id: Id): boolean {
  return selection.mode === 'some' ? selection.ids.has(id) : !selection.except.has(id);
}

/**
 * These rows selected or cleared: by id, or, once "select all" covers the whole list, as the
 * rows left out of it.
 */
export function withRowsSet<Id>(
  selection: RowSelection<Id>,
  ids: readonly Id[],
  selected: boolean,
): RowSelection<Id> {
  if (selection.mode === 'all') {
    const except = new Set(selection.except);
    for (const id of ids) {
      if (selected) except.delete(id);
      else except.add(id);
    }
    return { mode: 'all', except };
  }
  const next = new Set(selection.ids);
  for (const id of ids) {
    if (selected) next.add(id);
    else next.delete(id);
  }
  return { mode: 'some', ids: next };
}

/**
 * Which rows are selected, as the page keeps it (a selection may cover rows not loaded, or outlive
 * a search), and where the table's changes go: one box, the header's box, a shift-click's range
 * from the row last clicked, or Space on a focused row.
 */
export type TableSelection<Row> = {
  isSelected: (row: Row) => boolean;
  onChange: (rows: readonly Row[], selected: boolean) => void;
};

/** A page's selection of rows by id, as a table's `selection`: the rows its changes touch go back as ids. */
export function tableSelectionOf<Row, Id>(
  selection: RowSelection<Id>,
  idOf: (row: Row) => Id,
  onSelectMany: (ids: readonly Id[], selected: boolean) => void,
): TableSelection<Row> {
  return {
    isSelected: (row) => isSelected(selection, idOf(row)),
    onChange: (rows, selected) => onSelectMany(rows.map(idOf), selected),
  };
}

/**
 * What a table's checkboxes read and change of the page's selection, for the loaded rows: the
 * header box over all of them, each row's box, and a shift-click's range from the row last
 * toggled, which takes the clicked box's new state.
 */
export type SelectionView<Row> = {
  isSelected: (row: Row) => boolean;
  /** Every loaded row selected; `some` when at least one is. */
  all: boolean;
  some: boolean;
  empty: boolean;
  setAll: (selected: boolean) => void;
  toggle: (row: Row, selected: boolean, range: boolean) => void;
};

/** The row a shift-click's range starts from: the one last toggled, by id, kept across renders. */
export type SelectionAnchor = { current: string | undefined };

export function selectionViewOf<Row>(
  rows: readonly Row[],
  idOf: (row: Row) => string,
  selection: TableSelection<Row>,
  anchor: SelectionAnchor,
): SelectionView<Row> {
  const selectedRows = rows.filter(selection.isSelected).length;
  return {
    isSelected: selection.isSelected,
    all: rows.length > 0 && selectedRows === rows.length,
    some: selectedRows > 0,
    empty: rows.length === 0,
    setAll: (selected) => {
      // As with the header box of any list: a shift-click after it starts a range of its own.
      anchor.current = undefined;
      selection.onChange(rows, selected);
    },
    toggle: (row, selected, range) => {
      const to = rows.indexOf(row);
      const from = range ? rows.findIndex((other) => idOf(other) === anchor.current) : -1;
      anchor.current = idOf(row);
      if (from < 0 || to < 0) selection.onChange([row], selected);
      else selection.onChange(rows.slice(Math.min(from, to), Math.max(from, to) + 1), selected);
    },
  };
}

export function useRowSelection<Id>() {
  const [selection, setSelection] = useState<RowSelection<Id>>(NONE as RowSelection<Id>);
  const clear = useCallback(() => setSelection(NONE as RowSelection<Id>), []);
  const selectAll = useCallback(() => setSelection({ mode: 'all', except: new Set() }), []);
  const setLoaded = useCallback(
    (ids: readonly Id[], selected: boolean) => setSelection((current) => withRowsSet(current, ids, selected)),
    [],
  );
  return useMemo(
    () => ({ selection, clear, selectAll, setLoaded }),
    [selection, clear, selectAll, setLoaded],
  );
}
