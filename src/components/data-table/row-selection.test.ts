import { describe, expect, it } from 'vitest';
import {
  isSelected,
  type RowSelection,
  type SelectionAnchor,
  selectedCount,
  selectionViewOf,
  tableSelectionOf,
  withRowsSet,
} from './row-selection.ts';

const NONE: RowSelection<number> = { mode: 'some', ids: new Set() };
const ALL: RowSelection<number> = { mode: 'all', except: new Set() };

describe('withRowsSet', () => {
  it('adds and clears rows by id', () => {
    const picked = withRowsSet(NONE, [1, 2, 3], true);
    expect(withRowsSet(picked, [2], false)).toEqual({ mode: 'some', ids: new Set([1, 3]) });
  });

  it('after "select all", keeps the rows cleared as the ones left out, and takes them back when ticked', () => {
    const leftOut = withRowsSet(ALL, [4, 5], false);
    expect(leftOut).toEqual({ mode: 'all', except: new Set([4, 5]) });
    expect(withRowsSet(leftOut, [5], true)).toEqual({ mode: 'all', except: new Set([4]) });
  });
});

describe('tableSelectionOf', () => {
  it("reads a row's box from the page's selection and hands the table's changes back as ids", () => {
    const changes: [readonly number[], boolean][] = [];
    const rows = [{ membership: { id: 7 } }, { membership: { id: 8 } }];
    const table = tableSelectionOf(
      { mode: 'all', except: new Set([8]) } as RowSelection<number>,
      (row: (typeof rows)[number]) => row.membership.id,
      (ids, selected) => changes.push([ids, selected]),
    );
    expect(rows.map(table.isSelected)).toEqual([true, false]);
    table.onChange(rows, false);
    expect(changes).toEqual([[[7, 8], false]]);
  });
});

describe('"select all N"', () => {
  it('counts every row of the list, loaded or not, less the ones left out', () => {
    expect(selectedCount(withRowsSet(ALL, [7], false), 1000)).toBe(999);
    expect(selectedCount(withRowsSet(NONE, [7, 8], true), 1000)).toBe(2);
  });

  it('covers a row that was never loaded', () => {
    expect(isSelected(ALL, 123_456)).toBe(true);
    expect(isSelected(withRowsSet(ALL, [123_456], false), 123_456)).toBe(false);
  });
});

/**
 * The view the checkboxes read, made again after each change the way VirtualTable's render would:
 * the page's selection is the source, the view its reading of the loaded rows.
 */
function selectableTable(ids: number[], start: RowSelection<number> = NONE) {
  const rows = ids.map((id) => ({ id }));
  const idOf = (row: { id: number }) => String(row.id);
  const anchor: SelectionAnchor = { current: undefined };
  let selection = start;
  const view = () =>
    selectionViewOf(
      rows,
      idOf,
      tableSelectionOf(selection, (row) => row.id, onSelectMany),
      anchor,
    );
  const onSelectMany = (changed: readonly number[], selected: boolean) => {
    selection = withRowsSet(selection, changed, selected);
  };
  const rowOf = (id: number) => rows.find((row) => row.id === id) ?? { id };
  const click = (id: number, shiftKey = false) => {
    const row = rowOf(id);
    view().toggle(row, !view().isSelected(row), shiftKey);
  };
  return { view, click, rowOf, selection: () => selection };
}

describe('selection through the table', () => {
  it('a shift-click selects every row from the one last clicked to the one clicked', () => {
    const { click, selection } = selectableTable([1, 2, 3, 4, 5, 6]);
    click(2);
    click(5, true);
    expect(selection()).toEqual({ mode: 'some', ids: new Set([2, 3, 4, 5]) });
  });

  it('a shift-click on a selected row clears the range up to the row last clicked', () => {
    const { click, selection } = selectableTable([1, 2, 3, 4, 5, 6]);
    click(1);
    click(6, true);
    click(5);
    click(2, true);
    expect(selection()).toEqual({ mode: 'some', ids: new Set([1, 6]) });
  });

  it('a shift-click with no row clicked before toggles only that row', () => {
    const { click, selection } = selectableTable([1, 2, 3]);
    click(3, true);
    expect(selection()).toEqual({ mode: 'some', ids: new Set([3]) });
  });

  it('a shift-click after the header box toggles only that row, as the header box leaves no row to start from', () => {
    const { view, click, selection } = selectableTable([1, 2, 3, 4, 5]);
    click(2);
    view().setAll(true);
    view().setAll(false);
    click(5, true);
    expect(selection()).toEqual({ mode: 'some', ids: new Set([5]) });
  });

  it('the header box selects the loaded rows, and clears them when all are selected', () => {
    const { view, click, selection } = selectableTable([1, 2, 3]);
    click(2);
    expect(view()).toMatchObject({ all: false, some: true });
    view().setAll(true);
    expect(selection()).toEqual({ mode: 'some', ids: new Set([1, 2, 3]) });
    expect(view().all).toBe(true);
    view().setAll(false);
    expect(selection()).toEqual({ mode: 'some', ids: new Set() });
  });

  it('shows "select all N" as every loaded row selected, and a cleared row as left out of it', () => {
    const { view, click, rowOf, selection } = selectableTable([1, 2, 3], ALL);
    expect(view().all).toBe(true);
    click(2);
    expect(selection()).toEqual({ mode: 'all', except: new Set([2]) });
    expect(view().isSelected(rowOf(2))).toBe(false);
    expect(view()).toMatchObject({ all: false, some: true });
  });
});
