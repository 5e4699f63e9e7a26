import { describe, expect, it } from 'vitest';
import { rowsInRange } from './range-selection.ts';

const rows = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }];
const idOf = (row: { id: number }) => row.id;

describe('rowsInRange', () => {
  it('takes every row from the anchor down to the clicked row', () => {
    expect(rowsInRange(rows, idOf, 2, 4).map(idOf)).toEqual([2, 3, 4]);
  });

  it('takes every row from the clicked row down to an anchor below it', () => {
    expect(rowsInRange(rows, idOf, 5, 3).map(idOf)).toEqual([3, 4, 5]);
  });

  it('takes only the clicked row when the anchor is not in the list (a new search)', () => {
    expect(rowsInRange(rows, idOf, 99, 3).map(idOf)).toEqual([3]);
    expect(rowsInRange(rows, idOf, undefined, 3).map(idOf)).toEqual([3]);
  });

  it('takes nothing when the clicked row is not in the list', () => {
    expect(rowsInRange(rows, idOf, 1, 99)).toEqual([]);
  });
});
