/** A cell of a grid by position: `row` and `column` count from 0, headers excluded. */
export type GridCell = { row: number; column: number };

/** The cells from `top`-`left` to `bottom`-`right`, both corners included. */
export type GridRectangle = { top: number; left: number; bottom: number; right: number };

export function rectangleBetween(a: GridCell, b: GridCell): GridRectangle {
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

export function isInRectangle(rectangle: GridRectangle | undefined, row: number, column: number): boolean {
  return (
    rectangle !== undefined &&
    row >= rectangle.top &&
    row <= rectangle.bottom &&
    column >= rectangle.left &&
    column <= rectangle.right
  );
}

/** Row by row, left to right: the order a person reads the rectangle in. */
export function cellsOf(rectangle: GridRectangle): GridCell[] {
  const cells: GridCell[] = [];
  for (let row = rectangle.top; row <= rectangle.bottom; row++) {
    for (let column = rectangle.left; column <= rectangle.right; column++) cells.push({ row, column });
  }
  return cells;
}

export function cellCount(rectangle: GridRectangle): number {
  return (rectangle.bottom - rectangle.top + 1) * (rectangle.right - rectangle.left + 1);
}

/** Rows moved by Page Up and Page Down. */
export const PAGE_ROWS = 10;

/**
 * Where a key moves the focus, as in a spreadsheet: arrows one cell, Home/End the row's ends (with
 * Ctrl the grid's corners), Page Up/Down ten rows. Undefined for a key that does not move it; the
 * focus stays inside the `rows` × `columns` grid.
 */
export function movedCell(
  cell: GridCell,
  key: string,
  size: { rows: number; columns: number },
  ctrl = false,
): GridCell | undefined {
  const lastRow = Math.max(0, size.rows - 1);
  const lastColumn = Math.max(0, size.columns - 1);
  const clamp = (row: number, column: number): GridCell => ({
    row: Math.min(lastRow, Math.max(0, row)),
    column: Math.min(lastColumn, Math.max(0, column)),
  });
  switch (key) {
    case 'ArrowUp':
      return clamp(cell.row - 1, cell.column);
    case 'ArrowDown':
      return clamp(cell.row + 1, cell.column);
    case 'ArrowLeft':
      return clamp(cell.row, cell.column - 1);
    case 'ArrowRight':
      return clamp(cell.row, cell.column + 1);
    case 'Home':
      return ctrl ? clamp(0, 0) : clamp(cell.row, 0);
    case 'End':
      return ctrl ? clamp(lastRow, lastColumn) : clamp(cell.row, lastColumn);
    case 'PageUp':
      return clamp(cell.row - PAGE_ROWS, cell.column);
    case 'PageDown':
      return clamp(cell.row + PAGE_ROWS, cell.column);
    default:
      return undefined;
  }
}
