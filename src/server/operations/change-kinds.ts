import type { OperationKind } from '../../contract/roster-operations.ts';

/** A mixed-change operation (an import, the grid): each item says what it does. */
export function isChangeKind(kind: OperationKind): boolean {
  return kind.endsWith('.change');
}
