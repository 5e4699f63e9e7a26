import { type ColumnDef, type RowData, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { FIRST_RENDER_VIEWPORT } from '../first-render-viewport.ts';
import { useHydrated } from '../use-hydrated.ts';
import { type SelectionAnchor, selectionViewOf, type TableSelection } from './row-selection.ts';
import { SelectionContext } from './selection-context.ts';
import { useRowFocusRecovery } from './use-row-focus-recovery.ts';

// Selection is the page's (it may cover rows not loaded): the checkbox column reads it from
// SelectionContext, so the table needs none of its own features.
const features = tableFeatures({});
type Features = typeof features;

export type VirtualTableColumn<Row extends RowData> = ColumnDef<Features, Row> & {
  /** CSS grid track, e.g. `minmax(180px, 2fr)` or `96px`. */
  width: string;
  align?: 'start' | 'end' | 'center';
};

export type VirtualTableProps<Row extends RowData> = {
  label: string;
  columns: VirtualTableColumn<Row>[];
  rows: Row[];
  getRowId: (row: Row) => string;
  /** All rows the list has, loaded or not (for `aria-rowcount`). */
  totalRows?: number;
  hasMore: boolean;
  isFetchingMore: boolean;
  onLoadMore: () => void;
  /**
   * For a list kept as a window of pages: the rows before `rows` that are no longer (or not yet)
   * loaded. Their places stay in the table, empty, so nothing moves when pages come and go.
   */
  rowsBefore?: number;
  hasPrevious?: boolean;
  isFetchingPrevious?: boolean;
  /** Called with the first row in view (an index of the whole list). */
  onLoadPrevious?: (firstVisible: number) => void;
  /** Rows with checkboxes (see `selectionColumn`); Space on a focused row toggles it. */
  selection?: TableSelection<Row>;
  /** Escape anywhere in the table. */
  onEscape?: () => void;
  rowHeight?: number;
};

/** The controls inside rows: reached with the arrow keys from their row, not with Tab. */
const ROW_CONTROLS = 'a[href], button, input, select, textarea';
const BODY_CONTROLS = ROW_CONTROLS.split(', ')
  .map((control) => `tbody ${control}`)
  .join(', ');

/**
 * Where each column that stays in view while the table scrolls sideways sits: the columns up to
 * and including the one named `name` (the row's checkbox and its name), when those before it have
 * fixed widths. Others are undefined.
 */
function stickyOffsets(columns: readonly { id?: string; width: string }[]): (number | undefined)[] {
  const nameIndex = columns.findIndex((column) => column.id === 'name');
  const offsets: (number | undefined)[] = columns.map(() => undefined);
  let left = 0;
  for (let index = 0; index <= nameIndex; index++) {
    offsets[index] = left;
    const fixed = /^(\d+)px$/.exec(columns[index]?.width ?? '');
    if (!fixed && index < nameIndex) return columns.map(() => undefined);
    left += Number(fixed?.[1] ?? 0);
  }
  return offsets;
}

/** How many rows before either end of the loaded rows the next page is requested, so scrolling never waits on it. */
const PREFETCH_ROWS = 60;

/**
 * A virtualized table with a sticky header and infinite loading in both directions. At most the
 * visible rows plus a small overscan are in the DOM however long the list grows.
 */
export function VirtualTable<Row extends RowData>(props: VirtualTableProps<Row>) {
  const { columns, rows, getRowId, hasMore, isFetchingMore, onLoadMore, rowHeight = 40 } = props;
  const { rowsBefore = 0, hasPrevious = false, isFetchingPrevious = false, onLoadPrevious } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const recoverFocus = useRowFocusRecovery();
  const setScroll = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element;
      return recoverFocus(element);
    },
    [recoverFocus],
  );
  // Rows are placed with inline styles, which only script may set under the CSP: until then (the
  // server's HTML, and hydrating it) the first rows lay out as a plain table.
  const placed = useHydrated();
  const [activeIndex, setActiveIndex] = useState(0);
  const { selection } = props;
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row: Row) => getRowId(row),
  });
  const anchor = useRef<SelectionAnchor['current']>(undefined);
  const view = selection && selectionViewOf(rows, getRowId, selection, anchor);
  const tableRows = table.getRowModel().rows;
  const rowCount = rowsBefore + tableRows.length;
  /** The loaded row at a position of the whole list, if it is loaded. */
  const rowAt = (index: number) => (index < rowsBefore ? undefined : tableRows[index - rowsBefore]);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // The server renders the first rows without a window to measure: both it and the browser's first
    // (hydrating) render assume this viewport, so the two agree until the real size is measured.
    initialRect: FIRST_RENDER_VIEWPORT,
    // Stable between renders: a new function makes the virtualizer recompute every row's position,
    // which for a long list is a lot of work on every frame of scrolling.
    getItemKey: useCallback(
      (index: number) =>
        index < rowsBefore ? `unloaded-${index}` : (tableRows[index - rowsBefore]?.id ?? index),
      [rowsBefore, tableRows],
    ),
  });
  const virtualRows = virtualizer.getVirtualItems();
  const firstVisible = virtualRows[0]?.index ?? 0;
  const lastVisible = virtualRows.at(-1)?.index ?? 0;
  const fetching = isFetchingMore || isFetchingPrevious;

  useEffect(() => {
    if (hasMore && !fetching && lastVisible >= rowCount - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, fetching, lastVisible, rowCount, onLoadMore]);
  useEffect(() => {
    if (hasPrevious && !fetching && firstVisible < rowsBefore + PREFETCH_ROWS) onLoadPrevious?.(firstVisible);
  }, [hasPrevious, fetching, firstVisible, rowsBefore, onLoadPrevious]);

  const template = columns.map((column) => column.width).join(' ');
  const stickyLeft = stickyOffsets(columns);
  const cellClass = (index: number) =>
    `vt-cell align-${columns[index]?.align ?? 'start'}${stickyLeft[index] === undefined ? '' : ' is-sticky'}`;
  const cellStyle = (index: number) => {
    const left = stickyLeft[index];
    return left === undefined || !placed ? undefined : { left };
  };

  // One tab stop per table (the active row): the rows' links, boxes and buttons leave the tab order.
  // A control re-rendered as a new element (its page read again, a button that became text) is
  // gone without a blur, so focus goes back to its replacement instead of the page.
  const focusedControl = useRef<{ rowIndex: string; control: number } | undefined>(undefined);
  useLayoutEffect(() => {
    const scroll = scrollRef.current;
    for (const control of scroll?.querySelectorAll<HTMLElement>(BODY_CONTROLS) ?? []) {
      control.tabIndex = -1;
    }
    const lost = focusedControl.current;
    if (!scroll || !lost || scroll.contains(document.activeElement)) return;
    if (document.activeElement !== document.body) return;
    const row = scroll.querySelector<HTMLElement>(`tbody [data-index="${lost.rowIndex}"]`);
    row?.querySelectorAll<HTMLElement>(ROW_CONTROLS)[lost.control]?.focus();
  });
  function rememberFocus(target: HTMLElement) {
    const row = target.closest<HTMLElement>('tbody [data-index]');
    const control = row ? [...row.querySelectorAll<HTMLElement>(ROW_CONTROLS)].indexOf(target) : -1;
    focusedControl.current =
      row?.dataset.index !== undefined && control >= 0 ? { rowIndex: row.dataset.index, control } : undefined;
  }

  function focusRow(index: number) {
    const bounded = Math.max(0, Math.min(rowCount - 1, index));
    setActiveIndex(bounded);
    virtualizer.scrollToIndex(bounded);
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${bounded}"]`)?.focus();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const rowIndex = Number(target.closest<HTMLElement>('[data-index]')?.dataset.index ?? Number.NaN);
    if (event.key === 'Escape') {
      props.onEscape?.();
      return;
    }
    if (Number.isNaN(rowIndex)) return;
    const row = target.closest<HTMLElement>('[data-index]');
    const controls = [...(row?.querySelectorAll<HTMLElement>(ROW_CONTROLS) ?? [])].filter(
      (control) => !control.matches(':disabled'),
    );
    const at = controls.indexOf(target);
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      // Left of the first control is the row itself; right of the last stays put.
      const next = at + (event.key === 'ArrowRight' ? 1 : -1);
      event.preventDefault();
      if (next < 0) row?.focus();
      else controls[Math.min(next, controls.length - 1)]?.focus();
      return;
    }
    if (target !== row) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        focusRow(rowIndex + (event.key === 'ArrowDown' ? 1 : -1));
      }
      return;
    }
    if (event.key === 'Enter') {
      const link = controls.find((control) => control.matches('a[href]'));
      if (link) {
        event.preventDefault();
        link.click();
      }
      return;
    }
    const page = Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight);
    const moves: Record<string, number> = {
      ArrowDown: rowIndex + 1,
      ArrowUp: rowIndex - 1,
      PageDown: rowIndex + page,
      PageUp: rowIndex - page,
      Home: 0,
      End: rowCount - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      focusRow(next);
    } else if (event.key === ' ' && selection) {
      event.preventDefault();
      // As a click on its box: the row becomes where a shift-click's range starts.
      const loaded = rowAt(rowIndex);
      if (loaded && view) view.toggle(loaded.original, !view.isSelected(loaded.original), false);
    }
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys bubble up from the focusable rows and controls inside
    <div
      ref={setScroll}
      className="vt-scroll"
      // Focus lands here only when the last row it was on is gone (see useRowFocusRecovery).
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onFocus={(event) => rememberFocus(event.target)}
      onBlur={() => {
        focusedControl.current = undefined;
      }}
    >
      <SelectionContext value={view}>
        <table
          className={placed ? 'vt-table' : 'vt-table vt-flow'}
          aria-label={props.label}
          aria-rowcount={(props.totalRows ?? rows.length) + 1}
          data-loaded-rows={rowCount}
        >
          <thead className="vt-head">
            {table.getHeaderGroups().map((group) => (
              <tr
                aria-rowindex={1}
                key={group.id}
                className="vt-row"
                style={placed ? { gridTemplateColumns: template } : undefined}
              >
                {group.headers.map((header, index) => (
                  <th key={header.id} className={cellClass(index)} style={cellStyle(index)}>
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="vt-body" style={placed ? { height: virtualizer.getTotalSize() } : undefined}>
            {virtualRows.map((item) => {
              const row = rowAt(item.index);
              const place = { height: item.size, transform: `translateY(${item.start}px)` };
              if (!row) {
                return (
                  <tr
                    key={item.key}
                    data-index={item.index}
                    aria-rowindex={item.index + 2}
                    aria-busy="true"
                    className="vt-row vt-body-row vt-unloaded-row"
                    style={placed ? place : undefined}
                  >
                    <td className="vt-cell">
                      <span className="visually-hidden">Loading…</span>
                    </td>
                  </tr>
                );
              }
              const selected = view?.isSelected(row.original) ?? false;
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  data-row-id={row.id}
                  aria-rowindex={item.index + 2}
                  aria-selected={selection ? selected : undefined}
                  tabIndex={item.index === activeIndex ? 0 : -1}
                  onFocus={() => setActiveIndex(item.index)}
                  className={`vt-row vt-body-row${selected ? ' is-selected' : ''}`}
                  style={placed ? { gridTemplateColumns: template, ...place } : undefined}
                >
                  {row.getAllCells().map((cell, index) => (
                    <td key={cell.id} className={cellClass(index)} style={cellStyle(index)}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </SelectionContext>
      {isFetchingMore && (
        <div className="vt-loading-more" role="status">
          Loading more…
        </div>
      )}
    </div>
  );
}

/** The table's loading props for an infinite query: the next page is asked for as the end nears. */
export function infiniteLoading(query: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: (options: { cancelRefetch: boolean }) => unknown;
}): Pick<VirtualTableProps<RowData>, 'hasMore' | 'isFetchingMore' | 'onLoadMore'> {
  return {
    hasMore: query.hasNextPage,
    isFetchingMore: query.isFetchingNextPage,
    onLoadMore: () => void query.fetchNextPage({ cancelRefetch: false }),
  };
}
