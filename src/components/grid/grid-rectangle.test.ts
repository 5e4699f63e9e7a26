import { describe, expect, it } from 'vitest';
import { cellCount, cellsOf, isInRectangle, movedCell, rectangleBetween } from './grid-rectangle.ts';

describe('rectangle selection', () => {
  it('spans the two corners whichever way the pointer went', () => {
    expect(rectangleBetween({ row: 4, column: 1 }, { row: 2, column: 3 })).toEqual({
      top: 2,
      bottom: 4,
      left: 1,
      right: 3,
    });
  });

  it('lists every cell once, row by row', () => {
    const rectangle = rectangleBetween({ row: 0, column: 0 }, { row: 1, column: 2 });
    expect(cellsOf(rectangle)).toEqual([
      { row: 0, column: 0 },
      { row: 0, column: 1 },
      { row: 0, column: 2 },
      { row: 1, column: 0 },
      { row: 1, column: 1 },
      { row: 1, column: 2 },
    ]);
    expect(cellCount(rectangle)).toBe(6);
  });

  it('is a single cell when both corners are the same', () => {
    const rectangle = rectangleBetween({ row: 3, column: 3 }, { row: 3, column: 3 });
    expect(cellsOf(rectangle)).toEqual([{ row: 3, column: 3 }]);
    expect(isInRectangle(rectangle, 3, 3)).toBe(true);
    expect(isInRectangle(rectangle, 3, 4)).toBe(false);
    expect(isInRectangle(undefined, 0, 0)).toBe(false);
  });
});

describe('moving the focus by key', () => {
  const size = { rows: 30, columns: 5 };

  it('moves one cell with the arrows and stops at the edges', () => {
    expect(movedCell({ row: 0, column: 0 }, 'ArrowDown', size)).toEqual({ row: 1, column: 0 });
    expect(movedCell({ row: 0, column: 0 }, 'ArrowUp', size)).toEqual({ row: 0, column: 0 });
    expect(movedCell({ row: 0, column: 4 }, 'ArrowRight', size)).toEqual({ row: 0, column: 4 });
    expect(movedCell({ row: 0, column: 4 }, 'ArrowLeft', size)).toEqual({ row: 0, column: 3 });
  });

  it('goes to the row ends with Home and End, to the corners with Ctrl, ten rows with Page keys', () => {
    expect(movedCell({ row: 7, column: 2 }, 'Home', size)).toEqual({ row: 7, column: 0 });
    expect(movedCell({ row: 7, column: 2 }, 'End', size)).toEqual({ row: 7, column: 4 });
    expect(movedCell({ row: 7, column: 2 }, 'End', size, true)).toEqual({ row: 29, column: 4 });
    expect(movedCell({ row: 7, column: 2 }, 'Home', size, true)).toEqual({ row: 0, column: 0 });
    expect(movedCell({ row: 25, column: 2 }, 'PageDown', size)).toEqual({ row: 29, column: 2 });
    expect(movedCell({ row: 5, column: 2 }, 'PageUp', size)).toEqual({ row: 0, column: 2 });
  });

  it('ignores keys that do not move', () => {
    expect(movedCell({ row: 1, column: 1 }, ' ', size)).toBeUndefined();
  });
});
