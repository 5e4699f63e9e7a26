import type { CursorValue } from './cursor-codec.ts';

export type SortKey = { column: string; direction: 'asc' | 'desc'; collate?: 'NOCASE' };

/**
 * A list as SQL pieces. `order` must end in a unique column so that every row has a distinct
 * position, which is what makes keyset cursors exact (no gaps, no duplicates).
 */
export type ListQuery = {
  select: string;
  from: string;
  where: string[];
  params: unknown[];
  /** Names the ordering inside cursors. */
  sortName: string;
  order: SortKey[];
};

export type KeyedRow = Record<string, unknown>;

export function keyAlias(index: number): string {
  return `_cursor_key_${index}`;
}

export function selectWithKeys(query: ListQuery): string {
  const keys = query.order.map((key, index) => `${key.column} AS ${keyAlias(index)}`);
  return [query.select, ...keys].join(', ');
}

export function keyValuesOf(row: KeyedRow, keyCount: number): CursorValue[] {
  return Array.from({ length: keyCount }, (_, index) => row[keyAlias(index)] as CursorValue);
}

function collated(key: SortKey): string {
  return key.collate ? `${key.column} COLLATE ${key.collate}` : key.column;
}

/** ORDER BY for reading forward (`reverse` false) or backward from a cursor. */
export function orderBy(order: SortKey[], reverse: boolean): string {
  return order
    .map((key) => {
      const ascending = (key.direction === 'asc') !== reverse;
      return `${collated(key)} ${ascending ? 'ASC' : 'DESC'}`;
    })
    .join(', ');
}

/**
 * The keyset condition "comes after these values" (or before, when `reverse`). A single direction
 * uses a row-value comparison, which SQLite answers from the index; mixed directions expand to the
 * equivalent OR chain.
 */
export function keysetCondition(
  order: SortKey[],
  values: CursorValue[],
  reverse: boolean,
): { sql: string; params: CursorValue[] } {
  const greater = (key: SortKey) => (key.direction === 'asc') !== reverse;
  const first = order[0];
  const uniform =
    first !== undefined && order.every((key) => greater(key) === greater(first) && !key.collate);
  if (uniform) {
    const columns = order.map((key) => key.column).join(', ');
    const marks = order.map(() => '?').join(', ');
    return { sql: `(${columns}) ${greater(first) ? '>' : '<'} (${marks})`, params: values };
  }
  const branches: string[] = [];
  const params: CursorValue[] = [];
  order.forEach((key, index) => {
    const equalities = order.slice(0, index).map((earlier) => `${collated(earlier)} = ?`);
    branches.push([...equalities, `${collated(key)} ${greater(key) ? '>' : '<'} ?`].join(' AND '));
    params.push(...values.slice(0, index), values[index] as CursorValue);
  });
  return { sql: `(${branches.map((branch) => `(${branch})`).join(' OR ')})`, params };
}
