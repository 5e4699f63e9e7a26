/**
 * The grid's pending changes: UI state until they are reviewed and applied as one operation.
 * Cells are named by person and place (string ids, Zendesk's numbers and Box's digits alike).
 */

export type MembershipAction = 'add' | 'remove';
export type BoxRole = 'member' | 'admin';

/** What one cell will change; a refused cell holds only why, and is never sent. */
export type PendingCell = {
  rowId: string;
  columnId: string;
  membership?: MembershipAction;
  makeDefault?: true;
  role?: BoxRole;
  refusal?: string;
};

export type PendingChanges = ReadonlyMap<string, PendingCell>;

export const NO_PENDING_CHANGES: PendingChanges = new Map();

export function cellKey(rowId: string, columnId: string): string {
  return `${rowId}:${columnId}`;
}

/** A cell as today's memberships have it, which a toggle reverses. */
export type CellFacts = { rowId: string; columnId: string; member: boolean };

/** Why a change may not be made, given the changes pending so far; undefined when it may. */
export type Judge = (
  pending: PendingChanges,
  cell: CellFacts,
  change: { membership?: MembershipAction; makeDefault?: true; role?: BoxRole },
) => string | undefined;

export type PendingAction =
  /** A click or Space on one cell: adds a non-member, removes a member, or undoes what was pending. */
  | { type: 'toggle'; cell: CellFacts; judge: Judge }
  /** A rectangle, a column or a row: every cell made a member (`want: true`) or not. */
  | { type: 'set'; cells: readonly CellFacts[]; want: boolean; judge: Judge }
  /** Makes the membership the person's default; their other pending default goes. */
  | { type: 'make_default'; cell: CellFacts; judge: Judge }
  /** Box: member ↔ admin for a membership that exists or is being added. */
  | { type: 'set_role'; cell: CellFacts; role: BoxRole; currentRole: BoxRole | undefined; judge: Judge }
  | { type: 'clear' };

function withCell(pending: PendingChanges, cell: PendingCell): Map<string, PendingCell> {
  const next = new Map(pending);
  const key = cellKey(cell.rowId, cell.columnId);
  const empty = !cell.membership && !cell.makeDefault && !cell.role && !cell.refusal;
  if (empty) next.delete(key);
  else next.set(key, cell);
  return next;
}

function judged(
  pending: PendingChanges,
  facts: CellFacts,
  change: { membership?: MembershipAction; makeDefault?: true; role?: BoxRole },
  judge: Judge,
): PendingCell {
  const refusal = judge(pending, facts, change);
  const at = { rowId: facts.rowId, columnId: facts.columnId };
  return refusal ? { ...at, refusal } : { ...at, ...change };
}

/** The cell made a member or not: nothing pending when it already is as wanted. */
function setCell(pending: PendingChanges, facts: CellFacts, want: boolean, judge: Judge): PendingChanges {
  const current = pending.get(cellKey(facts.rowId, facts.columnId));
  if (facts.member === want) {
    // Already so: a removal or refusal goes; a default or role change on a member stays.
    const kept: PendingCell = { rowId: facts.rowId, columnId: facts.columnId };
    if (want && current?.makeDefault) kept.makeDefault = true;
    if (want && current?.role) kept.role = current.role;
    return withCell(pending, kept);
  }
  const membership: MembershipAction = want ? 'add' : 'remove';
  if (current?.membership === membership) return pending;
  return withCell(pending, judged(pending, facts, { membership }, judge));
}

