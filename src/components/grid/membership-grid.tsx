import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { FIRST_RENDER_VIEWPORT } from '../first-render-viewport.ts';
import { useHydrated } from '../use-hydrated.ts';
import {
  type GridCell,
  type GridRectangle,
  isInRectangle,
  movedCell,
  rectangleBetween,
} from './grid-rectangle.ts';
import './membership-grid.css';

/** What a cell shows: a word (never colour alone) and the classes that style it. Cheap to make. */
export type GridCellView = { text: string; className: string; title?: string };

export type MembershipGridProps = {
  label: string;
  rowCount: number;
  columnCount: number;
  rowKey: (row: number) => string;
  columnKey: (column: number) => string;
  renderRowHeader: (row: number) => ReactNode;
  renderColumnHeader: (column: number) => ReactNode;
  /** Called for every cell on screen on every render: keep it to lookups. */
  cellView: (row: number, column: number) => GridCellView;
  /** A click or Space on one cell. */
  onToggle: (cell: GridCell) => void;
  /**
   * Shift-click (`like: 'anchor'`: the rectangle takes the anchor's new state) or Space over a
   * Shift+arrow rectangle (`like: 'reverse'`: the rectangle takes the opposite of the anchor's).
   */
  onRectangle: (anchor: GridCell, rectangle: GridRectangle, like: 'anchor' | 'reverse') => void;
  /** Space or Enter on a row header or column header. */
  onRowHeader?: (row: number) => void;
  onColumnHeader?: (column: number) => void;
  /** Other keys on a cell (e.g. `d` for default); true when handled. */
  onCellKey?: (cell: GridCell, key: string) => boolean;
  onEscape: () => void;
  onFocusCell?: (cell: GridCell | undefined) => void;
  rowHeight?: number;
  columnWidth?: number;
  rowHeaderWidth?: number;
  headerHeight?: number;
};

/** Row -1 is the column headers' row and column -1 the row headers' column. */
const HEADER = -1;

function cellId(cell: GridCell): string {
  return `${cell.row}:${cell.column}`;
}

/** The cell an event happened in, read from the DOM, which is where the person sees the focus. */
function cellOf(target: EventTarget): GridCell | undefined {
  const id = (target as HTMLElement).closest?.<HTMLElement>('[data-cell]')?.dataset.cell;
  const [row, column] = (id ?? '').split(':').map(Number);
  if (row === undefined || column === undefined || Number.isNaN(row) || Number.isNaN(column))
    return undefined;
  return { row, column };
}

/**
 * A people × places grid after WAI-ARIA's data grid: one tab stop (roving tabindex), arrow keys
 * between cells and into the headers, Space to toggle, Shift+arrows or Shift-click for a
 * rectangle, Escape to clear. Virtualized both ways: only the rows and columns in view are in the
 * DOM, each cell one element. Until hydrated (the server's HTML, and hydrating it) the first screen
 * of rows and columns lays out in the flow (`grid-flow`), since the CSP refuses the inline styles
 * that place cells; the sizes are then the defaults, which styles.css repeats for that layout.
 */
