import type { RowSelectionState, Updater } from '@tanstack/react-table';
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
 * The table options that make the page's selection the table's `rowSelection` state, for the
 * loaded rows: columns read it from the table, so they stay the same objects while it changes,
 * and the table's changes come back to the page as the rows selected and cleared.
 */
export function tableSelectionOptions<Row>(
  rows: readonly Row[],
  idOf: (row: Row) => string,
  selection: TableSelection<Row> | undefined,
) {
  const rowSelection = selectionStateOf(rows, idOf, selection?.isSelected);
  return {
    state: { rowSelection },
    enableRowSelection: selection !== undefined,
    onRowSelectionChange: (updater: Updater<RowSelectionState>) => {
      const next = typeof updater === 'function' ? updater(rowSelection) : updater;
      const { selected, cleared } = selectionChanges(rows, idOf, rowSelection, next);
      if (selected.length > 0) selection?.onChange(selected, true);
      if (cleared.length > 0) selection?.onChange(cleared, false);
    },
  };
}

/** The table's `rowSelection` state for the loaded rows: the id of each one the page has selected. */
export function selectionStateOf<Row>(
  rows: readonly Row[],
  idOf: (row: Row) => string,
  isRowSelected: ((row: Row) => boolean) | undefined,
): Record<string, true> {
  const state: Record<string, true> = {};
  if (!isRowSelected) return state;
  for (const row of rows) if (isRowSelected(row)) state[idOf(row)] = true;
  return state;
}

/** The loaded rows a change of the table's `rowSelection` selected and cleared. */
export function selectionChanges<Row>(
  rows: readonly Row[],
  idOf: (row: Row) => string,
  before: Readonly<Record<string, boolean>>,
  after: Readonly<Record<string, boolean>>,
): { selected: Row[]; cleared: Row[] } {
  const selected: Row[] = [];
  const cleared: Row[] = [];
  for (const row of rows) {
    const id = idOf(row);
    const was = before[id] === true;
    const is = after[id] === true;
    if (is && !was) selected.push(row);
    else if (was && !is) cleared.push(row);
  }
  return { selected, cleared };
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
