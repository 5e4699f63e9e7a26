/**
 * The rows from the anchor (the row last clicked) to the row shift-clicked, both included, in the
 * order the list shows them. Without an anchor in the list, only the clicked row.
 */
export function rowsInRange<Row, Id>(
  rows: readonly Row[],
  idOf: (row: Row) => Id,
  anchor: Id | undefined,
  clicked: Id,
): Row[] {
  const to = rows.findIndex((row) => idOf(row) === clicked);
  if (to === -1) return [];
  const from = anchor === undefined ? -1 : rows.findIndex((row) => idOf(row) === anchor);
  if (from === -1) return rows.slice(to, to + 1);
  return rows.slice(Math.min(from, to), Math.max(from, to) + 1);
}

/** Whether a checkbox's change came from a shift-click: React reports a checkbox's change on its click event. */
export function isShiftChange(event: { nativeEvent: Event }): boolean {
  return event.nativeEvent instanceof MouseEvent && event.nativeEvent.shiftKey;
}