export function MembershipGrid(props: MembershipGridProps) {
  const {
    rowCount,
    columnCount,
    rowHeight = 36,
    columnWidth = 128,
    rowHeaderWidth = 248,
    headerHeight = 76,
  } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<GridCell>({ row: 0, column: 0 });
  const [anchor, setAnchor] = useState<GridCell>({ row: 0, column: 0 });
  const [extended, setExtended] = useState(false);
  const moveDom = useRef(false);
  const placed = useHydrated();
  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    scrollPaddingStart: headerHeight,
    getItemKey: props.rowKey,
    // The server's render and the hydrating one assume this viewport, so the two agree.
    initialRect: FIRST_RENDER_VIEWPORT,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: columnCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => columnWidth,
    overscan: 3,
    scrollPaddingStart: rowHeaderWidth,
    getItemKey: props.columnKey,
    initialRect: FIRST_RENDER_VIEWPORT,
  });
  const clampedFocus: GridCell = {
    row: Math.min(focus.row, rowCount - 1),
    column: Math.min(focus.column, columnCount - 1),
  };
  const rectangle: GridRectangle | undefined = extended ? rectangleBetween(anchor, clampedFocus) : undefined;
  const { onFocusCell } = props;

  const focusKey = cellId(clampedFocus);
  useEffect(() => {
    const [row = -1, column = -1] = focusKey.split(':').map(Number);
    onFocusCell?.(row >= 0 && column >= 0 ? { row, column } : undefined);
  }, [focusKey, onFocusCell]);

  // After a key moves the focus, the cell is scrolled into view and focused once rendered: a far
  // jump (Ctrl+End, PageDown) renders its cell only after the scroll, a render or more later.
  useEffect(() => {
    if (!moveDom.current) return;
    const target = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${cellId(clampedFocus)}"]`);
    if (!target) return;
    moveDom.current = false;
    target.focus({ preventScroll: true });
  });

  const focusCell = useCallback(
    (cell: GridCell) => {
      if (cell.row >= 0) rows.scrollToIndex(cell.row);
      if (cell.column >= 0) columns.scrollToIndex(cell.column);
      moveDom.current = true;
      setFocus(cell);
    },
    [rows, columns],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys move from the cell that has the focus, which a pending move has not yet left.
    const current = (!moveDom.current && cellOf(event.target)) || clampedFocus;
    if (event.key === 'Escape') {
      event.preventDefault();
      setExtended(false);
      props.onEscape();
      return;
    }
    const inHeader = current.row === HEADER || current.column === HEADER;
    if (event.key === ' ' || event.key === 'Enter') {
      if (inHeader) {
        if (current.row === HEADER && current.column >= 0) props.onColumnHeader?.(current.column);
        if (current.column === HEADER && current.row >= 0) props.onRowHeader?.(current.row);
        event.preventDefault();
        return;
      }
      if (event.key === 'Enter') return;
      event.preventDefault();
      if (rectangle && (rectangle.top !== rectangle.bottom || rectangle.left !== rectangle.right)) {
        props.onRectangle(anchor, rectangle, 'reverse');
      } else {
        props.onToggle(current);
      }
      return;
    }
    const size = { rows: rowCount, columns: columnCount };
    // Headers: up from the first row, left from the first column.
    let next: GridCell | undefined;
    if (event.key === 'ArrowUp' && current.row === 0 && !event.shiftKey) next = { ...current, row: HEADER };
    else if (event.key === 'ArrowLeft' && current.column === 0 && !event.shiftKey)
      next = { ...current, column: HEADER };
    else if (event.key === 'ArrowDown' && current.row === HEADER) next = { ...current, row: 0 };
    else if (event.key === 'ArrowRight' && current.column === HEADER) next = { ...current, column: 0 };
    else if (inHeader && (event.key === 'ArrowLeft' || event.key === 'ArrowRight') && current.row === HEADER)
      next = {
        row: HEADER,
        column: movedCell({ row: 0, column: current.column }, event.key, size)?.column ?? 0,
      };
    else if (inHeader && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && current.column === HEADER)
      next = { column: HEADER, row: movedCell({ row: current.row, column: 0 }, event.key, size)?.row ?? 0 };
    else if (!inHeader) next = movedCell(current, event.key, size, event.ctrlKey || event.metaKey);
    if (next) {
      event.preventDefault();
      if (event.shiftKey && !inHeader && next.row >= 0 && next.column >= 0) {
        if (!extended) setAnchor(current);
        setExtended(true);
      } else {
        setExtended(false);
        setAnchor(next);
      }
      focusCell(next);
      return;
    }
    if (!inHeader && props.onCellKey?.(current, event.key)) event.preventDefault();
  };

  // Whatever brings the focus to a cell or header (Tab, a click, a key), the roving tab stop follows.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const cell = cellOf(event.target);
    if (!cell || moveDom.current) return;
    setFocus((was) => (was.row === cell.row && was.column === cell.column ? was : cell));
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('a, button, input')) return;
    const cell = cellOf(event.target);
    if (!cell || cell.row < 0 || cell.column < 0) return;
    // The click wins over a key's move still pending, which onFocus leaves alone.
    setFocus(cell);
    if (event.shiftKey) {
      setExtended(false);
      props.onRectangle(anchor, rectangleBetween(anchor, cell), 'anchor');
      return;
    }
    setAnchor(cell);
    setExtended(false);
    props.onToggle(cell);
  };

  const virtualRows = rows.getVirtualItems();
  const virtualColumns = columns.getVirtualItems();
  const place = (style: CSSProperties) => (placed ? style : undefined);
  const tabStop = (cell: GridCell) =>
    cell.row === clampedFocus.row && cell.column === clampedFocus.column ? 0 : -1;

  return (
    // biome-ignore lint/a11y/useSemanticElements: an ARIA grid; a <table> cannot be virtualized both ways.
    <div
      ref={scrollRef}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columnCount + 1}
      aria-multiselectable="true"
      className="grid-scroll"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onClick={onClick}
      tabIndex={-1}
    >
      <div
        className={placed ? 'grid-canvas' : 'grid-canvas grid-flow'}
        style={place({
          width: rowHeaderWidth + columns.getTotalSize(),
          height: headerHeight + rows.getTotalSize(),
        })}
      >
        {/* biome-ignore lint/a11y/useSemanticElements: see above */}
        {/* biome-ignore lint/a11y/useFocusableInteractive: the grid's cells take focus, not its rows (roving tabindex). */}
        <div role="row" aria-rowindex={1} className="grid-head" style={place({ height: headerHeight })}>
          {/* biome-ignore lint/a11y/useSemanticElements: see above */}
          {/* biome-ignore lint/a11y/useFocusableInteractive: the corner holds the rows' title only; focus moves between cells. */}
          <div
            role="columnheader"
            aria-colindex={1}
            className="grid-corner"
            style={place({ width: rowHeaderWidth })}
          >
            {props.label}
          </div>
          {virtualColumns.map((column) => (
            // biome-ignore lint/a11y/useSemanticElements: see above
            <div
              key={column.key}
              role="columnheader"
              aria-colindex={column.index + 2}
              data-cell={cellId({ row: HEADER, column: column.index })}
              tabIndex={tabStop({ row: HEADER, column: column.index })}
              className="grid-column-header"
              style={place({ left: rowHeaderWidth + column.start, width: column.size, height: headerHeight })}
            >
              {props.renderColumnHeader(column.index)}
            </div>
          ))}
        </div>
        {virtualRows.map((row) => (
          // biome-ignore lint/a11y/useSemanticElements: see above
          // biome-ignore lint/a11y/useFocusableInteractive: the grid's cells take focus, not its rows (roving tabindex).
          <div
            key={row.key}
            role="row"
            aria-rowindex={row.index + 2}
            className="grid-row"
            style={place({ top: headerHeight + row.start, height: row.size })}
          >
            {/* biome-ignore lint/a11y/useSemanticElements: see above */}
            <div
              role="rowheader"
              aria-colindex={1}
              data-cell={cellId({ row: row.index, column: HEADER })}
              tabIndex={tabStop({ row: row.index, column: HEADER })}
              className="grid-row-header"
              style={place({ width: rowHeaderWidth })}
            >
              {props.renderRowHeader(row.index)}
            </div>
            {virtualColumns.map((column) => {
              const view = props.cellView(row.index, column.index);
              const selected = isInRectangle(rectangle, row.index, column.index);
              return (
                // biome-ignore lint/a11y/useSemanticElements: see above
                <div
                  key={column.key}
                  role="gridcell"
                  aria-colindex={column.index + 2}
                  aria-selected={selected}
                  data-cell={`${row.index}:${column.index}`}
                  tabIndex={tabStop({ row: row.index, column: column.index })}
                  className={selected ? `${view.className} is-in-rectangle` : view.className}
                  title={view.title}
                  style={place({ left: rowHeaderWidth + column.start, width: column.size })}
                >
                  {view.text}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