export function pendingChangesReducer(pending: PendingChanges, action: PendingAction): PendingChanges {
  switch (action.type) {
    case 'clear':
      return NO_PENDING_CHANGES;
    case 'toggle': {
      const { cell, judge } = action;
      const current = pending.get(cellKey(cell.rowId, cell.columnId));
      if (current?.membership || current?.refusal) {
        return withCell(pending, { rowId: cell.rowId, columnId: cell.columnId });
      }
      return setCell(pending, cell, !cell.member, judge);
    }
    case 'set': {
      let next = pending;
      for (const cell of action.cells) next = setCell(next, cell, action.want, action.judge);
      return next;
    }
    case 'make_default': {
      const { cell, judge } = action;
      const key = cellKey(cell.rowId, cell.columnId);
      const current = pending.get(key);
      if (current?.makeDefault) {
        const { makeDefault: _undone, ...rest } = current;
        return withCell(pending, rest);
      }
      const becomesMember = cell.member ? current?.membership !== 'remove' : current?.membership === 'add';
      if (!becomesMember) {
        const refusal = 'Only a membership can be the default: add it first.';
        return withCell(pending, { rowId: cell.rowId, columnId: cell.columnId, refusal });
      }
      const refusal = judge(pending, cell, { makeDefault: true });
      if (refusal) return withCell(pending, { rowId: cell.rowId, columnId: cell.columnId, refusal });
      // One default per person: another pending default of theirs is dropped.
      const next = new Map(pending);
      for (const [otherKey, other] of pending) {
        if (other.rowId !== cell.rowId || !other.makeDefault || otherKey === key) continue;
        const { makeDefault: _dropped, ...rest } = other;
        next.delete(otherKey);
        if (rest.membership || rest.role || rest.refusal) next.set(otherKey, rest);
      }
      return withCell(next, { ...current, rowId: cell.rowId, columnId: cell.columnId, makeDefault: true });
    }
    case 'set_role': {
      const { cell, role, currentRole, judge } = action;
      const current = pending.get(cellKey(cell.rowId, cell.columnId));
      const base: PendingCell = { ...current, rowId: cell.rowId, columnId: cell.columnId };
      delete base.role;
      delete base.refusal;
      const becomesMember = cell.member ? current?.membership !== 'remove' : current?.membership === 'add';
      if (!becomesMember) {
        return withCell(pending, { ...base, refusal: 'Only a member has a role: add them first.' });
      }
      // An add starts as a member; an existing membership keeps the role it has unless it differs.
      const already = cell.member ? currentRole : 'member';
      if (role === already) return withCell(pending, base);
      const refusal = judge(pending, cell, { role });
      return withCell(pending, refusal ? { ...base, refusal } : { ...base, role });
    }
  }
}

export type PendingSummary = {
  adds: number;
  removes: number;
  defaults: number;
  roles: number;
  refused: PendingCell[];
};

export function summarizePending(pending: PendingChanges): PendingSummary {
  const summary: PendingSummary = { adds: 0, removes: 0, defaults: 0, roles: 0, refused: [] };
  for (const cell of pending.values()) {
    if (cell.refusal) summary.refused.push(cell);
    if (cell.membership === 'add') summary.adds++;
    if (cell.membership === 'remove') summary.removes++;
    if (cell.makeDefault) summary.defaults++;
    if (cell.role) summary.roles++;
  }
  return summary;
}

const counted = (n: number, one: string, other: string) => `${n.toLocaleString()} ${n === 1 ? one : other}`;

/** "12 to add, 5 to remove, 2 defaults change, 1 not possible: Eve is an end user". */
export function describePending(summary: PendingSummary): string {
  const parts: string[] = [];
  if (summary.adds) parts.push(counted(summary.adds, 'to add', 'to add'));
  if (summary.removes) parts.push(counted(summary.removes, 'to remove', 'to remove'));
  if (summary.defaults) parts.push(counted(summary.defaults, 'default changes', 'defaults change'));
  if (summary.roles) parts.push(counted(summary.roles, 'role changes', 'roles change'));
  const first = summary.refused[0];
  if (first?.refusal) {
    const more = summary.refused.length > 1 ? ` (and ${summary.refused.length - 1} more)` : '';
    parts.push(`${counted(summary.refused.length, 'not possible', 'not possible')}: ${first.refusal}${more}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'No changes yet';
}

/** The changes that go to the server, refusals left out; a person's pending adds first, as the review expects. */
export function changesToSend(pending: PendingChanges): PendingCell[] {
  return [...pending.values()].filter(
    (cell) => !cell.refusal && (cell.membership || cell.makeDefault || cell.role),
  );
}
